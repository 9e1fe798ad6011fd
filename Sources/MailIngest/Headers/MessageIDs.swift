/// Reads Message-ID, In-Reply-To and References (RFC 5322 §3.6.4) into bare ids (`local@domain`, no brackets).
///
/// Tolerant: comments and folding are skipped, white space inside brackets is dropped, phrases of the obsolete
/// In-Reply-To syntax (`Your message of ...`) are ignored, and when no bracketed id is present at all, bare words
/// holding an `@` are taken as ids. Duplicates are dropped (first kept), order is kept.
public enum MessageIDs {
    /// The ids in `raw`, in order.
    public static func parse(_ raw: String) -> [String] {
        if let id = singleBracketed(raw) { return [id] }
        return parseAny(raw)
    }

    /// The id of a value that is one bracketed id between optional blanks (`<id@host>`, nearly every Message-ID),
    /// read over its UTF-8 bytes; nil for anything else, which ``parseAny(_:)`` reads. Same result as `parseAny`
    /// for those values: inside brackets only `<` and `>` end an id and blanks are dropped, so an inside without
    /// either is the id as it stands.
    static func singleBracketed(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
            var start = 0, end = bytes.count
            while start < end, blank(bytes[start]) { start += 1 }
            while end > start, blank(bytes[end - 1]) { end -= 1 }
            guard end - start > 2, bytes[start] == UInt8(ascii: "<"), bytes[end - 1] == UInt8(ascii: ">") else {
                return nil
            }
            let inside = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(end - 1)])
            guard !inside.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || blank($0) }) else {
                return nil
            }
            return String(decoding: inside, as: UTF8.self)
        }
    }

    /// The ids in `raw`, in order, for any value: comments, quoted phrases, several or unbracketed ids.
    static func parseAny(_ raw: String) -> [String] {
        let scalars = Array(raw.unicodeScalars)
        var bracketed: [String] = []
        var bare: [String] = []
        var word = String.UnicodeScalarView()
        func endWord() {
            let text = String(word).trimmingScalars("<>\"',;.")
            if text.contains("@") { bare.append(text) }
            word = String.UnicodeScalarView()
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "(":
                endWord()
                index = skipComment(scalars, from: index)
            case "\"":
                // A quoted phrase (`"Mon, 1 Jan"`): skipped whole.
                endWord()
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    index += scalars[index] == "\\" ? 2 : 1
                }
                index += 1
            case "<":
                endWord()
                var id = String.UnicodeScalarView()
                index += 1
                while index < scalars.count, scalars[index] != ">", scalars[index] != "<" {
                    let inner = scalars[index]
                    if inner != " " && inner != "\t" && inner != "\r" && inner != "\n" { id.append(inner) }
                    index += 1
                }
                if index < scalars.count, scalars[index] == ">" { index += 1 }
                if !id.isEmpty { bracketed.append(String(id)) }
            case " ", "\t", "\r", "\n", ",", ";":
                endWord()
                index += 1
            default:
                word.append(scalar)
                index += 1
            }
        }
        endWord()
        var seen = Set<String>()
        return (bracketed.isEmpty ? bare : bracketed).filter { seen.insert($0).inserted }
    }

    /// The index just past the comment opening at `start` (nested, with escapes; unterminated runs to the end).
    private static func skipComment(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < scalars.count {
            switch scalars[index] {
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

extension String {
    /// Without the given characters at either end.
    func trimmingScalars(_ set: String) -> String {
        let drop: (Character) -> Bool = { set.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
