/// What became of one message handed to an SMTP server.
public enum SMTPOutcome: Sendable, Hashable {
    /// The server took responsibility for the message (RFC 5321 section 4.1.1.4, `250` after the final dot).
    case accepted(SMTPReply)
    /// The server refused for good (5yz) at a stage: `address_rejected` for RCPT and DATA.
    case rejected(SMTPStage, SMTPReply)
    /// The server refused for now (4yz): retry later.
    case deferred(SMTPStage, SMTPReply)
}

/// The step of an SMTP session a reply or an error belongs to (RFC 5321 section 3).
public enum SMTPStage: String, Sendable, Hashable, Codable {
    /// TCP or TLS connection and greeting.
    case connect
    /// EHLO / HELO.
    case hello
    /// STARTTLS (RFC 3207).
    case startTLS = "starttls"
    /// Certificate check of the server.
    case verify
    /// AUTH (RFC 4954).
    case auth
    /// MAIL FROM.
    case mail
    /// RCPT TO.
    case rcpt
    /// DATA and the message.
    case data
    /// RSET after a refusal.
    case reset
}

/// A failure of the session itself (no usable reply): connection refused or lost, timeout, TLS or certificate
/// failure, authentication refused. The message was not accepted; whether the action may be retried depends on
/// `stage` (after the final dot of DATA a lost connection leaves the send uncertain).
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable, Hashable {
        /// Could not connect (refused, unknown host).
        case connectionFailed = "connection_failed"
        /// The connection broke or a step timed out.
        case connectionLost = "connection_lost"
        /// TLS could not be set up, or STARTTLS is not offered while required.
        case tlsFailed = "tls_failed"
        /// The server's certificate was not accepted.
        case certificateRejected = "certificate_rejected"
        /// Authentication refused or not possible.
        case authenticationFailed = "authentication_failed"
        /// The server answered something the session cannot use.
        case protocolError = "protocol_error"
    }

    /// Kind.
    public var kind: Kind
    /// Stage.
    public var stage: SMTPStage
    /// libetpan's error number, when one applies.
    public var code: Int32
    /// The server's last reply, when there is one (server words, no message content).
    public var reply: SMTPReply?

    /// Makes an error.
    public init(_ kind: Kind, stage: SMTPStage, code: Int32 = 0, reply: SMTPReply? = nil) {
        self.kind = kind
        self.stage = stage
        self.code = code
        self.reply = reply
    }

    /// True when the message may have been accepted although no reply was read (the connection was lost after the
    /// final dot): such a send must be verified by a person, never repeated blindly.
    public var isUncertain: Bool { stage == .data && kind == .connectionLost }

    public var description: String {
        "smtp \(kind.rawValue) at \(stage.rawValue)" + (code != 0 ? " (etpan \(code))" : "")
            + (reply.map { " reply \($0.code)" } ?? "")
    }
}
