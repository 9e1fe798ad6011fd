/// Splits a reply into sentences: at line breaks and after `.`, `!`, `?`, `。`, `！`, `？` followed by a space or
/// the end (not inside numbers such as `1.250,00` or abbreviations followed by a digit such as `No. 4711`).
enum SentenceSplitter {
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        func flush() {
            let trimmed = current.trimmingWhitespace()
            if trimmed.contains(where: { $0.isLetter || $0.isNumber }) { out.append(trimmed) }
            current = ""
        }
        var lineLength = 0
        for (i, c) in chars.enumerated() {
            if c == "\r" { continue }
            if c == "\n" {
                // A hard-wrapped line (long, not ending a sentence, followed by more text) continues its sentence.
                let next = chars[(i + 1)...].first { $0 != " " && $0 != "\t" && $0 != "\r" }
                let last = current.last { !$0.isWhitespace }
                if lineLength >= 40, let last, !".!?:;。！？".contains(last), let next, next != "\n", next != "-", next != "*" {
                    current.append(" ")
                    lineLength = 0
                    continue
                }
                flush()
                lineLength = 0
                continue
            }
            lineLength += 1
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
    /// The string without leading and trailing white space (no Foundation needed).
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
