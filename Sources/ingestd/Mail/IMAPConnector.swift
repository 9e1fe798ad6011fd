import MailIngest

/// Opens libetpan IMAP sessions for the pollers: the configuration's resolved settings become MailIngest's
/// ``IMAPAccountSettings``, and ``IMAPSession/connect(_:)`` verifies the certificate before any credential is sent.
enum IMAPConnector {
    /// True: this build has the libetpan session (the Dovecot suites check it).
    static let isAvailable = true

    /// Connects and logs in; with an `xoauth2_token_command` its fresh token is the secret.
    static func connect(_ settings: IMAPConnectionSettings) throws -> any IMAPMailboxSession {
        var settings = settings
        if let command = settings.tokenCommand { settings.secret = try command.token() }
        return try IMAPSession.connect(accountSettings(settings))
    }

    /// The MailIngest settings for a resolved mailbox account.
    static func accountSettings(_ settings: IMAPConnectionSettings) -> IMAPAccountSettings {
        let security: IMAPAccountSettings.Security = switch settings.security {
        case .tls: .tls
        case .starttls: .startTLS
        case .plain: .plain
        }
        let authentication: IMAPAccountSettings.Authentication = switch settings.auth {
        case .login: .login(user: settings.user, password: settings.secret)
        case .plain: .plain(user: settings.user, password: settings.secret)
        case .xoauth2: .xoauth2(user: settings.user, token: settings.secret)
        }
        return IMAPAccountSettings(host: settings.host, port: settings.port, security: security,
                                   authentication: authentication, caFile: settings.caFile,
                                   allowInvalidCertificates: settings.allowInvalidCertificates,
                                   timeout: settings.timeout)
    }
}
