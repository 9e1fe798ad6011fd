public import AgendaStore
public import Foundation

/// What a customer sent from the interactive page: per item an answer and a comment.
public struct PageSubmission: Sendable, Hashable {
    /// One item's answer.
    public enum Answer: Sendable, Hashable {
        /// The customer says it is paid.
        case paid
        /// The customer promises to pay on a day.
        case promise(Day)
        /// The customer disputes it.
        case dispute(DisputeReason?)
    }

    /// One item's part of the submission.
    public struct Line: Sendable, Hashable {
        /// The item.
        public var item: Item
        /// The answer, nil for none.
        public var answer: Answer?
        /// The comment (customer text).
        public var comment: String

        /// Makes a line.
        public init(item: Item, answer: Answer?, comment: String) {
            self.item = item
            self.answer = answer
            self.comment = comment
        }
    }

    /// The customer.
    public var customer: Customer
    /// The lines that carry an answer or a comment.
    public var lines: [Line]
    /// When it was sent.
    public var receivedAt: Date

    /// Makes a submission.
    public init(customer: Customer, lines: [Line], receivedAt: Date) {
        self.customer = customer
        self.lines = lines
        self.receivedAt = receivedAt
    }
}

/// Where page submissions go: the same path as email replies (kind `comment`). The default stores them with the
/// customer's own answers as proposals (confidence 1); the pipeline may replace it to classify the free text too.
public protocol PageSubmissionSink: Sendable {
    /// Stores a submission; returns the stored message.
    func accept(_ submission: PageSubmission) async throws -> InboundMessageID
}

/// The default sink: one `comment` message with an analysis built from the answers.
public struct StorePageSubmissionSink: PageSubmissionSink {
    let store: any AgendaStore

    /// Stores into `store`.
    public init(store: any AgendaStore) { self.store = store }

    public func accept(_ submission: PageSubmission) async throws -> InboundMessageID {
        var text: [String] = [], summary: [String] = [], proposals: [ProposalInput] = []
        var intents: [Intent] = []
        for line in submission.lines {
            let number = line.item.number
            if !line.comment.isEmpty { text.append("\(number): \(line.comment)") }
            switch line.answer {
            case .paid:
                summary.append("\(number) paid"); intents.append(.paymentMade)
            case .promise(let day):
                summary.append("\(number) promise to pay on \(day.iso)"); intents.append(.promiseToPay)
                proposals.append(ProposalInput(itemNumber: number, proposed: QualificationState(.promiseToPay, promiseDate: day),
                                               confidence: 1, evidence: line.comment.isEmpty ? nil : line.comment))
            case .dispute(let reason):
                summary.append("\(number) dispute" + (reason.map { " (\($0.rawValue))" } ?? "")); intents.append(.dispute)
                proposals.append(ProposalInput(itemNumber: number, proposed: QualificationState(.dispute, disputeReason: reason),
                                               confidence: 1, evidence: line.comment.isEmpty ? nil : line.comment))
            case nil:
                summary.append("\(number) comment")
            }
        }
        let intent = [Intent.dispute, .promiseToPay, .paymentMade].first { intents.contains($0) } ?? .other
        let visible = text.joined(separator: "\n")
        let raw = "customer-page \(submission.customer.id) \(submission.receivedAt.timeIntervalSince1970)\n"
            + submission.lines.map { "\($0.item.number)\t\(String(describing: $0.answer))\t\($0.comment)" }.joined(separator: "\n")
        let message = InboundMessage(raw: Data(raw.utf8), kind: .comment, subject: "Customer page",
                                     receivedAt: submission.receivedAt, customer: submission.customer.id,
                                     correlation: .captureToken)
        let analysis = MessageAnalysis(language: submission.customer.language, visibleText: visible, intent: intent,
                                       confidence: 1, summary: "Customer page: " + summary.joined(separator: "; "),
                                       modelVersion: "customer-page", proposals: proposals)
        return try await store.storeInbound(message, analysis: analysis).id
    }
}
