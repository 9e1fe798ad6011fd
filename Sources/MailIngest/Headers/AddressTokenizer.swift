/// The lexical pieces of an address list (RFC 5322 §3.2, §3.4), read tolerantly: an unterminated quoted string,
/// comment or angle address runs to the end (noted as broken), a stray `>` is dropped.
struct AddressToken: Equatable {
    enum Kind: Equatable {
        /// An atom or dot-atom, or any run of other characters (`j@x.com`, `Doe`, `@x`).
        case word
        /// A quoted string, unescaped, without its quotes.
        case quoted
        /// A comment, unescaped, without its outer parentheses.
        case comment
        /// The inside of `<...>`.
        case angle
        case comma, semicolon, colon
    }

    var kind: Kind
    var text: String
    /// True when white space (or a comment) came right before this token.
    var spaceBefore: Bool
}

enum AddressTokenizer {
    /// Splits `raw` into tokens; `broken` is set when something was unterminated or stray.
    static func tokenize(_ raw: String, broken: inout Bool) -> [AddressToken] {
        let scalars = Array(raw.unicodeScalars)
        var tokens: [AddressToken] = []
        var index = 0
        var space = false
        func emit(_ kind: AddressToken.Kind, _ text: String) {
            tokens.append(AddressToken(kind: kind, text: text, spaceBefore: space))
            space = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r", "\n":
                space = true
                index += 1
            case "\"":
                let (text, next, closed) = readQuoted(scalars, from: index + 1)
                if !closed { broken = true }
                emit(.quoted, text)
                index = next
            case "(":
                let (text, next, closed) = readComment(scalars, from: index + 1)
                if !closed { broken = true }
                emit(.comment, text)
                space = true
                index = next
            case "<":
                let (text, next, closed) = readAngle(scalars, from: index + 1)
                if !closed { broken = true }
                emit(.angle, text)
                index = next
            case ">", ")":
                broken = true
                space = true
                index += 1
            case ",":
                emit(.comma, ",")
                index += 1
            case ";":
                emit(.semicolon, ";")
                index += 1
            case ":":
                emit(.colon, ":")
                index += 1
            default:
                var text = String.UnicodeScalarView()
                while index < scalars.count, !isWordEnd(scalars[index]) {
                    text.append(scalars[index])
                    index += 1
                }
                emit(.word, String(text))
            }
        }
        return tokens
    }

    private static func isWordEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\r", "\n", "\"", "(", ")", "<", ">", ",", ";", ":": return true
        default: return false
        }
    }

    /// After the opening quote: the unescaped text, the index past the closing quote, and whether it closed.
    private static func readQuoted(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int, Bool) {
        var text = String.UnicodeScalarView()
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" { return (String(text), index + 1, true) }
            if scalar == "\\", index + 1 < scalars.count {
                text.append(scalars[index + 1])
                index += 2
                continue
            }
            // Folding inside a quoted string leaves its white space; CR and LF themselves are not text.
            if scalar != "\r" && scalar != "\n" { text.append(scalar) }
            index += 1
        }
        return (String(text), index, false)
    }

    /// After the opening parenthesis: nested comments kept as text, escapes undone.
    private static func readComment(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int, Bool) {
        var text = String.UnicodeScalarView()
        var depth = 1
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                text.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth == 0 { return (String(text), index + 1, true) }
            }
            if scalar != "\r" && scalar != "\n" { text.append(scalar) }
            index += 1
        }
        return (String(text), index, false)
    }

    /// After `<`: the raw inside up to `>` (quoted strings inside are skipped over whole; an obsolete route's commas
    /// stay inside). Without a `>` before the next `<`, the angle address ends at the next `,` or `;` outside quotes.
    private static func readAngle(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int, Bool) {
        var close: Int?
        var stop: Int?
        var index = start
        var inQuotes = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", inQuotes {
                index += 2
                continue
            }
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes {
                if scalar == ">" { close = index; break }
                if scalar == "<" { break }
                if stop == nil, scalar == "," || scalar == ";" { stop = index }
            }
            index += 1
        }
        let end = close ?? stop ?? min(index, scalars.count)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return (String(text), close.map { $0 + 1 } ?? end, close != nil)
    }
}
