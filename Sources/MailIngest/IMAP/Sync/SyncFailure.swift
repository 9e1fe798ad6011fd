/// How the poller treats a failed pass, from the ``IMAPError`` it ended with.
public enum SyncFailure: Sendable, Hashable {
    /// A network cut, timeout, BYE or server error: reconnect with backoff.
    case transient
    /// The configuration is wrong (bad credentials, refused certificate, missing capability): retrying at the
    /// maximum backoff only, so an operator can fix it without a restart and the server is not hammered.
    case configuration

    /// Classifies an IMAP error.
    public init(_ error: IMAPError) {
        switch error {
        case .authentication, .tls, .unsupported: self = .configuration
        case .connection, .timeout, .command, .bye: self = .transient
        }
    }
}
