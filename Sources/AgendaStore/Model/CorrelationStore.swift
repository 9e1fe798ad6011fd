public import Foundation

/// What reply correlation needs from the store (DESIGN.md, "Reply capture"): capture tokens, the Message-IDs of sent
/// emails, contacts by address and domain, items by number, and bounces kept with their recipients. A separate
/// protocol from ``AgendaStore`` so that areas add requirements without colliding; `SQLiteAgendaStore` conforms.
public protocol CorrelationStore: Sendable {
    // MARK: Capture tokens

    /// The customer's capture token (``CaptureToken``), created on first use.
    func captureToken(for customer: CustomerID) async throws -> String
    /// Sets the customer's capture token (lower-cased); fails when the format is wrong or another customer has it.
    func setCaptureToken(_ token: String, for customer: CustomerID) async throws
    /// The customer (and, for a per-action token in `action.captureToken`, the action) a token names.
    func resolveCaptureToken(_ token: String) async throws -> CorrelationTarget?

    // MARK: Sent messages

    /// Records the Message-ID (RFC 5322 section 3.6.4; angle brackets optional) of an email sent to a customer,
    /// for the action it carries out when there is one. Recording the same id for the same target again does
    /// nothing; for another target it fails.
    func recordSentMessage(messageID: String, action: ActionID?, customer: CustomerID) async throws
    /// The target of the first id of `messageIDs` that names a sent email (recorded here or as an action's
    /// outbound Message-ID), or nil.
    func resolveSentMessage(_ messageIDs: [String]) async throws -> CorrelationTarget?

    // MARK: Contacts and items

    /// The customers having a contact with this email address (case-insensitive), at most 10, by id.
    func customers(contactAddress: String) async throws -> [CustomerID]
    /// The customers having a contact whose email address is in this domain (case-insensitive), at most 10, by id.
    func customers(contactDomain: String) async throws -> [CustomerID]
    /// For each number given, the customer of the item whose ``ItemNumberKey`` is the same; numbers naming no item
    /// are absent from the result.
    func itemOwners(_ numbers: [String]) async throws -> [String: CustomerID]

    // MARK: Inbound messages with bounces

    /// ``AgendaStore/storeInbound(_:analysis:)`` that also keeps, in the same transaction, the recipients of a
    /// bounce (RFC 3464) so the outbound side can mark the action it answers.
    func storeInbound(_ message: InboundMessage, analysis: MessageAnalysis?, bounce: BounceInput?) async throws
        -> StoredInbound
    /// Stored bounces with a message id after `after` (all when nil), oldest first, at most `limit`: a cursor for
    /// the outbound side.
    func bounces(after: InboundMessageID?, limit: Int) async throws -> [StoredBounce]

    // MARK: Queues

    /// A stored message's fields (no raw bytes), or nil.
    func inboundRecord(_ id: InboundMessageID) async throws -> InboundRecord?
    /// The messages of an operator queue, newest first, at most `limit`.
    func inboundQueue(_ queue: InboundQueue, limit: Int) async throws -> [InboundRecord]
}

/// The operator queues of inbound messages (DESIGN.md, "Reply capture" and "Nothing is lost").
public enum InboundQueue: String, Sendable, Hashable, CaseIterable {
    /// Not matched to any customer.
    case unmatched
    /// Quarantined (too large, unparsable, over a limit).
    case quarantined
}

/// A stored inbound message as the queues show it.
public struct InboundRecord: Sendable, Hashable {
    /// Row id.
    public var id: InboundMessageID
    /// Where it was read (nil for files and page comments).
    public var source: MailboxPosition?
    /// Kind.
    public var kind: MessageKind
    /// Message-ID.
    public var messageID: String?
    /// Sender address.
    public var fromAddress: String?
    /// Subject.
    public var subject: String?
    /// When it arrived.
    public var receivedAt: Date
    /// The matched customer.
    public var customer: CustomerID?
    /// The action it answers.
    public var action: ActionID?
    /// How it was matched.
    public var correlation: Correlation
    /// The quarantine reason code, when quarantined.
    public var quarantineReason: String?
    /// For an auto-reply, its return date and alternative contact when it names them.
    public var autoReply: AutoReplyDetails?
}

/// The customer (and action, when known) an inbound message is matched to.
public struct CorrelationTarget: Sendable, Hashable {
    /// The customer.
    public var customer: CustomerID
    /// The action it answers, when known.
    public var action: ActionID?

    /// Makes a target.
    public init(customer: CustomerID, action: ActionID? = nil) {
        self.customer = customer
        self.action = action
    }
}

/// One recipient of a bounce, as the DSN (RFC 3464) or the vendor notice gives it.
public struct BounceRecipient: Sendable, Hashable {
    /// The failed address, or "" when the report does not name it.
    public var address: String
    /// Enhanced status code (RFC 3463), e.g. `5.1.1`, or "".
    public var status: String
    /// SMTP reply code (RFC 5321 section 4.2), e.g. `550`, or "".
    public var replyCode: String
    /// Reason in sisimai's vocabulary (`userunknown`, `mailboxfull`, ...; DESIGN.md).
    public var reason: String
    /// True when retrying this address is pointless.
    public var hard: Bool
    /// The remote server's words (Diagnostic-Code).
    public var diagnostic: String

    /// Makes a recipient.
    public init(address: String, status: String = "", replyCode: String = "", reason: String, hard: Bool,
                diagnostic: String = "") {
        self.address = address
        self.status = status
        self.replyCode = replyCode
        self.reason = reason
        self.hard = hard
        self.diagnostic = diagnostic
    }
}

/// What a bounce says, stored with its message.
public struct BounceInput: Sendable, Hashable {
    /// The Message-ID of the email that bounced (no angle brackets), when the bounce returned its headers.
    public var originalMessageID: String?
    /// The failed recipients, in report order.
    public var recipients: [BounceRecipient]

    /// Makes a bounce.
    public init(originalMessageID: String?, recipients: [BounceRecipient]) {
        self.originalMessageID = originalMessageID
        self.recipients = recipients
    }
}

/// A stored bounce with what its message was matched to.
public struct StoredBounce: Sendable, Hashable {
    /// The inbound message.
    public var message: InboundMessageID
    /// When it arrived.
    public var receivedAt: Date
    /// The matched customer.
    public var customer: CustomerID?
    /// The action whose email bounced, when matched.
    public var action: ActionID?
    /// The bounced email's Message-ID.
    public var originalMessageID: String?
    /// The failed recipients.
    public var recipients: [BounceRecipient]
}
