import MailIngest

/// Opens libetpan IMAP sessions for the pollers. Placeholder until the libetpan `IMAPSession` is merged.
enum IMAPConnector {
    /// Connects and logs in.
    static func connect(_ settings: IMAPConnectionSettings) throws -> any IMAPMailboxSession {
        throw IMAPError.unsupported("libetpan IMAP session not available in this build")
    }
}
