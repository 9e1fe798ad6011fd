/// Finds where the signature starts among the lines left visible once the quoted history is removed: the
/// `-- ` separator, a client's "Sent from my ..." line, a legal disclaimer, or a closing followed by a block of
/// the sender's details.
enum SignatureFinder {
    /// A closing is a signature only when no more than this many lines follow it.
    static let maxBlockLines = 10
    /// Lines of a signature block are short.
    static let maxBlockLineLength = 72
    /// A disclaimer is at the end: at most this many lines follow its first one.
    static let maxDisclaimerLines = 40

    /// Index into `visible` (indexes of `lines`) of the first signature line, or nil.
    static func start(in visible: [Int], of lines: [ReplyLine], hints: ReplyHints) -> Int? {
        let senderName = hints.senderName.map { ReplyLine.trim($0).lowercased() }.flatMap { $0.count >= 3 ? $0 : nil }
        for position in visible.indices {
            let line = lines[visible[position]]
            if line.isBlank { continue }
            if line.isSignatureDelimiter || isMobileLine(line) { return position }
            let closing = isClosing(line)
            let named = senderName.map { isName(line, $0) } ?? false
            let opensParagraph = position == 0 || lines[visible[position - 1]].isBlank || lines[visible[position - 1]].isRule
            let disclaimerOpening = opensParagraph && opensDisclaimer(line)
            let rule = line.isRule && !line.isUnderscoreRule
            guard closing || named || disclaimerOpening || rule else { continue }
            // Only as many lines as the longest block the candidate may start (the rest is over the limit anyway);
            // a sender's block may have a server's disclaimer under it.
            let needed = disclaimerOpening ? maxDisclaimerLines : maxBlockLines + 1 + maxDisclaimerLines
            let (following, truncated) = segment(after: position, in: visible, limit: 2 * needed)
            guard !truncated else { continue }
            let rest = disclaimerOpening
                ? following.map { lines[$0] }.filter { !$0.isBlank } : block(following, of: lines)
            if closing, isDetailsBlock(rest, after: true) { return position }
            if named, !rest.isEmpty, isDetailsBlock(rest, after: false) { return position }
            // A ruled box around the sender's details ("-----" / name / company / phone), common in Japan.
            if rule, let name = rest.first(where: { !$0.isRule }), isNameLike(name),
               isDetailsBlock(rest.filter { !$0.isRule }, after: false) {
                return position
            }
            if disclaimerOpening, rest.count < maxDisclaimerLines, isDisclaimer(line, rest: rest) { return position }
        }
        return nil
    }

    /// The non-blank lines of `following` above the first paragraph that is a legal disclaimer: a server appends
    /// its disclaimer under the sender's own block ("Saludos," / name / phone / "" / "AVISO LEGAL: ..."), and that
    /// paragraph's long lines must not make the block look like prose.
    static func block(_ following: ArraySlice<Int>, of lines: [ReplyLine]) -> [ReplyLine] {
        var result: [ReplyLine] = []
        var afterBlank = false
        for position in following.indices {
            let line = lines[following[position]]
            if line.isBlank { afterBlank = true; continue }
            if afterBlank, opensDisclaimer(line) {
                let below = following[following.index(after: position)...].prefix(12).map { lines[$0] }
                if isDisclaimer(line, rest: below) { break }
            }
            afterBlank = false
            result.append(line)
        }
        return result
    }

    /// The visible lines after `position` up to the next quoted gap, and whether more than `count` of them
    /// follow (then no signature can start here; the cap keeps a body of many rule lines linear).
    static func segment(after position: Int, in visible: [Int], limit count: Int) -> (ArraySlice<Int>, Bool) {
        var end = position + 1
        let limit = min(visible.count, position + 1 + count)
        while end < limit, visible[end] == visible[end - 1] + 1 { end += 1 }
        let truncated = end == limit && end < visible.count && visible[end] == visible[end - 1] + 1
        return (visible[(position + 1)..<end], truncated)
    }

