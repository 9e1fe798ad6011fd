import AgendaStore
import Foundation

/// Display text for values (plain text; pages escape it).
enum Format {
    /// The UTC day of an instant.
    static func day(_ date: Date) -> Day {
        Day(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// `YYYY-MM-DD HH:MM UTC`.
    static func instant(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day(date).iso) \(two(inDay / 3600)):\(two(inDay % 3600 / 60)) UTC"
    }

    /// "3 d", "5 h", "12 min" since `date`.
    static func age(_ date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds >= 86_400 { return "\(seconds / 86_400) d" }
        if seconds >= 3600 { return "\(seconds / 3600) h" }
        return "\(seconds / 60) min"
    }

    /// "87 %".
    static func percent(_ confidence: Double?) -> String {
        guard let confidence else { return "–" }
        return "\(Int((confidence * 100).rounded())) %"
    }

    /// Words for a code: `promise_to_pay` -> "promise to pay".
    static func words(_ code: String) -> String {
        // Byte map instead of Foundation's `replacingOccurrences` (3% of a loaded server's CPU in the UI benchmark).
        guard code.utf8.contains(UInt8(ascii: "_")) else { return code }
        return String(decoding: code.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// A qualification with its details, e.g. "promise to pay on 2026-12-15, 1250.00 EUR".
    static func qualification(_ state: QualificationState, currency: String?) -> String {
        guard let qualification = state.qualification else { return "none" }
        var text = words(qualification.rawValue)
        if let date = state.promiseDate { text += " on \(date.iso)" }
        if let reason = state.disputeReason { text += " (\(reason.rawValue))" }
        if let amount = state.amountMinor {
            let code = currency ?? ""
            text += ", \(Money.decimalString(amount, currency: code.isEmpty ? "EUR" : code)) \(code)"
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Parses a decimal amount ("1250", "1250.5", "1 250,50") into minor units of `currency`.
    static func minorUnits(_ text: String, currency: String) -> Int64? {
        var cleaned = text.filter { !$0.isWhitespace }
        if cleaned.contains(","), !cleaned.contains(".") { cleaned = cleaned.replacingOccurrences(of: ",", with: ".") }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0 else { return nil }
        let exponent = Money.exponent(of: currency)
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= exponent, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else {
            return nil
        }
        while fraction.count < exponent { fraction += "0" }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let (product, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        return product + (Int64(fraction) ?? 0)
    }
}
