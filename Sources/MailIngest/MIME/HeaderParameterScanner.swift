/// Reads structured MIME header values: `Content-Type` (RFC 2045 §5.1) and `Content-Disposition` (RFC 2183), i.e.
/// a main value followed by `; name=value` parameters. Lenient: comments in the main value and in names are skipped,
/// unquoted values may hold spaces, an unterminated quoted string runs to the end, parameters without `=` are
/// dropped. Works on the UTF-8 bytes; every delimiter is ASCII, so multi-byte characters pass through whole.
enum HeaderParameterScanner {
    /// The main value (white space removed, as written) and the raw parameters in input order, values unquoted.
    static func scan(_ value: String) -> (main: String, parameters: [(name: String, value: String)]) {
        var copy = value
        return copy.withUTF8 { chars in
            let (main, parameters) = scanBytes(chars)
            return (main.text(chars), parameters.map { ($0.name.text(chars), $0.value.text(chars)) })
        }
    }

    /// A token as found: a range of the input when it needed no cleaning (the usual case, no copy), else the
    /// bytes left after removing white space and comments.
    private enum Token {
        case plain(Range<Int>)
        case cleaned([UInt8])

        var isEmpty: Bool {
            switch self {
            case .plain(let range): return range.isEmpty
            case .cleaned(let bytes): return bytes.isEmpty
            }
        }

        /// The token as a string (the input is valid UTF-8, cut only at ASCII delimiters).
        func text(_ chars: UnsafeBufferPointer<UInt8>) -> String {
            switch self {
            case .plain(let range): return String(decoding: UnsafeBufferPointer(rebasing: chars[range]), as: UTF8.self)
            case .cleaned(let bytes): return HeaderParameterScanner.text(bytes)
            }
        }

        /// Runs `body` over the token's bytes.
        func withBytes<Result>(_ chars: UnsafeBufferPointer<UInt8>,
                               _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch self {
            case .plain(let range): return body(UnsafeBufferPointer(rebasing: chars[range]))
            case .cleaned(let bytes): return bytes.withUnsafeBufferPointer(body)
            }
        }
    }

