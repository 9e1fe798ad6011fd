public import Foundation

/// What the operators' pages read and write besides the agenda (issue #8, "Operator UI"): the mailboxes as the store
/// saw them, the quarantine, the labelling queue and its labels, the scenarios. A separate protocol so `AgendaStore`
/// stays as it is; `SQLiteAgendaStore` conforms.
public protocol OperatorStore: Sendable {
    /// One line per mailbox that has a sync state or stored messages, by name; `since` starts the "messages today"
    /// count.
    func mailboxOverview(since: Date) async throws -> [MailboxOverview]
    /// Quarantined messages nobody has released or discarded yet, newest first.
    func quarantine(limit: Int) async throws -> [QuarantinedMessage]
    /// Takes a quarantined message out of the queue: `released` keeps it with the other messages, `discarded` marks it
    /// as junk. Its raw bytes stay either way (DESIGN.md, "Nothing is lost"). Throws `notFound` for a message that is
    /// not quarantined or already disposed of.
    func dispose(quarantined message: InboundMessageID, as disposition: QuarantineDisposition, by user: UserID,
                 at: Date) async throws
    /// One quarantined message still waiting for an operator, or nil.
    func quarantinedMessage(_ id: InboundMessageID) async throws -> QuarantinedMessage?
    /// Stores `entry` (the same bytes read again by the pipeline, e.g. after a store failure was fixed) in place of a
    /// quarantined message waiting for an operator, in one transaction: the old row and what hangs on it go, the new
    /// one is stored as a batch entry would be (it may be quarantined again), a history event names both ids.
    /// Throws `notFound` when the message is not waiting, `invalidArgument` when `entry` holds other bytes.
    func reprocess(quarantined message: InboundMessageID, as entry: InboundBatchEntry, by user: UserID,
                   at: Date) async throws -> StoredInbound
    /// Replies and comments the classifier was unsure of (abstained, confidence below `threshold`, or a collector
    /// corrected or rejected one of their proposals) that nobody labelled yet, newest first.
    func labellingQueue(threshold: Double, limit: Int) async throws -> [LabellingCandidate]
    /// Records an operator's label for a reply or comment (replacing an earlier one).
    func label(_ message: InboundMessageID, _ label: ReplyLabel, by user: UserID, at: Date) async throws
    /// How many replies carry a label.
    func labelCount() async throws -> Int
    /// Every labelled reply with its text and the items collectors decided, oldest label first (the corpus export).
    func labelledReplies() async throws -> [LabelledReplyRecord]
    /// Every scenario with its steps, by name.
    func scenarios() async throws -> [ScenarioSummary]
}

/// A mailbox as the store knows it: its IMAP cursor and what was stored from it.
public struct MailboxOverview: Sendable, Hashable {
    /// Mailbox name (account-qualified, as the poller stores it).
    public var mailbox: String
    /// The sync state (RFC 9051 UIDVALIDITY and last UID; RFC 7162 HIGHESTMODSEQ), when a pass recorded one.
    public var state: MailboxSyncState?
    /// When the sync state last changed.
    public var stateUpdatedAt: Date?
    /// Messages stored from it whose arrival is at or after the `since` of the query.
    public var messagesSince: Int
    /// Arrival of the message with the highest UID stored from it.
    public var lastReceivedAt: Date?
    /// Quarantined messages from it still waiting for an operator.
    public var quarantined: Int

    /// Makes an overview line.
    public init(mailbox: String, state: MailboxSyncState?, stateUpdatedAt: Date?, messagesSince: Int,
                lastReceivedAt: Date?, quarantined: Int) {
        self.mailbox = mailbox
        self.state = state
        self.stateUpdatedAt = stateUpdatedAt
        self.messagesSince = messagesSince
        self.lastReceivedAt = lastReceivedAt
        self.quarantined = quarantined
    }
}

/// A quarantined message. `fromAddress` and `subject` are customer data: render escaped, never log.
public struct QuarantinedMessage: Sendable, Hashable {
    /// Row id.
    public var id: InboundMessageID
    /// Mailbox position, nil for files and page comments.
    public var source: MailboxPosition?
    /// Kind as far as it was recognised.
    public var kind: MessageKind
    /// The reason code (no text).
    public var reason: String
    /// When it arrived.
    public var receivedAt: Date
    /// Size of the raw bytes.
    public var rawSize: Int
    /// Sender address, if one was read.
    public var fromAddress: String?
    /// Subject, if one was read.
    public var subject: String?
}

/// What an operator did with a quarantined message.
public enum QuarantineDisposition: String, Sendable, Hashable, CaseIterable {
    /// Kept as an ordinary stored message.
    case released
    /// Judged junk; its bytes stay for audit.
    case discarded
}

/// A reply or comment waiting for a label.
public struct LabellingCandidate: Sendable, Hashable {
    /// Row id of the message.
    public var id: InboundMessageID
    /// Kind (`reply` or `comment`).
    public var kind: MessageKind
    /// When it arrived.
    public var receivedAt: Date
    /// Detected language.
    public var language: String?
    /// The classifier's intent, nil when it abstained.
    public var intent: Intent?
    /// Its confidence.
    public var confidence: Double
    /// One-line summary (customer data: escape).
    public var summary: String?
    /// The model version that read it.
    public var modelVersion: String?
    /// Proposals of it that collectors corrected or rejected.
    public var disagreements: Int
}

/// An operator's label for a reply: the intent it really expresses and, for disputes, why.
public struct ReplyLabel: Sendable, Hashable {
    /// Intent.
    public var intent: Intent
    /// Dispute reason.
    public var disputeReason: DisputeReason?

    /// Makes a label.
    public init(intent: Intent, disputeReason: DisputeReason? = nil) {
        self.intent = intent
        self.disputeReason = disputeReason
    }
}

/// A labelled reply as the corpus export needs it. `visibleText` is customer data.
public struct LabelledReplyRecord: Sendable, Hashable {
    /// Row id of the message.
    public var id: InboundMessageID
    /// Detected language.
    public var language: String?
    /// The reply's new text.
    public var visibleText: String
    /// The label.
    public var label: ReplyLabel
    /// When the reply arrived (the corpus's `now`).
    public var receivedAt: Date
    /// Items whose proposal a collector accepted or corrected, with the state applied and the item's currency.
    public var items: [(number: String, state: QualificationState, currency: String)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.language == rhs.language && lhs.visibleText == rhs.visibleText && lhs.label == rhs.label
            && lhs.receivedAt == rhs.receivedAt && lhs.items.map(\.number) == rhs.items.map(\.number)
            && lhs.items.map(\.state) == rhs.items.map(\.state) && lhs.items.map(\.currency) == rhs.items.map(\.currency)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A scenario and its steps, in order.
public struct ScenarioSummary: Sendable, Hashable {
    /// Row id.
    public var id: ScenarioID
    /// Name.
    public var name: String
    /// Steps in order.
    public var steps: [ScenarioStep]
}
