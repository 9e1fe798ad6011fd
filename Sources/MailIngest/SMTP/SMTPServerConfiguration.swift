public import Foundation

/// How to reach and use one SMTP submission server.
public struct SMTPServerConfiguration: Sendable, Hashable {
    /// Transport security.
    public enum Security: String, Sendable, Hashable, Codable {
        /// Plain TCP (tests, local relays only).
        case none
        /// STARTTLS required (RFC 3207), port 587 usually.
        case startTLS = "starttls"
        /// TLS from the first byte (RFC 8314), port 465 usually.
        case tls
    }

    /// SASL mechanism for AUTH (RFC 4954).
    public enum AuthMechanism: String, Sendable, Hashable, Codable {
        /// RFC 4616.
        case plain = "PLAIN"
        /// The common non-standard LOGIN mechanism.
        case login = "LOGIN"
    }

    /// Host name (also the name checked in the certificate).
    public var host: String
    /// Port.
    public var port: Int
    /// Security.
    public var security: Security
    /// User name for AUTH, nil for none.
    public var username: String?
    /// Password for AUTH (read from a file or the environment by the caller; never logged).
    public var password: String?
    /// Mechanism.
    public var authMechanism: AuthMechanism
    /// Timeout of each step (connect, each command, the message), seconds.
    public var timeout: Int

    /// Makes a configuration.
    /// Send MAIL, RCPT and DATA in one write when the server announces PIPELINING (RFC 2920); default true.
    public var pipelining = true

    public init(host: String, port: Int, security: Security = .startTLS, username: String? = nil,
                password: String? = nil, authMechanism: AuthMechanism = .plain, timeout: Int = 30) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.authMechanism = authMechanism
        self.timeout = timeout
    }
}

/// The envelope of one message (RFC 5321 section 2.3.1) with DSN options (RFC 3461).
public struct SMTPEnvelope: Sendable, Hashable {
    /// Reverse path (MAIL FROM), where DSNs go.
    public var from: String
    /// Forward paths (RCPT TO).
    public var recipients: [String]
    /// ENVID: names the action, so a DSN can be matched back (RFC 3461 section 4.4).
    public var envelopeID: String?
    /// RET=FULL (whole message in DSNs) instead of RET=HDRS.
    public var returnFull: Bool
    /// NOTIFY on each RCPT: failure and delay by default (RFC 3461 section 4.1).
    public var notify: Set<DSNNotify>

    /// Makes an envelope.
    public init(from: String, recipients: [String], envelopeID: String? = nil, returnFull: Bool = false,
                notify: Set<DSNNotify> = [.failure, .delay]) {
        self.from = from
        self.recipients = recipients
        self.envelopeID = envelopeID
        self.returnFull = returnFull
        self.notify = notify
    }
}

/// RCPT NOTIFY values (RFC 3461 section 4.1).
public enum DSNNotify: String, Sendable, Hashable, Codable, CaseIterable {
    /// Report delivery.
    case success
    /// Report failure.
    case failure
    /// Report delay.
    case delay
    /// Never report.
    case never
}

/// Checks the server's certificate chain after the TLS handshake and before AUTH (libetpan accepts any certificate
/// by itself, see C-LIBRARIES.md). ``CertificateVerifier`` (GnuTLS) is the product's; tests may record instead.
public protocol TLSPeerVerifying: Sendable {
    /// Throws when `chain` (DER, the server's certificate first) does not lead to a trusted CA or does not name `host`.
    func verify(chain: [Data], host: String) throws
}

extension CertificateVerifier: TLSPeerVerifying {}