    private static let semicolon = UInt8(ascii: ";"), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\"), open = UInt8(ascii: "(")

    /// One parameter as found: the name (white space and comments removed) and the value (unquoted, `\\`
    /// escapes undone), each a range of the input when nothing had to be removed.
    private typealias RawParameter = (name: Token, value: Token)

    private static func scanBytes(_ chars: UnsafeBufferPointer<UInt8>) -> (main: Token, parameters: [RawParameter]) {
        var index = 0
        let main = token(chars, &index, stopAtEquals: false)
        var parameters: [RawParameter] = []
        while index < chars.count {
            index += 1  // past `;`
            let name = token(chars, &index, stopAtEquals: true)
            guard index < chars.count, chars[index] == equals else { continue }
            index += 1
            while index < chars.count, Bytes.isWSP(chars[index]) { index += 1 }
            let value: Token
            if index < chars.count, chars[index] == quote {
                index += 1
                let start = index
                var escaped = false
                while index < chars.count, chars[index] != quote {
                    if chars[index] == backslash { escaped = true; index += 1 }
                    index += 1
                }
                let stop = min(index, chars.count)
                if escaped {
                    var unescaped: [UInt8] = []
                    var at = start
                    while at < stop {
                        if chars[at] == backslash, at + 1 < stop { at += 1 }
                        unescaped.append(chars[at])
                        at += 1
                    }
                    value = .cleaned(unescaped)
                } else {
                    value = .plain(start..<stop)
                }
                // Skip the closing quote and anything up to the next `;`.
                while index < chars.count, chars[index] != semicolon { index += 1 }
            } else {
                let start = index
                while index < chars.count, chars[index] != semicolon { index += 1 }
                var end = index
                while end > start, Bytes.isWSP(chars[end - 1]) { end -= 1 }
                value = .plain(start..<end)
            }
            if !name.isEmpty { parameters.append((name, value)) }
        }
        return (main, parameters)
    }

    /// The parameters as ``ParameterDecoder/decode(_:)`` gives them, without building its tables in the common
    /// case: every name ASCII without `*` (no RFC 2231 sections) and no value holding `=?` (no RFC 2047 word). Then
    /// names are trimmed and lower-cased, the first occurrence of a name wins, and values are kept as they are.
    private static func parameters(_ chars: UnsafeBufferPointer<UInt8>, _ raw: [RawParameter]) -> [String: String] {
        if raw.isEmpty { return [:] }
        if raw.count == 1 {
            let parameter = raw[0]
            let value: String? = parameter.value.withBytes(chars) { bytes in
                Bytes.containsEncodedWordStart(bytes) ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if let value, let key = parameter.name.withBytes(chars, ParameterDecoder.simpleName) {
                return key.isEmpty ? [:] : [key: value]
            }
            return ParameterDecoder.decode([(parameter.name.text(chars), parameter.value.text(chars))])
        }
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(raw.count)
        var simple = true
        for parameter in raw {
            let value: String? = parameter.value.withBytes(chars) { bytes in
                Bytes.containsEncodedWordStart(bytes) ? nil : String(decoding: bytes, as: UTF8.self)
            }
            guard let value, let key = parameter.name.withBytes(chars, ParameterDecoder.simpleName) else {
                simple = false
                break
            }
            guard !key.isEmpty, !pairs.contains(where: { $0.key == key }) else { continue }
            pairs.append((key, value))
        }
        if !simple {
            return ParameterDecoder.decode(raw.map { ($0.name.text(chars), $0.value.text(chars)) })
        }
        switch pairs.count {
        case 0: return [:]
        case 1: return [pairs[0].key: pairs[0].value]
        default:
            var out: [String: String] = [:]
            for pair in pairs { out[pair.key] = pair.value }
            return out
        }
    }

    /// The main value or a parameter name from `index`: up to `;` (or `=`), white space and comments removed.
    private static func token(_ chars: UnsafeBufferPointer<UInt8>, _ index: inout Int, stopAtEquals: Bool) -> Token {
        let start = index
        var plain = true
        while index < chars.count, chars[index] != semicolon, !(stopAtEquals && chars[index] == equals) {
            if chars[index] == open || Bytes.isWSP(chars[index]) { plain = false }
            if chars[index] == open { index = skipComment(chars, index); continue }
            index += 1
        }
        if plain { return .plain(start..<index) }
        // White space only around the token (`; charset=...` has a space before the name): the trimmed range is
        // what cleaning would give, so no copy is needed.
        var lower = start, upper = index
        while lower < upper, Bytes.isWSP(chars[lower]) { lower += 1 }
        while upper > lower, Bytes.isWSP(chars[upper - 1]) { upper -= 1 }
        if !UnsafeBufferPointer(rebasing: chars[lower..<upper]).contains(where: { $0 == open || Bytes.isWSP($0) }) {
            return .plain(lower..<upper)
        }
        var out: [UInt8] = []
        var at = start
        while at < index {
            if chars[at] == open { at = skipComment(chars, at); continue }
            if !Bytes.isWSP(chars[at]) { out.append(chars[at]) }
            at += 1
        }
        return .cleaned(out)
    }

    /// Bytes that came from a Swift string (so valid UTF-8, cut only at ASCII delimiters) back to a string.
    @inline(__always)
    private static func text(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// A Content-Type; nil when the value has no `type/subtype` (RFC 2045 §5.2 then says: use the default).
    static func contentType(_ value: String) -> ContentType? {
        var copy = value
        return copy.withUTF8 { chars in
            let (main, raw) = scanBytes(chars)
            let halves: (String, String)? = main.withBytes(chars) { bytes in
                guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > 0, slash < bytes.count - 1 else {
                    return nil
                }
                return (lowered(UnsafeBufferPointer(rebasing: bytes[..<slash])),
                        lowered(UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])))
            }
            guard let (type, subtype) = halves else { return nil }
            return ContentType(lowercasedType: type, subtype: subtype, parameters: parameters(chars, raw))
        }
    }

    /// `bytes` with ASCII letters lower-cased, as a string (other bytes, UTF-8 included, unchanged).
    private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Beyond ASCII: the standard library's full lower-casing, as `ContentType.init` applies it.
        if bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self).lowercased() }
        // The usual names come back as literals (no new string).
        for name in commonNames where name.utf8.count == bytes.count {
            var literal = name
            if literal.withUTF8({ Bytes.asciiCaseInsensitiveEquals(bytes, $0) }) { return name }
        }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for (index, byte) in bytes.enumerated() { out[index] = Bytes.lower(byte) }
            return bytes.count
        }
    }

    /// Types and subtypes of nearly all mail (lower case).
    private static let commonNames = [
        "text", "plain", "html", "multipart", "alternative", "mixed", "related", "report", "application", "image",
        "message", "rfc822", "delivery-status", "octet-stream", "pdf", "jpeg", "png", "gif",
    ]

    /// Index just past the comment that starts at `start` (nested parentheses and `\` escapes honoured).
    private static func skipComment(_ chars: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var depth = 0, index = start
        while index < chars.count {
            switch chars[index] {
            case backslash: index += 1
            case open: depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return min(index, chars.count)
    }
}
