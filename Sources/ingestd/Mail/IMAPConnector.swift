import MailIngest

/// Opens libetpan IMAP sessions for the pollers. Placeholder until the libetpan `IMAPSession` is merged: replace with
/// `try IMAPSession.connect(...)` (the real version maps `IMAPConnectionSettings` to `IMAPAccountSettings`).
enum IMAPConnector {
    /// False: this build has no IMAP session yet; the Dovecot tests are skipped.
    static let isAvailable = false

    /// Connects and logs in.
    static func connect(_ settings: IMAPConnectionSettings) throws -> any IMAPMailboxSession {
        throw IMAPError.unsupported("libetpan IMAP session not available in this build")
    }
}
