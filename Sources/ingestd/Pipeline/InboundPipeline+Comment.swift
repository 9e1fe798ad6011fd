import AgendaStore
import FeedbackClassifier
import Foundation

/// Why a page comment was refused (a code; never the comment's text).
struct CommentRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: String, Sendable {
        /// No text and no explicit choice.
        case empty = "empty_comment"
        /// Longer than ``InboundPipeline/maxCommentCharacters``.
        case tooLong = "comment_too_long"
        /// The item is not one of the customer's.
        case unknownItem = "unknown_item"
        /// Both a promise date and a dispute reason.
        case conflictingChoices = "conflicting_choices"
    }

    var code: Code
    var description: String { "page comment refused: \(code.rawValue)" }
}

extension InboundPipeline {
    /// The longest comment text taken, in characters.
    static let maxCommentCharacters = 10_000

    /// Takes what a customer submitted on their interactive page (DESIGN.md, "Who uses it": per item a comment, a
    /// promise date, a dispute with its reason) into the same store as email replies: kind `comment`, matched to the
    /// customer the signed page link names (stored as `capture_token`: the link is the customer's token) and linked
    /// to the customer's last done email action within ``Configuration/actionWindowDays`` (the email that carried
    /// the link). The text goes through the classifier with the item (or, without one, every open item) as
    /// context; the form's explicit choice replaces the classifier's proposal for that item (or every open item)
    /// with confidence 1 and sets the intent, and the classifier's proposals for other items named in the text stay.
    ///
    /// The stored raw bytes are a JSON object of the submission (`type`, `customer`, `item`, `text`,
    /// `promise_date`, `dispute_reason`, `received_at`; keys sorted), so the same submission twice is stored once
    /// (to the second) and two customers' identical words are not. Throws ``CommentRefusal`` for an empty, too long or
    /// contradictory submission, or an item that is not the customer's; a store error (an unknown customer) is
    /// rethrown.
    func acceptComment(customer: CustomerID, itemNumber: String?, text: String, promiseDate: Day? = nil,
                       disputeReason: AgendaDisputeReason? = nil, receivedAt: Date) async throws -> Outcome {
        let configuration = resolvingModel().configuration
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let explicit = promiseDate != nil || disputeReason != nil
        guard !text.isEmpty || explicit else { throw CommentRefusal(code: .empty) }
        guard text.count <= Self.maxCommentCharacters else { throw CommentRefusal(code: .tooLong) }
        guard promiseDate == nil || disputeReason == nil else { throw CommentRefusal(code: .conflictingChoices) }

        let lookup = CorrelationLookup(store: store)
        let items = try await lookup.items(of: customer)
        var contextItems = items.compactMap(StoredReading.openItem)
        var chosenItem: String?
        if let itemNumber {
            guard let item = items.first(where: { $0.number == itemNumber })
                    ?? items.first(where: { ItemNumberKey.make($0.number) == ItemNumberKey.make(itemNumber) })
            else { throw CommentRefusal(code: .unknownItem) }
            contextItems = [StoredReading.openItem(item) ?? ReplyContext.OpenItem(number: item.number)]
            chosenItem = item.number
        }
        let currencies = Dictionary(items.map { ($0.number, $0.openAmount.currency) }, uniquingKeysWith: { a, _ in a })

        var analysis = AgendaAnalysis(visibleText: text, intent: nil, confidence: 0,
                                      modelVersion: configuration.interpreter == nil ? nil : configuration.modelVersion)
        if let interpreter = configuration.interpreter, !text.isEmpty {
            let today = LocalDate(configuration.referenceDate ?? receivedAt)
            let reading = interpreter.interpret(text, context: ReplyContext(today: today, openItems: contextItems))
            analysis = StoredReading.analysis(reading, visibleText: text, modelVersion: configuration.modelVersion,
                                              currencies: currencies)
        }
        if explicit {
            Self.apply(promiseDate: promiseDate, disputeReason: disputeReason, to: &analysis,
                       items: contextItems.map(\.number), evidence: text)
        }

        let day = Day(receivedAt)
        let action = configuration.actionWindowDays > 0
            ? try await lookup.lastDoneEmail(of: customer, from: day.adding(days: -configuration.actionWindowDays),
                                             through: day)
            : nil
        let record = Self.commentRecord(customer: customer, itemNumber: chosenItem, text: text,
                                        promiseDate: promiseDate, disputeReason: disputeReason, receivedAt: receivedAt)
        let message = InboundMessage(raw: record,
                                     kind: .comment, receivedAt: receivedAt, customer: customer, action: action,
                                     correlation: .captureToken)
        let target = CorrelationTarget(customer: customer, action: action)
        return try await store([Prepared(entry: InboundBatchEntry(message: message, analysis: analysis),
                                         target: target, quarantine: nil)])[0]
    }

    /// The form's choice as the analysis: intent with confidence 1 and, for each item, a proposal that replaces
    /// the classifier's.
    static func apply(promiseDate: Day?, disputeReason: AgendaDisputeReason?, to analysis: inout AgendaAnalysis,
                      items: [String], evidence: String) {
        let state = disputeReason.map { QualificationState(.dispute, disputeReason: $0) }
            ?? QualificationState(.promiseToPay, promiseDate: promiseDate)
        analysis.intent = disputeReason == nil ? .promiseToPay : .dispute
        analysis.disputeReason = disputeReason
        analysis.confidence = 1
        let chosen = Set(items)
        analysis.proposals.removeAll { chosen.contains($0.itemNumber) }
        analysis.proposals = items.map {
            ProposalInput(itemNumber: $0, proposed: state, confidence: 1, evidence: evidence.isEmpty ? nil : evidence)
        } + analysis.proposals
    }

    /// The stored bytes of a page comment: compact JSON, keys sorted.
    static func commentRecord(customer: CustomerID, itemNumber: String?, text: String, promiseDate: Day?,
                              disputeReason: AgendaDisputeReason?, receivedAt: Date) -> Data {
        let fields: [String: Any] = [
            "type": "page_comment", "customer": customer.rawValue, "item": itemNumber ?? NSNull(), "text": text,
            "promise_date": promiseDate?.iso ?? NSNull(), "dispute_reason": disputeReason?.rawValue ?? NSNull(),
            "received_at": ISO8601DateFormatter().string(from: receivedAt),
        ]
        return (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data(text.utf8)
    }
}
