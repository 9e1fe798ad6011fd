/// An amount of money as integer minor units (cents) plus an ISO 4217 currency code; never a floating-point value.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The amount in the currency's minor unit (1250.00 EUR is 125000).
    public var minorUnits: Int64
    /// ISO 4217 alphabetic code, three upper-case letters ("EUR").
    public var currency: String

    /// Makes an amount; `currency` is upper-cased.
    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency.uppercased()
    }

    /// Number of minor-unit digits of an ISO 4217 currency (2 unless listed otherwise).
    public static func exponent(of currency: String) -> Int {
        switch currency.uppercased() {
        case "JPY", "KRW", "CLP", "ISK", "VND", "XOF", "XAF", "XPF", "UGX", "PYG", "RWF", "KMF", "GNF", "DJF", "VUV":
            return 0
        case "BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD":
            return 3
        default:
            return 2
        }
    }

    /// True when `code` has the shape of an ISO 4217 code (three ASCII letters).
    public static func isCurrencyCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
    }

    /// Decimal rendering with the currency's exponent, e.g. "1250.00 EUR".
    public var description: String { "\(Money.decimalString(minorUnits, currency: currency)) \(currency)" }

    /// The amount as a plain decimal string with a point ("-12.50").
    public static func decimalString(_ minor: Int64, currency: String) -> String {
        let exponent = exponent(of: currency)
        guard exponent > 0 else { return String(minor) }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let magnitude = minor.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        while fraction.count < exponent { fraction = "0" + fraction }
        return (minor < 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}
