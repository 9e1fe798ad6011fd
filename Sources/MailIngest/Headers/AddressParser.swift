/// Parses address lists (RFC 5322 §3.4: From, To, Cc, Reply-To, Sender...) tolerantly.
///
/// Groups are flattened (their names dropped), display names are unquoted and RFC 2047-decoded, a comment stands in
/// for a missing display name (`j@x (John)`), obsolete routes (`<@a,@b:j@x>`, RFC 5322 §4.4) are dropped. Broken forms
/// from the wild are read as their sender meant them: a name with an unquoted comma (`Doe, John <j@x>`), a missing
/// `<>` (`John j@x`), an unterminated bracket or quote, raw UTF-8, trailing junk. `a@x, b@y` stays two addresses.
public enum AddressParser {
    /// The mailboxes in `raw`, in order; nothing that holds no address.
    public static func parse(_ raw: String) -> [MailAddress] {
        parseWithDefects(raw).addresses
    }

    /// Same as ``parse(_:)``, with `malformed_address` when something had to be worked around, plus the
    /// charset defects of display names.
    public static func parseWithDefects(_ raw: String) -> (addresses: [MailAddress], defects: [Defect.Code]) {
        if let simple = simpleMailbox(raw) { return ([simple], []) }
        return parseInFull(raw)
    }

    /// ``parseWithDefects(_:)`` by the tokenizer, for every form.
    static func parseInFull(_ raw: String) -> (addresses: [MailAddress], defects: [Defect.Code]) {
        var broken = false
        let tokens = AddressTokenizer.tokenize(raw, broken: &broken)
        var defects: [Defect.Code] = []
        var addresses: [MailAddress] = []
        // Segments with no address (`Doe` in `Doe, John <j@x>`) wait to prefix the next angle-address mailbox.
        var pendingName: [[AddressToken]] = []
        // Pending segments not absorbed as a name: a lone word is a local-only address (`mailer-daemon`,
        // `postmaster`, RFC 5321 §4.5.1), anything else is dropped.
        func flushPending() {
            for pending in pendingName {
                broken = true
                if let local = localOnlyAddress(pending) { addresses.append(local) }
            }
            pendingName.removeAll()
        }
        for segment in segments(tokens) {
            guard !segment.isEmpty else { continue }
            guard hasAddress(segment) else {
                if !phraseText(segment).isEmpty { pendingName.append(segment) }
                continue
            }
            guard segment.contains(where: { $0.kind == .angle }) else {
                flushPending()
                let result = mailboxes(segment, namePrefix: "", broken: &broken)
                addresses.append(contentsOf: result.addresses)
                for code in result.defects where !defects.contains(code) { defects.append(code) }
                continue
            }
            let prefix = pendingName.map { phraseText($0) }.joined(separator: ", ")
            if !prefix.isEmpty { broken = true }
            pendingName.removeAll()
            let result = mailboxes(segment, namePrefix: prefix, broken: &broken)
            addresses.append(contentsOf: result.addresses)
            for code in result.defects where !defects.contains(code) { defects.append(code) }
        }
        flushPending()
        if broken { defects.insert(.malformedAddress, at: 0) }
        return (addresses, defects)
    }

