public import Foundation

/// Where an inbound message was read: IMAP mailbox, UIDVALIDITY and UID (RFC 9051 section 2.3.1.1).
public struct MailboxPosition: Hashable, Sendable {
    /// Mailbox name (account-qualified).
    public var mailbox: String
    /// UIDVALIDITY of the mailbox.
    public var uidValidity: UInt32
    /// UID of the message.
    public var uid: UInt32

    /// Makes a position.
    public init(mailbox: String, uidValidity: UInt32, uid: UInt32) {
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.uid = uid
    }
}

/// An inbound message as the pipeline hands it to the store (raw bytes plus what parsing found).
public struct InboundMessage: Sendable, Hashable {
    /// The raw RFC 5322 bytes (for a page comment, the submission as a JSON object).
    public var raw: Data
    /// Where it was read; nil for page comments and files.
    public var source: MailboxPosition?
    /// Kind.
    public var kind: MessageKind
    /// Message-ID header, if any.
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
    /// Set when it could not be parsed: the reason code (no text).
    public var quarantineReason: String?

    /// Makes a message.
    public init(raw: Data, source: MailboxPosition? = nil, kind: MessageKind, messageID: String? = nil,
                fromAddress: String? = nil, subject: String? = nil, receivedAt: Date, customer: CustomerID? = nil,
                action: ActionID? = nil, correlation: Correlation = .unmatched, quarantineReason: String? = nil) {
        self.raw = raw
        self.source = source
        self.kind = kind
        self.messageID = messageID
        self.fromAddress = fromAddress
        self.subject = subject
        self.receivedAt = receivedAt
        self.customer = customer
        self.action = action
        self.correlation = correlation
        self.quarantineReason = quarantineReason
    }
}

/// A proposed qualification for one item.
public struct ProposalInput: Sendable, Hashable {
    /// The item number as the reply names it.
    public var itemNumber: String
    /// Proposed state.
    public var proposed: QualificationState
    /// Confidence in 0...1.
    public var confidence: Double
    /// The sentence that justifies it.
    public var evidence: String?

    /// Makes a proposal.
    public init(itemNumber: String, proposed: QualificationState, confidence: Double, evidence: String? = nil) {
        self.itemNumber = itemNumber
        self.proposed = proposed
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// What the classifier said about a reply or comment.
public struct MessageAnalysis: Sendable, Hashable {
    /// Language (BCP 47).
    public var language: String?
    /// The new text only.
    public var visibleText: String
    /// Intent, nil when it abstained.
    public var intent: Intent?
    /// Confidence of the intent in 0...1.
    public var confidence: Double
    /// Dispute reason.
    public var disputeReason: DisputeReason?
    /// One-line summary.
    public var summary: String?
    /// The model version that produced it.
    public var modelVersion: String?
    /// Per-item proposals.
    public var proposals: [ProposalInput]

    /// Makes an analysis.
    public init(language: String? = nil, visibleText: String, intent: Intent?, confidence: Double,
                disputeReason: DisputeReason? = nil, summary: String? = nil, modelVersion: String? = nil,
                proposals: [ProposalInput] = []) {
        self.language = language
        self.visibleText = visibleText
        self.intent = intent
        self.confidence = confidence
        self.disputeReason = disputeReason
        self.summary = summary
        self.modelVersion = modelVersion
        self.proposals = proposals
    }
}

/// The outcome of storing an inbound message.
public struct StoredInbound: Sendable, Hashable {
    /// The message's row.
    public var id: InboundMessageID
    /// False when the same message was already stored (nothing was written).
    public var created: Bool
    /// Proposals written for it.
    public var proposals: [ProposalID]

    /// Makes an outcome (for sinks and test doubles outside the store).
    public init(id: InboundMessageID, created: Bool, proposals: [ProposalID]) {
        self.id = id
        self.created = created
        self.proposals = proposals
    }
}

/// A stored proposal.
public struct Proposal: Sendable, Hashable {
    /// Row id.
    public var id: ProposalID
    /// The message it comes from.
    public var message: InboundMessageID
    /// The item, when the number matched one of the customer's items.
    public var item: ItemID?
    /// The number as named.
    public var itemNumber: String
    /// Proposed state.
    public var proposed: QualificationState
    /// Confidence.
    public var confidence: Double
    /// Evidence sentence.
    public var evidence: String?
    /// The decision, once taken.
    public var decision: Decision?
}

/// A decision on a proposal.
public enum ProposalVerdict: Sendable, Hashable {
    /// Apply the proposal as it is.
    case accept
    /// Apply this state instead.
    case correct(QualificationState)
    /// Apply nothing.
    case reject
}
