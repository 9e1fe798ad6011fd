import FeedbackClassifier
import Foundation

/// Scores the proposals against the labelled items: item qualifications, promise dates and amounts.
enum EntityReport {
    static func render(examples: [LabelledReply], model: FeedbackModel, listMisses: Bool = false) -> String {
        var misses: [String] = []
        let interpreter = ReplyInterpreter(model: model)
        var items = 0, qualificationsRight = 0, promises = 0, datesRight = 0, amounts = 0, amountsRight = 0
        for example in examples {
            guard let labelled = example.items, !labelled.isEmpty else { continue }
            let context = ReplyContext(
                today: example.now.flatMap { LocalDate(iso: $0) } ?? LocalDate(Date()),
                language: nil,
                openItems: (example.openItems ?? []).map {
                    ReplyContext.OpenItem(number: $0.number, amount: $0.amount.flatMap { Money(decimal: $0, currency: nil) },
                                          due: $0.due.flatMap { LocalDate(iso: $0) })
                })
            let result = interpreter.interpret(example.text, context: context)
            for item in labelled {
                items += 1
                let proposal = result.items.first { $0.number == item.number }
                if proposal?.qualification?.rawValue == item.qualification { qualificationsRight += 1 }
                if item.qualification == "promise_to_pay", let date = item.promiseDate {
                    promises += 1
                    if proposal?.promiseDate?.description == date { datesRight += 1 }
                    else if listMisses {
                        misses.append("\(example.id)\t\(item.number) date want \(date) got \(proposal?.promiseDate?.description ?? "-") "
                            + "(\(proposal?.qualification?.rawValue ?? "no proposal"))\t"
                            + example.text.replacingOccurrences(of: "\n", with: " ").prefix(120))
                    }
                }
                if let amount = item.amount {
                    amounts += 1
                    if proposal?.amount?.decimal == amount { amountsRight += 1 }
                }
            }
        }
        func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "n/a" : String(format: "%.1f%% (%d/%d)", Double(a) * 100 / Double(b), a, b) }
        let missList = misses.isEmpty ? "" : "\n" + misses.joined(separator: "\n")
        return "items: qualification right \(pct(qualificationsRight, items)); promise dates exact \(pct(datesRight, promises)); "
            + "partial amounts right \(pct(amountsRight, amounts))" + missList
    }
}
