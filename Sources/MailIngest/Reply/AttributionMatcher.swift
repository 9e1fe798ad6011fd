/// Recognises the attribution a client writes above a quoted message ("On <date>, <name> wrote:"), in one line
/// or split over up to three, in every language of ``AttributionPatterns``.
enum AttributionMatcher {
    /// The longest attribution considered, in characters; longer text is prose.
    static let maxLength = 320

    /// Number of lines (1 to 3) of the attribution starting at `index`, or nil.
    static func length(at index: Int, in lines: [ReplyLine]) -> Int? {
        let first = lines[index]
        if endsWithColon(first.trimmed) { return matches(first.trimmed) ? 1 : nil }
        if startsInline(first) { return 1 }
        // A split attribution ends with a colon on one of the next two lines.
        let colonBelow = (index + 1..<min(index + 3, lines.count)).contains { endsWithColon(lines[$0].trimmed) }
        guard colonBelow, mayStartSplitAttribution(first.trimmed) else { return nil }
        var joined = first.trimmed
        for extra in 1...2 {
            let next = index + extra
            guard next < lines.count, !lines[next].isBlank else { return nil }
            let line = lines[next]
            // Only a stray ">:" (a wrapped address end taken for a quote marker) may join from a quoted line.
            if line.isQuoted && !(line.quoteDepth > 0 && line.trimmed.count <= 3) { return nil }
            joined += " " + line.trimmed
            guard joined.count <= maxLength else { return nil }
            if matches(joined) {
                // "Thanks.\nOn Mon, Ann <a@b.c> wrote:": the attribution is the last line alone.
                if matches(line.trimmed) && !startsLikeAttribution(first.folded) { return nil }
                return extra + 1
            }
        }
        return nil
    }

    /// An attribution with the quoted text run on after its colon, as flattened HTML gives it
    /// ("On Mon, 23 Nov 2026, Ann <a@b.c> wrote:   Dear customer, ..."). It must open the line.
    static func startsInline(_ line: ReplyLine) -> Bool {
        let text = line.trimmed
        guard text.utf8.count <= 4_000, text.first?.isNumber == true || startsLikeAttribution(line.folded) else {
            return false
        }
        var colons = 0
        var index = text.startIndex
        while index < text.endIndex, colons < 6 {
            let character = text[index]
            if character == ":" || character == "：" {
                colons += 1
                let head = String(text[...index])
                if head.count > maxLength { return false }
                // "10:14" is a time, not the end of the attribution.
                let next = text.index(after: index)
                let isTime = next < text.endIndex && text[next].isNumber
                if !isTime, matches(head) { return true }
            }
            index = text.index(after: index)
        }
        return false
    }

