import Foundation

/// An amount of money as integer minor units (cents) with an ISO 4217 currency when known.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// Hundredths of the unit (currencies without minor units still count in hundredths here).
    public var cents: Int
    public var currency: String?

    public init(cents: Int, currency: String?) {
        self.cents = cents
        self.currency = currency
    }

    /// Parses a plain decimal such as `1250.00` or `1250` (the corpus and context format).
    public init?(decimal: String, currency: String? = nil) {
        let parts = decimal.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let units = Int(parts[0]) else { return nil }
        var cents = units * 100
        if parts.count == 2 {
            let fraction = parts[1].prefix(2)
            guard let f = Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) else { return nil }
            cents += units < 0 ? -f : f
        }
        self.init(cents: cents, currency: currency)
    }

    /// `1250.00`: a dot, two decimals, no grouping.
    public var decimal: String {
        let sign = cents < 0 ? "-" : ""
        let v = abs(cents)
        return "\(sign)\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)"
    }

    public var description: String { currency.map { "\(decimal) \($0)" } ?? decimal }
}
