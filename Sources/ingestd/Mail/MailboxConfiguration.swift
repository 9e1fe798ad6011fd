import Foundation
import MailIngest

/// The mail sources of `ingestd`: IMAP accounts and the mailboxes polled in each (JSON, snake_case keys). Passwords
/// and tokens never appear inline: each account names a `password_file` or a `password_env` (DESIGN.md, "Secrets").
struct MailboxConfiguration: Codable, Sendable, Hashable {
    /// One IMAP account.
    struct Account: Codable, Sendable, Hashable {
        /// Transport security: `tls` (IMAPS, 993), `starttls`, or `plain` (tests, local relays only).
        enum Security: String, Codable, Sendable, Hashable { case tls, starttls, plain }
        /// Authentication: `login`, `plain` (AUTHENTICATE PLAIN, RFC 4616) or `xoauth2` (the secret is the token).
        enum Auth: String, Codable, Sendable, Hashable { case login, plain, xoauth2 }

        /// A short name, unique in the file; it qualifies the mailbox names in the store (`name/INBOX`).
        var name: String
        /// Server host.
        var host: String
        /// Server port; default 993 for `tls`, 143 otherwise.
        var port: UInt16?
        /// Default `tls`.
        var security: Security?
        /// Default `login`.
        var auth: Auth?
        /// User name.
        var user: String
        /// File holding the password or token (trailing newline ignored).
        var passwordFile: String?
        /// Environment variable holding the password or token.
        var passwordEnv: String?
        /// For `xoauth2`: a program and its arguments (no shell) printing a fresh access token on stdout, run before
        /// each login with the account's timeout (instead of `password_file`/`password_env`).
        var xoauth2TokenCommand: [String]?
        /// PEM CA file to trust instead of the system store.
        var caFile: String?
        /// Accept certificates that fail verification; logged as a warning. Default false.
        var allowInvalidCertificates: Bool?
        /// Timeout of each IMAP step in seconds; default 30.
        var timeoutSeconds: Int?
        /// The mailboxes to poll.
        var mailboxes: [Mailbox]
    }

    /// One polled mailbox.
    struct Mailbox: Codable, Sendable, Hashable {
        /// How a stored message is marked: `keyword` (default), `seen` or `move`.
        enum Mark: String, Codable, Sendable, Hashable { case keyword, seen, move }

        /// Mailbox name, e.g. `INBOX`.
        var name: String
        /// Default `keyword`.
        var mark: Mark?
        /// The keyword for `keyword` mode; default `$Captured`.
        var keyword: String?
        /// The target mailbox for `move` mode (required there).
        var target: String?
        /// UIDs per FETCH; default 200.
        var batchSize: Int?
        /// Seconds between passes without IDLE; default 60.
        var pollIntervalSeconds: Double?
        /// Use IDLE when offered; default true.
        var idle: Bool?
        /// Marks sent while batches remain to fetch (once `maxUnmarked` wait) go over a second connection to the
        /// mailbox, logged out at the end of the pass, so the server marks while it sends the next batch; default
        /// true. A server that refuses the second connection gets the marks on the first and is not asked again;
        /// false keeps one connection per mailbox from the start.
        var separateMarkSession: Bool?
        /// Stored messages whose mark may wait while a pass catches up; default 200,000. Marks are sent once the last
        /// batch of the pass is stored, or earlier when this many are waiting, so storing is not slowed by the
        /// server's marking (a first read-write SELECT mid-pass also makes Dovecot move a cold Maildir's `new` to
        /// `cur` while the pass still fetches: a 40,000-message catch-up stored in 3.6 s with 20,000, 2.3 s without
        /// marks mid-pass, the marks done at the same time). A crash before the marks are sent leaves stored, unmarked messages, which the next pass
        /// marks (they are at or below the stored cursor).
        var maxUnmarked: Int?
    }

    /// The accounts.
    var accounts: [Account]

    enum CodingKeys: String, CodingKey { case accounts }
}

extension MailboxConfiguration.Account {
    enum CodingKeys: String, CodingKey {
        case name, host, port, security, auth, user, password
        case passwordFile = "password_file", passwordEnv = "password_env", caFile = "ca_file"
        case xoauth2TokenCommand = "xoauth2_token_command"
        case allowInvalidCertificates = "allow_invalid_certificates", timeoutSeconds = "timeout_seconds", mailboxes
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.password) {
            throw DecodingError.dataCorruptedError(forKey: .password, in: container, debugDescription:
                "inline passwords are not accepted: use password_file or password_env")
        }
        name = try container.decode(String.self, forKey: .name)
        host = try container.decode(String.self, forKey: .host)
        port = try container.decodeIfPresent(UInt16.self, forKey: .port)
        security = try container.decodeIfPresent(Security.self, forKey: .security)
        auth = try container.decodeIfPresent(Auth.self, forKey: .auth)
        user = try container.decode(String.self, forKey: .user)
        passwordFile = try container.decodeIfPresent(String.self, forKey: .passwordFile)
        passwordEnv = try container.decodeIfPresent(String.self, forKey: .passwordEnv)
        xoauth2TokenCommand = try container.decodeIfPresent([String].self, forKey: .xoauth2TokenCommand)
        caFile = try container.decodeIfPresent(String.self, forKey: .caFile)
        allowInvalidCertificates = try container.decodeIfPresent(Bool.self, forKey: .allowInvalidCertificates)
        timeoutSeconds = try container.decodeIfPresent(Int.self, forKey: .timeoutSeconds)
        mailboxes = try container.decode([MailboxConfiguration.Mailbox].self, forKey: .mailboxes)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(host, forKey: .host)
        try container.encodeIfPresent(port, forKey: .port)
        try container.encodeIfPresent(security, forKey: .security)
        try container.encodeIfPresent(auth, forKey: .auth)
        try container.encode(user, forKey: .user)
        try container.encodeIfPresent(passwordFile, forKey: .passwordFile)
        try container.encodeIfPresent(passwordEnv, forKey: .passwordEnv)
        try container.encodeIfPresent(xoauth2TokenCommand, forKey: .xoauth2TokenCommand)
        try container.encodeIfPresent(caFile, forKey: .caFile)
        try container.encodeIfPresent(allowInvalidCertificates, forKey: .allowInvalidCertificates)
        try container.encodeIfPresent(timeoutSeconds, forKey: .timeoutSeconds)
        try container.encode(mailboxes, forKey: .mailboxes)
    }
}

extension MailboxConfiguration.Mailbox {
    enum CodingKeys: String, CodingKey {
        case name, mark, keyword, target, idle
        case batchSize = "batch_size", pollIntervalSeconds = "poll_interval_seconds"
        case separateMarkSession = "separate_mark_session", maxUnmarked = "max_unmarked"
    }
}