    /// Ends with an ASCII or full-width colon, spaces and stars aside: the cheap test before the others.
    static func endsWithColon(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case ":", "：": return true
            case " ", "*", "\u{A0}", "\u{202F}", "\t": continue
            default: return false
            }
        }
        return false
    }

    /// True when `text` (one line, or several joined with spaces) is a whole attribution.
    static func matches(_ text: String) -> Bool {
        guard text.utf8.count <= maxLength || text.count <= maxLength else { return false }
        var body = Substring(text.lowercased())
        while let first = body.first, first == "-" || first == "*" || first == " " || first == ">" { body.removeFirst() }
        while let last = body.last, last == " " || last == "*" || last == "\u{A0}" || last == "\u{202F}" { body.removeLast() }
        guard let colon = body.last, colon == ":" || colon == "：" else { return false }
        body.removeLast()
        while let last = body.last, last == " " || last == "\u{A0}" || last == "\u{202F}" || last == "*" {
            body.removeLast()
        }
        guard !body.isEmpty else { return false }
        let hasDigit = body.unicodeScalars.contains(where: isNumeric)
        let hasAt = body.contains("@")
        // "... wrote:", "... a écrit :", "... 写道：": the verb ends the line, or stands before a parenthesised date
        // (Hungarian Gmail "Ann <a@b.c> ezt írta (időpont: 2026. nov. 23., H, 10:14):").
        if hasDigit || hasAt {
            if endsWithVerb(body) { return true }
            if body.last == ")", let open = body.lastIndex(of: "(") {
                var head = body[body.startIndex..<open]
                while head.last == " " { head.removeLast() }
                if endsWithVerb(head) { return true }
            }
        }
        // "Am 25.06.2015 um 10:55 schrieb Ann:", "Den 8/6/2015 kl. 21.21 skrev Ann <a@b.c>:",
        // Lotus Notes "Ann Lee/ACME@ACME wrote on 23/11/2026 10:14:02:".
        if hasDigit, hasAt || startsLikeAttribution(String(body)) || startsWithDate(body) {
            let text = String(body)
            for middle in AttributionPatterns.middles where middle.occurs(in: text) { return true }
        }
        // Gmail in Russian or Japanese, Mail.ru: "<date> <time>, Ann <ann@example.com>:" with no verb.
        if hasAt, hasTime(body), body.hasSuffix(">") || body.hasSuffix(">)") || body.hasSuffix("]") {
            return true
        }
        return false
    }

    /// "2011/4/7 Ann Lee <ann@example.com>" with no colon: an attribution only when `>` lines follow it, which the
    /// caller checks. It carries an address at its end and a date or time.
    static func matchesWithoutColon(_ text: String) -> Bool {
        // Lower-casing neither makes nor removes an "@": without one, nothing to lower-case.
        guard text.utf8.contains(UInt8(ascii: "@")), text.count <= 200 else { return false }
        let body = Substring(text.lowercased())
        guard body.contains("@"), body.hasSuffix(">") || body.hasSuffix(">)") || body.hasSuffix("]") else { return false }
        let digits = body.unicodeScalars.filter { $0 >= "0" && $0 <= "9" }.count
        return hasTime(body) || digits >= 6
    }

    static func endsWithVerb(_ body: Substring) -> Bool {
        // ASCII text cannot end with a non-ASCII verb (no table entry is canonically equivalent to ASCII).
        let bodyIsASCII = body.utf8.allSatisfy { $0 < 0x80 }
        for (ending, isASCII) in zip(AttributionPatterns.endings, endingIsASCII)
        where (isASCII || !bodyIsASCII) && body.hasSuffix(ending) {
            if needsWordBoundary(ending), let before = body.dropLast(ending.count).last, before.isLetter { continue }
            return true
        }
        return false
    }

    /// A line that may be the first part of an attribution split over several lines.
    static func mayStartSplitAttribution(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 200, let last = text.last else { return false }
        if last == "." || last == "!" || last == "?" || last == ":" || last == "。" { return false }
        let folded = text.lowercased()
        return folded.contains("@") || folded.unicodeScalars.contains(where: isNumeric)
            || startsLikeAttribution(folded)
    }

    /// Whether each of ``AttributionPatterns/endings`` is ASCII.
    static let endingIsASCII: [Bool] = AttributionPatterns.endings.map { $0.utf8.allSatisfy { $0 < 0x80 } }

    /// ``AttributionPatterns/leads`` of ASCII letters, as UTF-8.
    static let asciiLeads: [[UInt8]] = AttributionPatterns.leads.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        .map { Array($0.utf8) }
    /// The other ``AttributionPatterns/leads``.
    static let otherLeads: [String] = AttributionPatterns.leads.filter { $0.utf8.contains { $0 >= 0x80 } }

    /// Starts with a lead word of some language ("on ", "le ", "am ", "w dniu ") or with a digit.
    static func startsLikeAttribution(_ folded: String) -> Bool {
        var text = Substring(folded)
        while let first = text.first, first == "-" || first == " " || first == "*" { text.removeFirst() }
        if let first = text.unicodeScalars.first, isNumeric(first) { return true }
        // ASCII leads are compared as bytes (a byte match followed by a space or comma is a character match);
        // the others as characters.
        let bytes = text.utf8
        for lead in asciiLeads where bytes.starts(with: lead) {
            let next = bytes.dropFirst(lead.count).first
            if next == UInt8(ascii: " ") || next == UInt8(ascii: ",") { return true }
        }
        // ASCII text cannot start with a non-ASCII lead.
        if bytes.allSatisfy({ $0 < 0x80 }) { return false }
        for lead in otherLeads where text.hasPrefix(lead) {
            let rest = text.dropFirst(lead.count)
            if let next = rest.first, next == " " || next == "," { return true }
        }
        return false
    }

    /// Starts with a date: a digit, or a short weekday or month abbreviation ("tir.", "пн,", "lun.").
    static func startsWithDate(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if first.isNumber { return true }
        var letters = 0
        for character in text {
            if character.isLetter { letters += 1; continue }
            return (character == "." || character == ",") && letters >= 2 && letters <= 4
        }
        return false
    }

    /// Contains a clock time "h:mm", "hh:mm" or "hh.mm" followed by no further digit.
    static func hasTime(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 4 else { return false }
        for index in 1..<(scalars.count - 2) where scalars[index] == ":" {
            if isDigit(scalars[index - 1]), isDigit(scalars[index + 1]), isDigit(scalars[index + 2]) { return true }
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// A scalar with a numeric type (digits, fractions, CJK numerals...); among ASCII only 0 to 9, without the
    /// property lookup.
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isDigit(scalar) : scalar.properties.numericType != nil
    }

    /// Verbs in scripts that separate words with spaces must not match inside a longer word.
    private static func needsWordBoundary(_ ending: String) -> Bool {
        guard let scalar = ending.unicodeScalars.first else { return false }
        return scalar.value < 0x0800
    }
}
