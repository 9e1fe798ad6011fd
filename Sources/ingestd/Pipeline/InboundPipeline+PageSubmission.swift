import AgendaStore
import FeedbackClassifier
import Foundation
import WebUI

/// What the customer's interactive page submits, through the inbound pipeline's classify step (issue #8, item 4):
/// the web UI hands ``PageSubmission``s here when `serve` runs the pipeline.
struct ClassifyingPageSubmissionSink: PageSubmissionSink {
    /// The pipeline (its live model classifies the free text).
    let pipeline: InboundPipeline

    func accept(_ submission: PageSubmission) async throws -> InboundMessageID {
        try await pipeline.acceptPageSubmission(submission).stored.id
    }
}

extension InboundPipeline {
    /// Stores a page submission as one message of kind `comment`, matched to the customer of the signed link
    /// (`capture_token`) and linked to their last done email action, like ``acceptComment(customer:itemNumber:text:promiseDate:disputeReason:receivedAt:)``.
    /// The customers' comments (each prefixed with its item number) are classified with the submitted items as
    /// context: language, intent, summary and per-item proposals. The structured answers then win for their item:
    /// "will pay on" and "disputed (reason)" become proposals with confidence 1, "paid" removes the classifier's
    /// proposal for the item (there is no "paid" qualification to propose); the intent is the strongest answer
    /// (dispute, promise, paid) with confidence 1, else the classifier's. The summary names the answers, then the
    /// classifier's summary. Without a model only the answers are stored.
    func acceptPageSubmission(_ submission: PageSubmission) async throws -> Outcome {
        let configuration = resolvingModel().configuration
        let customer = submission.customer
        let commented = submission.lines.filter { !$0.comment.isEmpty }
        let text = commented.map { "\($0.item.number): \($0.comment)" }.joined(separator: "\n")
        guard !submission.lines.isEmpty else { throw CommentRefusal(code: .empty) }
        guard text.count <= Self.maxCommentCharacters else { throw CommentRefusal(code: .tooLong) }
        let contextItems = submission.lines.map { StoredReading.openItem($0.item) ?? ReplyContext.OpenItem(number: $0.item.number) }
        let currencies = Dictionary(submission.lines.map { ($0.item.number, $0.item.openAmount.currency) },
                                    uniquingKeysWith: { a, _ in a })

        var analysis = AgendaAnalysis(language: customer.language, visibleText: text, intent: nil, confidence: 0,
                                      modelVersion: configuration.interpreter == nil ? nil : configuration.modelVersion)
        if let interpreter = configuration.interpreter, !text.isEmpty {
            let today = LocalDate(configuration.referenceDate ?? submission.receivedAt)
            let reading = interpreter.interpret(text, context: ReplyContext(today: today, openItems: contextItems))
            analysis = StoredReading.analysis(reading, visibleText: text, modelVersion: configuration.modelVersion,
                                              currencies: currencies)
            if analysis.language == nil { analysis.language = customer.language }
        }
        Self.apply(answers: submission.lines, to: &analysis)

        let day = Day(submission.receivedAt)
        let lookup = CorrelationLookup(store: store)
        let action = configuration.actionWindowDays > 0
            ? try await lookup.lastDoneEmail(of: customer.id, from: day.adding(days: -configuration.actionWindowDays),
                                             through: day)
            : nil
        let message = InboundMessage(raw: Self.submissionRecord(submission), kind: .comment, subject: "Customer page",
                                     receivedAt: submission.receivedAt, customer: customer.id, action: action,
                                     correlation: .captureToken)
        let target = CorrelationTarget(customer: customer.id, action: action)
        return try await store([Prepared(entry: InboundBatchEntry(message: message, analysis: analysis),
                                         target: target, quarantine: nil)])[0]
    }

    /// The customer's structured answers over the classifier's reading: their items' proposals replaced, the
    /// intent set when there is an answer, the summary prefixed with the answers.
    static func apply(answers lines: [PageSubmission.Line], to analysis: inout AgendaAnalysis) {
        var explicit: [ProposalInput] = []
        var answered = Set<String>()
        var intents: [AgendaIntent] = []
        var parts: [String] = []
        for line in lines {
            let number = line.item.number
            let evidence = line.comment.isEmpty ? nil : line.comment
            switch line.answer {
            case .paid:
                answered.insert(number)
                intents.append(.paymentMade)
                parts.append("\(number) paid")
            case .promise(let day):
                answered.insert(number)
                intents.append(.promiseToPay)
                parts.append("\(number) promise to pay on \(day.iso)")
                explicit.append(ProposalInput(itemNumber: number, proposed: QualificationState(.promiseToPay, promiseDate: day),
                                              confidence: 1, evidence: evidence))
            case .dispute(let reason):
                answered.insert(number)
                intents.append(.dispute)
                parts.append("\(number) dispute" + (reason.map { " (\($0.rawValue))" } ?? ""))
                explicit.append(ProposalInput(itemNumber: number, proposed: QualificationState(.dispute, disputeReason: reason),
                                              confidence: 1, evidence: evidence))
            case nil:
                parts.append("\(number) comment")
            }
        }
        analysis.proposals = explicit + analysis.proposals.filter { !answered.contains($0.itemNumber) }
        if let strongest = [AgendaIntent.dispute, .promiseToPay, .paymentMade].first(where: intents.contains) {
            analysis.intent = strongest
            analysis.confidence = 1
            if strongest == .dispute {
                analysis.disputeReason = lines.lazy.compactMap { line -> AgendaDisputeReason? in
                    if case .dispute(let reason) = line.answer { return reason }
                    return nil
                }.first
            }
        }
        let answersText = "Customer page: " + parts.joined(separator: "; ")
        analysis.summary = analysis.summary.map { "\(answersText). \($0)" } ?? answersText
    }

    /// The stored bytes of a submission: compact JSON, keys sorted (the same submission twice, to the second, is
    /// stored once).
    static func submissionRecord(_ submission: PageSubmission) -> Data {
        let lines: [[String: Any]] = submission.lines.map { line in
            var fields: [String: Any] = ["item": line.item.number, "comment": line.comment]
            switch line.answer {
            case .paid: fields["answer"] = "paid"
            case .promise(let day): fields["answer"] = "promise"; fields["promise_date"] = day.iso
            case .dispute(let reason): fields["answer"] = "dispute"; fields["dispute_reason"] = reason?.rawValue ?? NSNull()
            case nil: fields["answer"] = NSNull()
            }
            return fields
        }
        let record: [String: Any] = [
            "type": "page_submission", "customer": submission.customer.id.rawValue, "lines": lines,
            "received_at": ISO8601DateFormatter().string(from: submission.receivedAt),
        ]
        return (try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])) ?? Data()
    }
}
