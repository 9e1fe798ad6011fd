/// Splits a reply into sentences: at line breaks and after `.`, `!`, `?`, `。`, `！`, `？` followed by a space or
/// the end (not inside numbers such as `1.250,00` or abbreviations followed by a digit such as `No. 4711`).
enum SentenceSplitter {
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespaces)
            if trimmed.contains(where: { $0.isLetter || $0.isNumber }) { out.append(trimmed) }
            current = ""
        }
        for (i, c) in chars.enumerated() {
            if c == "\n" || c == "\r" { flush(); continue }
            current.append(c)
            if "。！？".contains(c) { flush(); continue }
            if ".!?".contains(c) {
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                let afterNext = i + 2 < chars.count ? chars[i + 2] : " "
                if next == " " && !afterNext.isNumber || next == "\n" || i + 1 == chars.count { flush() }
            }
        }
        flush()
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: CharacterSetLite) -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Only whitespace trimming is needed here; this avoids importing Foundation for it.
enum CharacterSetLite { case whitespaces }
