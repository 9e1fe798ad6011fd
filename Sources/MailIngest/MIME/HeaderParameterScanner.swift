/// Reads structured MIME header values: `Content-Type` (RFC 2045 §5.1) and `Content-Disposition` (RFC 2183), i.e.
/// a main value followed by `; name=value` parameters. Lenient: comments are skipped, unquoted values may hold
/// spaces, an unterminated quoted string runs to the end, malformed parameters are dropped.
enum HeaderParameterScanner {
    /// The main value (trimmed, as written) and the raw parameters in input order, values unquoted.
    static func scan(_ value: String) -> (main: String, parameters: [(name: String, value: String)]) {
        let chars = Array(value.unicodeScalars)
        var index = 0
        var main = String.UnicodeScalarView()
        // Main value: up to the first `;` outside a comment.
        while index < chars.count, chars[index] != ";" {
            if chars[index] == "(" { index = skipComment(chars, index); continue }
            if chars[index] != " " && chars[index] != "\t" { main.append(chars[index]) }
            index += 1
        }
        var parameters: [(name: String, value: String)] = []
        while index < chars.count {
            index += 1  // past `;`
            var name = String.UnicodeScalarView()
            while index < chars.count, chars[index] != "=", chars[index] != ";" {
                if chars[index] == "(" { index = skipComment(chars, index); continue }
                if chars[index] != " " && chars[index] != "\t" { name.append(chars[index]) }
                index += 1
            }
            guard index < chars.count, chars[index] == "=" else { continue }
            index += 1
            while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
            var parameterValue = String.UnicodeScalarView()
            if index < chars.count, chars[index] == "\"" {
                index += 1
                while index < chars.count, chars[index] != "\"" {
                    if chars[index] == "\\", index + 1 < chars.count { index += 1 }
                    parameterValue.append(chars[index])
                    index += 1
                }
                // Skip the closing quote and anything up to the next `;`.
                while index < chars.count, chars[index] != ";" { index += 1 }
            } else {
                while index < chars.count, chars[index] != ";" {
                    parameterValue.append(chars[index])
                    index += 1
                }
                while let last = parameterValue.last, last == " " || last == "\t" { parameterValue.removeLast() }
            }
            if !name.isEmpty { parameters.append((String(name), String(parameterValue))) }
        }
        return (String(main), parameters)
    }

    /// A Content-Type; nil when the value has no `type/subtype` (RFC 2045 §5.2 then says: use the default).
    static func contentType(_ value: String) -> ContentType? {
        let (main, raw) = scan(value)
        let pieces = main.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { return nil }
        return ContentType(type: String(pieces[0]), subtype: String(pieces[1]),
                           parameters: ParameterDecoder.decode(raw))
    }

    /// Index just past the comment that starts at `start` (nested parentheses and `\` escapes honoured).
    private static func skipComment(_ chars: [Unicode.Scalar], _ start: Int) -> Int {
        var depth = 0, index = start
        while index < chars.count {
            switch chars[index] {
            case "\\": index += 1
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return index
    }
}
