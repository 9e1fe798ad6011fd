/// What a delivery status notification (RFC 3464) or a vendor bounce says: one entry per failed recipient and the
/// Message-ID of the message that bounced, when the bounce carries the original headers.
public struct BounceReport: Sendable, Hashable {
    /// The recipients the report is about, in the order the report lists them.
    public var recipients: [BouncedRecipient]
    /// The original message's Message-ID without angle brackets, from the returned headers (RFC 3462
    /// text/rfc822-headers, a message/rfc822 part or a pasted copy), or nil.
    public var originalMessageID: String?

    public init(recipients: [BouncedRecipient], originalMessageID: String? = nil) {
        self.recipients = recipients
        self.originalMessageID = originalMessageID
    }
}

/// One recipient of a bounce: who, the codes the remote server gave, and why in sisimai's vocabulary.
public struct BouncedRecipient: Sendable, Hashable {
    /// The failed address (`local@domain`), or `""` when the report does not name it.
    public var address: String
    /// The enhanced status code (RFC 3463), e.g. `5.1.1`, or `""`.
    public var status: String
    /// The SMTP reply code (RFC 5321 §4.2), e.g. `550`, or `""`.
    public var replyCode: String
    /// Why the message bounced.
    public var reason: BounceReason
    /// True when retrying to this address is pointless (the address or its domain does not exist or moved).
    public var hard: Bool
    /// The server's words (Diagnostic-Code or the error text), whitespace collapsed; may be `""`.
    public var diagnostic: String

    public init(address: String, status: String = "", replyCode: String = "", reason: BounceReason,
                hard: Bool? = nil, diagnostic: String = "") {
        self.address = address
        self.status = status
        self.replyCode = replyCode
        self.reason = reason
        self.hard = hard ?? reason.isHard(status: status, replyCode: replyCode)
        self.diagnostic = diagnostic
    }
}
