/// How to reach and log in to one IMAP account. Values only; reading configuration files, token files and commands
/// is the caller's job. `description` never shows passwords or tokens.
public struct IMAPAccountSettings: Sendable, Hashable, CustomStringConvertible {
    /// Transport security.
    public enum Security: String, Sendable, Hashable {
        /// Implicit TLS from the first byte (IMAPS, port 993; RFC 8314).
        case tls
        /// Plain connection upgraded with STARTTLS before login (RFC 9051 section 6.2.1); refused if not offered.
        case startTLS
        /// No TLS at all: only when explicitly configured (tests, a local relay).
        case plain
    }

    /// How to authenticate.
    public enum Authentication: Sendable, Hashable, CustomStringConvertible {
        /// LOGIN (RFC 9051 section 6.2.3).
        case login(user: String, password: String)
        /// AUTHENTICATE PLAIN (RFC 4616) through libetpan's SASL support (needs Cyrus SASL's PLAIN module).
        case plain(user: String, password: String)
        /// AUTHENTICATE XOAUTH2 with an OAuth 2.0 access token (Gmail, Microsoft 365).
        case xoauth2(user: String, token: String)

        /// The user name.
        public var user: String {
            switch self {
            case .login(let user, _), .plain(let user, _), .xoauth2(let user, _): user
            }
        }

        /// Mechanism and user, never the secret.
        public var description: String {
            switch self {
            case .login(let user, _): "LOGIN \(user)"
            case .plain(let user, _): "PLAIN \(user)"
            case .xoauth2(let user, _): "XOAUTH2 \(user)"
            }
        }
    }

    /// Server host name (also the name the certificate must carry) or IP literal.
    public var host: String
    /// Server port.
    public var port: UInt16
    /// Transport security.
    public var security: Security
    /// Credentials.
    public var authentication: Authentication
    /// PEM file of CA certificates to trust instead of the system store; nil: system CAs.
    public var caFile: String?
    /// Accept a certificate that fails verification. Must be set explicitly; the caller logs a warning (the session's
    /// ``IMAPSession/certificateProblem`` says why verification failed).
    public var allowInvalidCertificates: Bool
    /// Bound on each step (connect, handshake, greeting, each command's response). Whole seconds, at least 1.
    public var timeout: Duration

    /// Makes settings; the port defaults to 993 for `.tls` and 143 otherwise.
    public init(host: String, port: UInt16? = nil, security: Security = .tls, authentication: Authentication,
                caFile: String? = nil, allowInvalidCertificates: Bool = false, timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port ?? (security == .tls ? 993 : 143)
        self.security = security
        self.authentication = authentication
        self.caFile = caFile
        self.allowInvalidCertificates = allowInvalidCertificates
        self.timeout = timeout
    }

    /// Host, port, security and user; no secret.
    public var description: String {
        "imap \(host):\(port) \(security.rawValue) \(authentication)"
            + (allowInvalidCertificates ? " (certificate verification OFF)" : "")
    }

    /// The certificate verifier these settings ask for.
    public var certificateVerifier: CertificateVerifier {
        CertificateVerifier(trust: caFile.map { .caFile($0) } ?? .system)
    }
}
