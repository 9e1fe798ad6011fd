/// A piece of HTML. Literal text written in the code is markup; every interpolated `String` (or other value) is
/// escaped on the way in, so customer data can only ever appear as text (WHATWG HTML, "Escaping a string"). Only
/// another `HTML` value is inserted as markup.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup.
    public private(set) var markup: String

    /// Wraps markup that is known to be safe (literals, already escaped text).
    init(trusted markup: String) { self.markup = markup }

    /// Text escaped for element content and quoted attribute values.
    public init(text: String) { markup = HTML.escape(text) }

    /// A literal without interpolation: markup written in the code.
    public init(stringLiteral value: String) { markup = value }

    /// Builds from an interpolated literal: literals kept, values escaped.
    public init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    /// Joins pieces.
    public static func join(_ parts: [HTML], separator: HTML = "") -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator.markup))
    }

    /// Appends another piece.
    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.markup + rhs.markup) }

    /// Escapes `& < > " '` (safe in content and in single- or double-quoted attributes).
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Interpolation that escapes every value but `HTML`.
    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        /// Reserves room.
        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Literal markup from the code.
        public mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// Optional text, escaped; nothing for nil.
        public mutating func appendInterpolation(_ text: String?) { markup += HTML.escape(text ?? "") }

        /// Any other value's description, escaped.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            markup += HTML.escape(value.description)
        }

        /// Markup.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Markup pieces, in order.
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
    }
}
