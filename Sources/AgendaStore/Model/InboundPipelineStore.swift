public import Foundation

/// What the inbound pipeline needs from the store beyond ``CorrelationStore``: a batch of analysed messages stored in
/// one transaction (one durable commit per batch instead of one per message), the details of auto-replies, and the
/// customer's last done action for linking a reply to the email it answers. A separate protocol so that areas add
/// requirements without colliding; `SQLiteAgendaStore` conforms.
public protocol InboundPipelineStore: Sendable {
    /// Stores `entries` in order in one transaction, with the same rules as
    /// ``CorrelationStore/storeInbound(_:analysis:bounce:)`` for each: a message already stored (same bytes, or the
    /// same mailbox position, also earlier in the same batch) writes nothing and returns `created == false`; each
    /// mailbox's sync state advances in that transaction; a refused entry (a confidence outside 0...1) stores nothing
    /// of the batch. Returns one outcome per entry, in order.
    func storeInboundBatch(_ entries: [InboundBatchEntry]) async throws -> [StoredInbound]
    /// Stores a batch sealed beforehand (``SealedInboundBatch/seal(_:)``), exactly as
    /// ``storeInboundBatch(_:)`` stores its entries; only the write is left to do.
    func storeInboundBatch(sealed batch: SealedInboundBatch) async throws -> [StoredInbound]
    /// Runs the writes of ``storeInboundBatch(sealed:)`` for `batch` in a transaction that is rolled back: nothing
    /// is stored. It readies the writer (statements compiled, the tables' first pages read), so that a source
    /// can do it while it waits for its first messages, and the first real batch does not pay for it.
    func rehearseInboundBatch(sealed batch: SealedInboundBatch) async throws
    /// The customer's most recent action on `channel` with status `done` and a done date in `from...through`
    /// (latest done date first, then the latest action), or nil.
    func lastDoneAction(of customer: CustomerID, channel: Channel, from: Day, through: Day) async throws -> ActionID?
}

extension InboundPipelineStore {
    /// Nothing to ready by default.
    public func rehearseInboundBatch(sealed batch: SealedInboundBatch) async throws {}
}

/// One message of a batch: the message, the classifier's analysis (replies and comments), the bounce report
/// (bounces) and the auto-reply details (auto-replies).
public struct InboundBatchEntry: Sendable, Hashable {
    /// The message with what parsing and correlation found.
    public var message: InboundMessage
    /// The classifier's reading, or nil.
    public var analysis: MessageAnalysis?
    /// What a bounce says (RFC 3464), or nil.
    public var bounce: BounceInput?
    /// What an automatic reply (RFC 3834) says, or nil.
    public var autoReply: AutoReplyDetails?

    /// Makes an entry.
    public init(message: InboundMessage, analysis: MessageAnalysis? = nil, bounce: BounceInput? = nil,
                autoReply: AutoReplyDetails? = nil) {
        self.message = message
        self.analysis = analysis
        self.bounce = bounce
        self.autoReply = autoReply
    }
}

/// What an automatic reply (RFC 3834: out of office, vacation) tells the collector: when its author is back and
/// whom to write to meanwhile. Stored only when it names at least one of them.
public struct AutoReplyDetails: Sendable, Hashable {
    /// The day the absence ends.
    public var returnDate: Day?
    /// The address given as the alternative contact (never the sender's own).
    public var redirectContact: String?

    /// Makes details; nil when neither is given.
    public init?(returnDate: Day?, redirectContact: String?) {
        let contact = redirectContact?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard returnDate != nil || !(contact ?? "").isEmpty else { return nil }
        self.returnDate = returnDate
        self.redirectContact = (contact ?? "").isEmpty ? nil : contact
    }
}
