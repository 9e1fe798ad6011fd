public import Foundation

/// What the review screens read besides the agenda tabs (issue #8): one customer by id, one inbound message with its
/// analysis, one proposal, the oldest reply still waiting for a decision. A separate protocol so `AgendaStore` stays
/// as it is.
public protocol ReviewStore: Sendable {
    /// A customer by row id.
    func customer(_ id: CustomerID) async throws -> Customer?
    /// A stored inbound message with its analysis (nil when unknown).
    func inboundDetail(_ id: InboundMessageID) async throws -> InboundDetail?
    /// A proposal by id.
    func proposal(_ id: ProposalID) async throws -> Proposal?
    /// When the oldest reply or comment with undecided proposals arrived (only this collector's customers when set).
    func oldestUnreviewed(collector: UserID?) async throws -> Date?
    /// Replies and comments by intent (nil: no analysis or abstained), for the charts.
    func replyIntentCounts(collector: UserID?) async throws -> [Intent?: Int]
    /// Decisions taken on proposals by kind, and proposals still open (only this collector's customers when set).
    func decisionCounts(collector: UserID?) async throws -> (decided: [Decision: Int], open: Int)
    /// Actions by channel and status (only this collector's when set: the assignee), from the tallies.
    func actionCounts(collector: UserID?) async throws -> [ActionCount]
}

/// A count of actions of one channel and status.
public struct ActionCount: Sendable, Hashable {
    /// Channel.
    public var channel: Channel
    /// Status.
    public var status: ActionStatus
    /// How many.
    public var count: Int
}

/// A stored inbound message as the reply page shows it. Text fields are customer data: render escaped, never log.
public struct InboundDetail: Sendable, Hashable {
    /// Row id.
    public var id: InboundMessageID
    /// Kind.
    public var kind: MessageKind
    /// Message-ID header.
    public var messageID: String?
    /// Sender address.
    public var fromAddress: String?
    /// Subject.
    public var subject: String?
    /// When it arrived.
    public var receivedAt: Date
    /// Matched customer.
    public var customer: CustomerID?
    /// The action it answers.
    public var action: ActionID?
    /// How it was matched.
    public var correlation: Correlation
    /// Quarantine reason code.
    public var quarantineReason: String?
    /// Proposals not decided yet.
    public var openProposals: Int
    /// The classifier's analysis, if any.
    public var analysis: MessageAnalysis?
}
