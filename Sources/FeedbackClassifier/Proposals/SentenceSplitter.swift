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
                if next == " " && !afterNext.isNumber && !isOrdinalDay(chars, dot: i) || next == "\n" || i + 1 == chars.count {
                    flush()
                }
            }
        }
        flush()
        return out
    }

    /// True when the `.` at `dot` ends a day of one or two digits followed by a month name ("am 16. Oktober",
    /// "do 15. prosinca", "den 1. december"): an ordinal date, not a sentence end.
    static func isOrdinalDay(_ chars: [Character], dot: Int) -> Bool {
        var start = dot
        while start > 0, chars[start - 1].isASCII, chars[start - 1].isNumber { start -= 1 }
        guard (1...2).contains(dot - start), start == 0 || !chars[start - 1].isLetter && !chars[start - 1].isNumber
                && chars[start - 1] != "." else { return false }
        var j = dot + 1
        while j < chars.count, chars[j] == " " { j += 1 }
        var word = ""
        while j < chars.count, chars[j].isLetter, word.count < 12 { word.append(chars[j]); j += 1 }
        guard word.count >= 3 else { return false }
        let folded = TextFolding.stripAccents(TextFolding.fold(word))
        return DateVocabulary.months[folded] != nil && !DateVocabulary.riskyMonthWords.contains(folded)
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
