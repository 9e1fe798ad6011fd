import Foundation
import FeedbackClassifier

/// The corpus's counts per language and intent, its splits and dispute reasons, and what it lacks.
enum CorpusStatistics {
    /// Languages the product promises (DESIGN.md) and the least each should have.
    static let languages: [(code: String, minimum: Int)] = [
        ("en", 300), ("fr", 300), ("de", 300), ("es", 300), ("it", 300), ("nl", 300), ("pt", 300),
        ("pl", 100), ("ro", 100), ("sv", 100), ("tr", 100), ("hr", 100), ("ja", 100), ("zh", 100),
    ]

    static func render(_ examples: [LabelledReply]) -> String {
        let intents = Intent.allCases
        let short = ["ptp", "paid", "disp", "copy", "plan", "wrong", "ack", "auto", "other"]
        var out = "lang  " + short.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined()
            + " total  test  price qual. deliv. admin.\n"
        var warnings: [String] = []
        let known = Set(languages.map(\.code))
        let codes = languages.map(\.code) + Set(examples.map(\.lang)).subtracting(known).sorted()
        for code in codes {
            let mine = examples.filter { $0.lang == code }
            var line = code.padding(toLength: 6, withPad: " ", startingAt: 0)
            for intent in intents {
                let n = mine.filter { $0.intent == intent }.count
                line += String(n).padding(toLength: 6, withPad: " ", startingAt: 0)
                if !mine.isEmpty, Double(n) < 0.08 * Double(mine.count) {
                    warnings.append("\(code): \(intent.rawValue) has \(n) of \(mine.count) replies (under 8%)")
                }
            }
            let test = mine.filter { $0.split == "test" }.count
            line += String(format: "%5d %5d", mine.count, test)
            for reason in DisputeReason.allCases {
                line += String(format: " %6d", mine.filter { $0.disputeReason == reason }.count)
            }
            out += line + "\n"
            if let minimum = languages.first(where: { $0.code == code })?.minimum, mine.count < minimum {
                warnings.append("\(code): \(mine.count) replies, fewer than the \(minimum) wanted")
            }
            if !mine.isEmpty {
                let share = Double(test) / Double(mine.count)
                if share < 0.15 || share > 0.25 { warnings.append("\(code): test split is \(Int(share * 100))% (want about 20%)") }
            }
            for reason in DisputeReason.allCases where !mine.isEmpty && !mine.contains(where: { $0.disputeReason == reason }) {
                warnings.append("\(code): no dispute with reason \(reason.rawValue)")
            }
        }
        let unsplit = examples.filter { $0.split != "train" && $0.split != "test" }.count
        if unsplit > 0 { warnings.append("\(unsplit) replies have no split: run scripts/corpus-split") }
        let generatedInTest = examples.filter { $0.source == "generated" && $0.split == "test" }.count
        if generatedInTest > 0 { warnings.append("\(generatedInTest) generated replies are in the test split") }
        out += "all   \(examples.count) replies, \(examples.filter { $0.split == "test" }.count) in the frozen test split\n"
        out += warnings.isEmpty ? "\nno coverage warnings\n" : "\nwarnings:\n" + warnings.map { "- \($0)\n" }.joined()
        return out
    }
}
