import AgendaStore
import Foundation

/// Labelled replies as corpus examples (DESIGN.md, "Corpus format"): one JSON object a line, `source` `decision`,
/// `split` `train` (the frozen test split is never fed from production), items from the collectors' accepted or
/// corrected proposals. `ingestd train --decisions FILE` and the training page read it.
enum CorpusExport {
    struct Example: Encodable {
        struct Item: Encodable {
            var number: String
            var qualification: String?
            var promiseDate: String?
            var amount: String?
            var disputeReason: String?

            enum CodingKeys: String, CodingKey {
                case number, qualification, amount
                case promiseDate = "promise_date"
                case disputeReason = "dispute_reason"
            }
        }

        var id: String
        var lang: String
        var text: String
        var intent: String
        var intents: [String]
        var disputeReason: String?
        var items: [Item]
        var now: String
        var source = "decision"
        var split = "train"

        enum CodingKeys: String, CodingKey {
            case id, lang, text, intent, intents, items, now, source, split
            case disputeReason = "dispute_reason"
        }
    }

    /// One example per record, in order, each line ending in LF.
    static func jsonLines(_ records: [LabelledReplyRecord]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for record in records {
            let example = Example(
                id: "decision-\(record.id.rawValue)", lang: record.language ?? "und", text: record.visibleText,
                intent: record.label.intent.rawValue, intents: [record.label.intent.rawValue],
                disputeReason: record.label.disputeReason?.rawValue,
                items: record.items.map { item in
                    Example.Item(number: item.number, qualification: item.state.qualification?.rawValue,
                                 promiseDate: item.state.promiseDate?.iso,
                                 amount: item.state.amountMinor.map { Money.decimalString($0, currency: item.currency) },
                                 disputeReason: item.state.disputeReason?.rawValue)
                },
                now: iso8601(record.receivedAt))
            // Encoding strings and arrays of them cannot fail.
            if let line = try? encoder.encode(example) {
                out.append(line)
                out.append(0x0A)
            }
        }
        return out
    }

    /// `2026-11-18T09:30:00Z`.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
