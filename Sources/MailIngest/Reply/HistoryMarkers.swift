/// Markers that open quoted or forwarded history with everything below them: Outlook/Exchange header blocks,
/// "-----Original Message-----" style separators, underscore rules.
enum HistoryMarkers {
    /// True when the history starts at `index`.
    static func startsHistory(at index: Int, in lines: [ReplyLine]) -> Bool {
        let line = lines[index]
        return line.isUnderscoreRule || isSeparator(line) || isHeaderBlock(at: index, in: lines) || isReplyAbove(line)
    }

    /// "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded message:",
    /// "------------------ 原始邮件 ------------------" and their translations.
    static func isSeparator(_ line: ReplyLine) -> Bool {
        let text = line.folded
        guard text.utf8.count <= 90 || text.count <= 90 else { return false }
        var body = Substring(text)
        var leadingRule = 0
        while let first = body.first, first == "-" || first == "_" || first == "=" || first == " " || first == "—" {
            if first != " " { leadingRule += 1 }
            body.removeFirst()
        }
        while let last = body.last, last == "-" || last == "_" || last == "=" || last == " " || last == "—" {
            body.removeLast()
        }
        var endsWithColon = false
        if let last = body.last, last == ":" || last == "：" {
            endsWithColon = true
            body.removeLast()
            while body.last == " " { body.removeLast() }
        }
        guard leadingRule >= 2 || endsWithColon else { return false }
        return SeparatorPatterns.all.contains(String(body))
    }

    /// "## Please reply above this line ##" and its translations.
    static func isReplyAbove(_ line: ReplyLine) -> Bool {
        line.folded.utf8.count <= 240 && SeparatorPatterns.replyAbove.contains { $0.occurs(in: line.folded) }
    }

    /// The field kind when `line` is "Name: value" with a known header field name, and the value.
    static func field(_ line: ReplyLine) -> (kind: HeaderFieldKind, value: Substring)? {
        let text = line.folded
        // No ":" and no full-width "：" (EF BC 9A): no field.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF }) else { return nil }
        var index = text.startIndex
        var scanned = 0
        while index < text.endIndex, scanned <= OutlookHeaderFields.longestName + 3 {
            let character = text[index]
            if character == ":" || character == "：" {
                var name = text[text.startIndex..<index]
                while let last = name.last, last == " " || last == "\u{A0}" || last == "\u{202F}" { name.removeLast() }
                guard let kind = OutlookHeaderFields.kindByName[String(name)] else { return nil }
                return (kind, text[text.index(after: index)...])
            }
            index = text.index(after: index)
            scanned += 1
        }
        return nil
    }

    /// At least two header fields of different kinds, one naming the sender ("From:", "Von:", "差出人:"), in
    /// consecutive lines (single blank lines between them allowed); or one "From:" field whose value carries an
    /// address, opening a paragraph.
    static func isHeaderBlock(at index: Int, in lines: [ReplyLine]) -> Bool {
        guard let first = field(lines[index]) else { return false }
        // The block run together on one line by an HTML conversion: "From: Ann Sent: Monday To: Bob Subject: Hi".
        if first.kind == .from {
            let inline = inlineFieldKinds(first.value)
            if inline.count >= 2, inline.contains(.sent) || inline.contains(.subject) { return true }
        }
        var kinds: Set<HeaderFieldKind> = [first.kind]
        var next = index + 1
        var fields = 1
        var continuations = 0
        var sentHasDigit = first.kind == .sent && hasDigit(first.value)
        var fromHasAddress = first.kind == .from && isAddress(first.value)
        while next < lines.count, next < index + 16 {
            let line = lines[next]
            if line.isBlank {
                guard next + 1 < lines.count, !lines[next + 1].isBlank else { break }
                next += 1
                continue
            }
            guard let found = field(line) else {
                // A value wrapped onto the next line ("*From:* ann@example.com [mailto:" / "ann@example.com]").
                guard continuations < 2, next + 1 < lines.count, field(lines[next + 1]) != nil else { break }
                continuations += 1
                next += 1
                continue
            }
            kinds.insert(found.kind)
            if found.kind == .from, isAddress(found.value) { fromHasAddress = true }
            if found.kind == .sent, hasDigit(found.value) { sentHasDigit = true }
            fields += 1
            next += 1
        }
        // "From: our side it is settled. / To: be clear, ..." is prose: a real block also dates the message, names
        // its subject, or gives the sender's address.
        if kinds.count >= 2, kinds.contains(.from),
           kinds.contains(.sent) || kinds.contains(.subject) || fromHasAddress {
            return true
        }
        // Headers without the sender ("Date: Wed, 16 May 2012 00:15:02 -0600" / "To: ann@example.com").
        if sentHasDigit, kinds.contains(.to) || kinds.contains(.subject) { return true }
        if fields == 1, first.kind == .from, isAddress(first.value),
           index == 0 || lines[index - 1].isBlank || lines[index - 1].isRule {
            return true
        }
        return false
    }

    /// A field value that carries a mail address ("Ann <ann@example.com>", "[mailto:ann@example.com]").
    static func isAddress(_ value: Substring) -> Bool {
        value.contains("@")
    }

    static func hasDigit(_ value: Substring) -> Bool {
        value.unicodeScalars.contains { $0 >= "0" && $0 <= "9" }
    }

    /// Kinds of the field names that stand before a colon inside `value` (one to three words each).
    static func inlineFieldKinds(_ value: Substring) -> Set<HeaderFieldKind> {
        var kinds: Set<HeaderFieldKind> = []
        var index = value.startIndex
        while let colon = value[index...].firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let before = value[value.startIndex..<colon].split(separator: " ", omittingEmptySubsequences: true)
            for count in 1...3 where before.count >= count {
                let name = before.suffix(count).joined(separator: " ")
                if let kind = OutlookHeaderFields.kindByName[name], kind != .from {
                    kinds.insert(kind)
                    break
                }
            }
            index = value.index(after: colon)
        }
        return kinds
    }
}
