import FeedbackClassifier
import Foundation

/// The readable report of an ``Evaluation``: totals, per intent, per language, confusion matrix.
enum EvaluationReport {
    static func render(_ e: Evaluation) -> String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", x * 100) }
        var out = "replies \(e.count)  accuracy \(pct(e.accuracy))  macro-F1 \(String(format: "%.3f", e.macroF1))"
        out += "  abstained \(pct(e.abstentionRate))  accuracy when proposing \(pct(e.accuracyWhenProposing))\n\n"
        out += "intent             precision  recall     F1  support\n"
        for intent in Intent.allCases {
            guard let s = e.perIntent[intent] else { continue }
            out += intent.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            out += " \(pct(s.precision))   \(pct(s.recall))  \(String(format: "%.3f", s.f1))  \(String(format: "%7d", s.support))\n"
        }
        out += "\nlanguage  accuracy  macro-F1  replies\n"
        for (lang, v) in e.perLanguage.sorted(by: { $0.key < $1.key }) {
            out += "\(lang.padding(toLength: 8, withPad: " ", startingAt: 0))  \(pct(Double(v.right) / Double(v.total)))"
            out += "     \(String(format: "%.3f", e.perLanguageMacroF1[lang] ?? 0))  \(String(format: "%7d", v.total))\n"
        }
        out += "\ncalibration (expected calibration error \(String(format: "%.3f", e.expectedCalibrationError)))\n"
        out += "confidence  replies  mean conf.  accuracy\n"
        for (i, bin) in e.calibrationBins.enumerated() where bin.count > 0 {
            out += String(format: "%.1f-%.1f   %7d     %5.3f     %5.3f\n", Double(i) / 10, Double(i + 1) / 10, bin.count,
                          bin.confidence, bin.accuracy)
        }
        let short = ["ptp", "paid", "disp", "copy", "plan", "wrong", "ack", "auto", "other"]
        out += "\nconfusion (rows gold, columns predicted)\n      " + short.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined() + "\n"
        for (i, gold) in Intent.allCases.enumerated() {
            out += short[i].padding(toLength: 6, withPad: " ", startingAt: 0)
            for predicted in Intent.allCases {
                out += String(format: "%-6d", e.confusion[gold]?[predicted] ?? 0)
            }
            out += "\n"
        }
        return out
    }
}