    /// A segment that is one word of atom characters, read as an address without a domain.
    private static func localOnlyAddress(_ segment: [AddressToken]) -> MailAddress? {
        let words = segment.filter { $0.kind != .comment }
        guard words.count == 1, words[0].kind == .word,
              words[0].text.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0)
                  || "-._+".unicodeScalars.contains($0) })
        else { return nil }
        return MailAddress(name: segment.first { $0.kind == .comment }?.text, address: words[0].text)
    }

    /// Splits at top-level `,` and `;`; a group's `name:` is dropped.
    private static func segments(_ tokens: [AddressToken]) -> [[AddressToken]] {
        var result: [[AddressToken]] = []
        var current: [AddressToken] = []
        for token in tokens {
            switch token.kind {
            case .comma, .semicolon:
                result.append(current)
                current = []
            case .colon:
                // `Group name:` starts a group; a colon after an address is junk.
                if !hasAddress(current) { current = [] }
            default:
                current.append(token)
            }
        }
        result.append(current)
        return result
    }

    private static func hasAddress(_ segment: [AddressToken]) -> Bool {
        segment.contains { $0.kind == .angle || ($0.kind == .word && $0.text.contains("@")) }
    }

    /// Words and quoted strings joined with single spaces (comments left out).
    private static func phraseText(_ tokens: some Sequence<AddressToken>) -> String {
        var pieces: [String] = []
        for token in tokens where token.kind == .word || token.kind == .quoted {
            if !token.spaceBefore, let last = pieces.last, !pieces.isEmpty {
                pieces[pieces.count - 1] = last + token.text
            } else {
                pieces.append(token.text)
            }
        }
        return pieces.joined(separator: " ")
    }

    /// The mailboxes of one segment that holds at least one address.
    private static func mailboxes(
        _ segment: [AddressToken], namePrefix: String, broken: inout Bool
    ) -> (addresses: [MailAddress], defects: [Defect.Code]) {
        var defects: [Defect.Code] = []
        func name(_ phrase: String) -> String? {
            let decoded = EncodedWords.decode(phrase)
            for code in decoded.defects where !defects.contains(code) { defects.append(code) }
            return cleanName(decoded.text)
        }
        let firstComment = segment.first { $0.kind == .comment }?.text

        if let angleIndex = segment.firstIndex(where: { $0.kind == .angle }) {
            let address = cleanAddress(segment[angleIndex].text)
            guard !address.isEmpty else { return ([], defects) }
            var phrase = phraseText(segment[..<angleIndex])
            if !namePrefix.isEmpty { phrase = phrase.isEmpty ? namePrefix : namePrefix + ", " + phrase }
            if phrase.isEmpty {
                // `<j@x> John` (name after the address) or `<j@x> (John)`.
                let after = phraseText(segment[(angleIndex + 1)...])
                if !after.isEmpty { broken = true }
                phrase = after.isEmpty ? (firstComment ?? "") : after
            } else if !phraseText(segment[(angleIndex + 1)...]).isEmpty {
                broken = true  // trailing junk
            }
            return ([MailAddress(name: name(phrase), address: address)], defects)
        }

        if !namePrefix.isEmpty { broken = true }
        // No angle brackets: every word holding `@` is an address (a quoted local part glued to `@domain` joins it).
        var result: [MailAddress] = []
        var phraseStart = 0
        var index = 0
        while index < segment.count {
            let token = segment[index]
            guard token.kind == .word, token.text.contains("@") else {
                index += 1
                continue
            }
            var address = token.text
            var nameEnd = index
            if token.text.hasPrefix("@"), index > phraseStart, !token.spaceBefore, segment[index - 1].kind == .quoted {
                address = "\"" + segment[index - 1].text + "\"" + token.text
                nameEnd = index - 1
            }
            let before = phraseText(segment[phraseStart..<nameEnd])
            if !before.isEmpty { broken = true }
            let comment = segment[(index + 1)...].prefix { $0.kind == .comment }.first?.text
            let phrase = !before.isEmpty ? before : (comment ?? (result.isEmpty ? firstComment : nil) ?? "")
            result.append(MailAddress(name: name(phrase), address: cleanAddress(address)))
            index += 1
            phraseStart = index
        }
        if !phraseText(segment[phraseStart...]).isEmpty || result.count > 1 { broken = true }
        return (result, defects)
    }

    /// The address without white space, an obsolete route, `mailto:` or quotes around the whole.
    static func cleanAddress(_ raw: String) -> String {
        var text = Substring(raw.trimmingASCIIWhitespace())
        if text.first == "@", let colon = text.lastIndex(of: ":") { text = text[text.index(after: colon)...] }
        if text.lowercased().hasPrefix("mailto:") { text = text.dropFirst(7) }
        if text.count >= 2, text.first == "\"", text.last == "\"", text.dropFirst().dropLast().contains("@") {
            text = text.dropFirst().dropLast()
        }
        if text.hasSuffix(".") { text = text.dropLast() }
        // Comments, folding or stray spaces inside (`j @ x`); spaces inside a quoted local part stay.
        var out = ""
        var inQuotes = false
        var commentDepth = 0
        for character in text {
            if character == "\"" && commentDepth == 0 { inQuotes.toggle() }
            if !inQuotes {
                if character == "(" { commentDepth += 1 }
                if commentDepth > 0 {
                    if character == ")" { commentDepth -= 1 }
                    continue
                }
                if character == " " || character == "\t" { continue }
            }
            out.append(character)
        }
        return out
    }

    /// Trimmed, with a pair of single quotes around the whole removed; nil when empty.
    static func cleanName(_ raw: String) -> String? {
        var text = raw.trimmingASCIIWhitespace()
        if text.count >= 2, text.first == "'", text.last == "'" {
            text = String(text.dropFirst().dropLast()).trimmingASCIIWhitespace()
        }
        if text.count >= 2, text.first == "\"", text.last == "\"" {
            text = String(text.dropFirst().dropLast()).trimmingASCIIWhitespace()
        }
        return text.isEmpty ? nil : text
    }
}
