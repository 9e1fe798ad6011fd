/// Reads Message-ID, In-Reply-To and References (RFC 5322 §3.6.4) into bare ids (`local@domain`, no brackets).
///
/// Tolerant: comments and folding are skipped, white space inside brackets is dropped, phrases of the obsolete
/// In-Reply-To syntax (`Your message of ...`) are ignored, and when no bracketed id is present at all, bare words
/// holding an `@` are taken as ids. Duplicates are dropped (first kept), order is kept.
public enum MessageIDs {
    /// The ids in `raw`, in order.
    public static func parse(_ raw: String) -> [String] {
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
