import FeedbackClassifier
import Foundation
import MailIngest

/// Composes MailIngest's analysis with the classifier: the `language`, `classification`, `summary`, `items` and
/// `redirect_contact` keys of an inspect row.
struct ReplyClassification {
    var language: JSONValue = .null
    var classification: JSONValue = .null
    var summary: JSONValue = .null
    var items: JSONValue = .array([])
    var redirectContact: JSONValue = .null

    init(analysis: MessageAnalysis, interpreter: ReplyInterpreter?, context: InspectContext?) {
        let visible = analysis.reply.visible
        let autoReply = analysis.detection.autoReply
        redirectContact = .string(autoReply?.redirectContact)
        language = .string(context?.language ?? LanguageIdentifier.identify(visible))
        guard let interpreter,
              let result = ReplyReading.interpret(analysis, with: interpreter, today: context?.today,
                                                  language: context?.language,
                                                  openItems: context?.replyOpenItems ?? []) else { return }
        language = .string(result.language)
        classification = .object([
            ("intent", .string(result.intent.intent.rawValue)),
            ("confidence", .number(Self.rounded(result.intent.confidence))),
            ("intents", .array(result.intent.ranked.filter { $0.confidence >= 0.05 }.map {
                .object([("label", .string($0.intent.rawValue)), ("confidence", .number(Self.rounded($0.confidence)))])
            })),
            ("dispute_reason", .string(result.disputeReason?.rawValue)),
            ("abstained", .bool(result.intent.abstained)),
        ])
        summary = .string(result.summary)
        items = .array(result.items.map { item in
            .object([
                ("number", .string(item.number)),
                ("qualification", .string(item.qualification?.rawValue)),
                ("promise_date", .string(item.promiseDate?.description)),
                ("amount", .string(item.amount?.decimal)),
                ("currency", .string(item.amount?.currency)),
                ("dispute_reason", .string(item.disputeReason?.rawValue)),
                ("confidence", .number(Self.rounded(item.confidence))),
                ("evidence", .string(item.evidence)),
            ])
        })
        if autoReply?.redirectContact == nil { redirectContact = .string(result.redirectContact) }
    }

    private static func rounded(_ value: Float) -> Double { (Double(value) * 1000).rounded() / 1000 }
}

extension InspectContext {
    /// The day relative dates resolve against.
    var today: LocalDate? {
        guard let now, let date = ISO8601DateFormatter().date(from: now) else { return nil }
        return LocalDate(date)
    }

    /// The open items as the classifier takes them.
    var replyOpenItems: [ReplyContext.OpenItem] {
        (openItems ?? []).map { item in
            ReplyContext.OpenItem(number: item.number,
                                  amount: item.amount.flatMap { Money(decimal: $0, currency: item.currency) },
                                  due: item.due.flatMap { LocalDate(iso: $0) })
        }
    }
}
