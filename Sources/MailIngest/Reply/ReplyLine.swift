#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One body line prepared once for every matcher: trimmed, lowercased, quote depth counted.
struct ReplyLine: Sendable {
    /// The line as given.
    let raw: String
    /// Without leading and trailing white space (NBSP, zero-width space and BOM count as white space).
    let trimmed: String
    /// `trimmed` lowercased, with the emphasis stars of rich-text conversions ("*From:*") removed.
    let folded: String
    /// Number of `>` (or `|`, full-width `＞`) quote markers at its start.
    let quoteDepth: Int
    /// True when the HTML layer marked it as quoted history.
    let markedQuoted: Bool
    /// True when the HTML layer marked it as part of a signature block.
    let markedSignature: Bool

    init(_ line: BodyText.Line) {
        raw = line.text
        trimmed = ReplyLine.trim(line.text)
        let lower = ReplyLine.contains(trimmed, UInt8(ascii: "*")) ? trimmed.replacingStars().lowercased()
            : trimmed.lowercased()
        // Turkish "İ" lowercases to "i" and a combining dot (UTF-8 CC 87): fold it to the plain "i" the tables use.
        if ReplyLine.contains(lower, 0xCC), lower.unicodeScalars.contains("\u{307}") {
            var plain = ""
            plain.unicodeScalars.append(contentsOf: lower.unicodeScalars.filter { $0 != "\u{307}" })
            folded = plain
        } else {
            folded = lower
        }
        let depth = ReplyLine.depth(of: line.text)
        // "| a | b |" is a table row, not a quote.
        let isTableRow = depth > 0 && trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count > 2
        quoteDepth = isTableRow ? 0 : depth
        markedQuoted = line.quoted
        markedSignature = line.signature
    }

    /// Quoted by its markers or by the markup.
    var isQuoted: Bool { markedQuoted || quoteDepth > 0 }
    /// Empty once trimmed.
    var isBlank: Bool { trimmed.isEmpty }

    /// Only rule characters (`-`, `_`, `=`, `*`, `~` and their dash and full-width forms), at least three: a
    /// separator drawn above quoted history or around a signature.
    var isRule: Bool {
        var count = 0
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            // ASCII rules, dashes and box drawing; Japanese signatures draw theirs with "―", "━", "－" or "＝".
            case "-", "_", "=", "*", "~", "—", "─", "―", "━", "－", "＝", "＿": count += 1
            case " ": continue
            default: return false
            }
        }
        return count >= 3
    }

    /// A line of at least ten underscores and nothing else: Outlook's separator above its header block, and
    /// the mailing-list footer rule.
    var isUnderscoreRule: Bool {
        var count = 0
        for scalar in trimmed.unicodeScalars {
            guard scalar == "_" else { return false }
            count += 1
        }
        return count >= 10
    }

    /// The RFC 3676 section 4.3 signature separator "-- " (also without its space).
    var isSignatureDelimiter: Bool {
        guard raw.utf8.first == UInt8(ascii: "-") else { return false }
        var end = raw.unicodeScalars.endIndex
        let scalars = raw.unicodeScalars
        while end > scalars.startIndex, ReplyLine.isSpace(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        return String(scalars[scalars.startIndex..<end]) == "--"
    }

    /// The byte of the first character of `text` when that character is one ASCII byte (an ASCII byte followed
    /// by another ASCII byte or the end, CR aside: CR LF is one character), else nil.
    static func asciiFirstCharacter(_ text: some Collection<UInt8>) -> UInt8? {
        var iterator = text.makeIterator()
        guard let first = iterator.next(), first < 0x80, first != 0x0D else { return nil }
        if let next = iterator.next(), next >= 0x80 { return nil }
        return first
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{3000}", "\u{2007}", "\u{202F}", "\u{200C}", "\u{200D}":
            return true
        default:
            return false
        }
    }

    static func trim(_ text: String) -> String {
        // Only " ", tab and non-ASCII scalars are trimmed: text that starts and ends with other ASCII stays as is.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), last != UInt8(ascii: " "), last != UInt8(ascii: "\t") {
            return text
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    static func depth(of text: String) -> Int {
        // Markers and spaces are ">", "|", " ", tab or non-ASCII: any other ASCII first byte means no marker.
        if let first = text.utf8.first, first < 0x80, first != UInt8(ascii: ">"), first != UInt8(ascii: "|"),
           first != UInt8(ascii: " "), first != UInt8(ascii: "\t") {
            return 0
        }
        var text = text
        if let depth = text.withUTF8(asciiDepth) { return depth }
        return scalarDepth(of: text)
    }

    /// The quote-marker rule over Unicode scalars (the first 64): `>`, full-width `＞` and a `|` followed by a space,
    /// a marker or the end each add one level; spaces between them are skipped. ``asciiDepth(_:)`` is its fast path.
    static func scalarDepth(of text: String) -> Int {
        let scalars = Array(text.unicodeScalars.prefix(64))
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" || scalar == "＞" {
                depth += 1
            } else if scalar == "|" {
                // A bar quotes only when a space, a marker or the end follows it: "|a|b|" is a table row.
                let next: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : " "
                guard next == " " || next == ">" || next == "|" else { break }
                depth += 1
            } else if !isSpace(scalar) {
                break
            }
            index += 1
        }
        return depth
    }
}

extension ReplyLine {
    /// ``depth(of:)`` read on the bytes while they are ASCII (then a byte is a scalar); nil when a non-ASCII scalar
    /// is reached among the first 64, which the scalar walk decides (full-width markers, Unicode spaces).
    static func asciiDepth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = min(64, bytes.count)
        var depth = 0
        var index = 0
        while index < limit {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: ">") {
                depth += 1
            } else if byte == UInt8(ascii: "|") {
                // Within the first 64 scalars a non-ASCII next scalar is none of these, as in the scalar walk.
                let next = index + 1 < limit ? bytes[index + 1] : UInt8(ascii: " ")
                guard next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == UInt8(ascii: "|") else { break }
                depth += 1
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                break
            }
            index += 1
        }
        return depth
    }

    /// True when `text`'s UTF-8 holds `byte` (`memchr`; the generic `contains` walks the view a byte at a time).
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}

extension String {
    fileprivate func replacingStars() -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: unicodeScalars.filter { $0 != "*" })
        return out
    }
}