    /// "Sent from my iPhone", "Von meinem iPhone gesendet", "iPhoneから送信": short, and worded as a table entry.
    static func isMobileLine(_ line: ReplyLine) -> Bool {
        let text = line.folded
        guard text.utf8.count <= 70 || text.count <= 70 else { return false }
        var words = 1
        if CharacterPrefix.isASCII(text) {
            for byte in text.utf8 where byte == UInt8(ascii: " ") { words += 1 }
        } else {
            for character in text where character == " " { words += 1 }
        }
        guard words <= 8 else { return false }
        var body = Substring(text)
        while let last = body.last, last == "." || last == "!" { body.removeLast() }
        guard let first = body.first else { return false }
        let prefixed = ReplyLine.asciiFirstCharacter(body.utf8).map { SignaturePatterns.mobileLinesByASCIIFirst[Int($0)] }
            ?? SignaturePatterns.mobileLinesByFirstCharacter[first] ?? []
        let candidates = [prefixed, SignaturePatterns.mobileLinesWithoutPrefix].joined()
        let bodyIsASCII = body.utf8.allSatisfy { $0 < 0x80 }
        for pattern in candidates
        where (pattern.isASCII || !bodyIsASCII)
            && body.hasPrefix(pattern.prefix) && body.hasSuffix(pattern.suffix)
            && body.count > pattern.prefix.count + pattern.suffix.count {
            let rest = body.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count)
            // "Sent from my desk, is much easier..." is prose: a client line has no clause after a comma.
            if rest.contains(",") { continue }
            if pattern.needsDevice && !SignaturePatterns.devices.contains(where: { rest.contains($0) }) { continue }
            // Without a prefix, only the words before the suffix are free: a device name, not a sentence.
            if pattern.prefix.isEmpty && body.count - pattern.suffix.count > 30 { continue }
            return true
        }
        return false
    }

    /// A closing of some language alone on its line ("Best regards,", "Cordialement", "此致 敬礼"), two closings of
    /// two languages ("Met vriendelijke groet / Kind regards"), or a closing with a place ("Grüße aus Köln").
    static func isClosing(_ line: ReplyLine) -> Bool {
        let text = Substring(line.folded)
        guard text.utf8.count <= 60 || text.count <= 60 else { return false }
        if isClosingPhrase(text) { return true }
        for separator: Character in ["/", "|"] where text.contains(separator) {
            let parts = text.split(separator: separator)
            if parts.count == 2, parts.allSatisfy(isClosingPhrase) { return true }
        }
        return hasPlace(line)
    }

    /// `text` is one closing of the table once spaces and trailing punctuation are cut off.
    static func isClosingPhrase(_ text: Substring) -> Bool {
        // ASCII text as bytes: the same trims (a space first; the ASCII ones of the punctuation and a space last).
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard CharacterPrefix.isASCII(bytes) else { return nil }
            var start = 0, end = bytes.count
            while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
            while end > start, Self.asciiClosingTrail.contains(bytes[end - 1]) { end -= 1 }
            return SignaturePatterns.closings.contains(String(decoding: bytes[start..<end], as: UTF8.self))
        }), let ascii {
            return ascii
        }
        return isClosingPhraseByCharacters(text)
    }

    /// ``isClosingPhrase(_:)`` over Characters: the rule itself, and the path for non-ASCII text.
    static func isClosingPhraseByCharacters(_ text: Substring) -> Bool {
        var text = text
        while let first = text.first, first == " " { text.removeFirst() }
        while let last = text.last, ",.!:;-–—~".contains(last) || "，。！：；、～ ".contains(last) {
            text.removeLast()
        }
        return SignaturePatterns.closings.contains(String(text))
    }

    /// The ASCII characters ``isClosingPhrase(_:)`` cuts off the end.
    private static let asciiClosingTrail = Set(",.!:;-~ ".utf8)

    /// A closing, a place preposition and one to three capitalised words: "Viele Grüße aus Bad Homburg".
    static func hasPlace(_ line: ReplyLine) -> Bool {
        // Three words need two spaces.
        var spaces = 0
        for byte in line.folded.utf8 where byte == UInt8(ascii: " ") { spaces += 1 }
        guard spaces >= 2 else { return false }
        let words = line.folded.split(separator: " ")
        guard words.count >= 3 else { return false }
        let prepositions = SignaturePatterns.closingPlacePrepositions
        guard words[1..<(words.count - 1)].contains(where: { prepositions.contains(String($0)) }) else { return false }
        let original = line.trimmed.split(separator: " ")
        guard words.count == original.count else { return false }
        for split in 1..<(words.count - 1) where prepositions.contains(String(words[split])) {
            let place = original[(split + 1)...]
            guard place.count <= 3, place.allSatisfy({ $0.first?.isUppercase ?? false }) else { continue }
            if isClosingPhrase(Substring(words[..<split].joined(separator: " "))) { return true }
        }
        return false
    }

    /// What follows a closing (or the sender's name) is the sender's details: a few short lines, and either
    /// three or more of them or contact details (phone, address, web).
    static func isDetailsBlock(_ lines: [ReplyLine], after closing: Bool) -> Bool {
        // A "Sent from my iPhone" or "-- " below the block is a signature of its own: it does not count.
        let rest = Array(lines.prefix { !$0.isSignatureDelimiter && !isMobileLine($0) })
        guard !rest.isEmpty, rest.count <= maxBlockLines else { return false }
        var sentences = 0
        for line in rest {
            // Prose is not a signature: long lines, questions, sentences, another closing further down.
            if line.trimmed.count > maxBlockLineLength || line.trimmed.hasSuffix("?") || isClosing(line) { return false }
            if line.trimmed.hasSuffix(".") && !hasContactDetail(line) { sentences += 1 }
        }
        guard sentences <= 1 else { return false }
        let contacts = rest.filter(hasContactDetail).count
        // The block opens with the sender's name: "I'll pay:" or "We paid F-1 today" is prose.
        if closing, let first = rest.first, !isNameLike(first), !hasContactDetail(first) { return false }
        // "Thanks, / Ann" is the reply's own ending; a name with a title, company or phone under it is a signature.
        if closing { return rest.count >= 3 || (rest.count == 2 && (contacts >= 1 || isTitleLike(rest[1]))) }
        return contacts >= 1
    }

    /// A job title or company line: a few words, no sentence punctuation, no postscript.
    static func isTitleLike(_ line: ReplyLine) -> Bool {
        let text = line.folded
        guard let last = text.last, !".?!:;".contains(last) else { return false }
        for postscript in ["p.s", "ps:", "ps ", "nb:", "n.b", "ps."] where text.hasPrefix(postscript) { return false }
        return text.split(separator: " ").count <= 8
    }

    /// A phone number, an address or a web link.
    static func hasContactDetail(_ line: ReplyLine) -> Bool {
        var text = line.folded
        // An ASCII line is read as bytes (every character is one byte there); others take the Character path.
        if let ascii = text.withUTF8({ CharacterPrefix.isASCII($0) ? Self.asciiContactDetail($0) : nil }) { return ascii }
        return hasContactDetailByCharacters(text)
    }

    /// ``hasContactDetail(_:)`` over Characters and scalars: the rule itself, and the path for non-ASCII lines.
    static func hasContactDetailByCharacters(_ text: String) -> Bool {
        if text.contains("@") || text.contains("http") || text.contains("www.") { return true }
        var digits = 0
        for scalar in text.unicodeScalars where scalar >= "0" && scalar <= "9" { digits += 1 }
        return digits >= 7
    }

    /// ``hasContactDetail(_:)`` over an ASCII line's bytes.
    private static func asciiContactDetail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "h"):
                if bytes[index...].starts(with: "http".utf8) { return true }
            case UInt8(ascii: "w"):
                if bytes[index...].starts(with: "www.".utf8) { return true }
            default: break
            }
        }
        return digits >= 7
    }

    /// One to five words, no digits, no colon or question at the end, starting with a capital or a letter of a
    /// script without case ("Ann Lee", "- Ann", "山田太郎").
    static func isNameLike(_ line: ReplyLine) -> Bool {
        var text = Substring(line.trimmed)
        while let first = text.first, first == "-" || first == "—" || first == "–" || first == " " { text.removeFirst() }
        // German and French deputies sign "i.A. Ann Lee", "p.p. Ann Lee".
        // Every proxy opens with "i" or "p": another ASCII first letter lower-cases to neither.
        for proxy in ["i.a. ", "i.v. ", "p.p. ", "pp. ", "pp "] where mayOpenProxy(text) && text.lowercased().hasPrefix(proxy) {
            text = text.dropFirst(proxy.count)
        }
        guard let first = text.first, first.isLetter, !first.isLowercase else { return false }
        guard let last = text.last, last != ":", last != "?", last != "!", last != "," else { return false }
        if text.contains(where: \.isNumber) { return false }
        return text.split(separator: " ").count <= 5
    }

    /// False when `text` starts with an ASCII character other than "i" or "p" in either case.
    private static func mayOpenProxy(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first < 0x80 else { return true }
        let lower = ASCIIFold.fold(first)
        return lower == UInt8(ascii: "i") || lower == UInt8(ascii: "p")
    }

    static func isName(_ line: ReplyLine, _ name: String) -> Bool {
        var text = Substring(line.folded)
        while let first = text.first, first == "-" || first == " " { text.removeFirst() }
        return text == name
    }

    /// A paragraph opening with a disclaimer phrase, with a confidentiality word somewhere in it or below.
    static func opensDisclaimer(_ line: ReplyLine) -> Bool {
        let text = line.folded
        if let ascii = ReplyLine.asciiFirstCharacter(text.utf8) {
            return SignaturePatterns.disclaimersByASCIIFirst[Int(ascii)].contains { text.hasPrefix($0) }
        }
        guard let first = text.first, let candidates = SignaturePatterns.disclaimersByFirstCharacter[first] else {
            return false
        }
        return candidates.contains { text.hasPrefix($0) }
    }

    static func isDisclaimer(_ line: ReplyLine, rest: [ReplyLine]) -> Bool {
        let tail = ([line] + rest.prefix(12)).map(\.folded).joined(separator: " ")
        return SignaturePatterns.confidentialityWords.contains { tail.contains($0) }
    }
}
