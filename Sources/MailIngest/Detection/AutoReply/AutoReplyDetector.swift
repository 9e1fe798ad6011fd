public import Foundation

/// Tells automatic replies (RFC 3834: out-of-office, vacation, ticket acknowledgements) from human ones, from the
/// headers, the subject prefix, or the body's wording in the 14 languages of ``AutoReplyPhrases``, and extracts the
/// return date and the alternative contact.
public enum AutoReplyDetector {
    /// The auto-reply details when the message is one, else nil. `date` is the message date that relative dates
    /// ("until Monday", "bis 7.12.") resolve against; without it, the current date is used.
    public static func detect(headers: HeaderFields, subject: String?, body: String, date: Date?) -> AutoReplyInfo? {
        let own = ownText(body)
        let text = PhraseText(CharacterPrefix.string(own, characters: 1500))
        let subjectText = PhraseText(subject ?? "").string
        guard isAutoReply(headers: headers, subject: subjectText, text: text) else { return nil }
        let reference = date ?? DateParser.parse(headers.first("Date") ?? "") ?? Date()
        let returnDate = ReturnDate.find(in: own, relativeTo: reference)
        let ownAddresses = (headers.all("From") + headers.all("Reply-To") + headers.all("Sender"))
            .flatMap { AddressScanner.scan($0).map { $0.address.lowercased() } }
        return AutoReplyInfo(returnDate: returnDate.map(\.description),
                             redirectContact: RedirectContact.find(in: own, excluding: Set(ownAddresses)))
    }

    /// The decision: a strong header, a subject prefix, a strong body phrase, or two weaker hints (a weak header
    /// counts as one).
    static func isAutoReply(headers: HeaderFields, subject: String, text: PhraseText) -> Bool {
        if AutoReplyHeaders.isAutoReply(headers) { return true }
        var hints = AutoReplyHeaders.hasWeakSignal(headers) ? 1 : 0
        let bareSubject = stripReplyMarkers(subject)
        for language in AutoReplyPhrases.compiled {
            if !bareSubject.isEmpty, language.subjects.contains(where: { subjectStarts(bareSubject, with: $0) }) {
                return true
            }
            if language.body.matchesAny(text) { return true }
            hints += language.hints.count(in: text)
        }
        return hints >= 2
    }

    /// Lines that start the quoted message a reply carries ("On ... wrote:", Outlook's header block), lower-cased
    /// prefixes or contained words.
    /// The first bytes of the ASCII ``quoteStarts`` and of ">", lower-case.
    static let quoteStartLetters: Set<UInt8> = Set(
        (quoteStarts.compactMap { $0.utf8.first }.filter { $0 < 0x80 } + [UInt8(ascii: ">")]))

    static let quoteStarts = [
        "-----original message", "----- original message", "-----ursprüngliche nachricht", "-----message d'origine",
        "-----mensaje original", "-----messaggio originale", "-----oorspronkelijk bericht", "-----mensagem original",
        "-----wiadomość oryginalna", "-----originalmeddelande", "________________________________", "from: ",
        "von: ", "de : ", "de: ", "da: ", "van: ", "od: ", "från: ", "kimden: ", "šalje: ", "差出人:", "发件人:",
        "寄件者:", "original message",
    ]

    /// The text the auto-reply's author wrote: the body up to the first quoted line (`>`) or quoted-message header,
    /// at most 4,000 characters. Our own dunning text quoted below must not make a human reply look automatic.
    ///
    /// The lines are read lazily over the UTF-8 bytes and the answer is the body's first bytes (the kept lines are
    /// always its first lines); ``ownTextByCharacters(_:)`` is the same rule over characters, used where the byte
    /// walk cannot tell the same lines (a CR in the text, a line crossing the 8,000th character).
    static func ownText(_ body: String) -> String {
        var body = body
        guard let end = body.withUTF8(ownTextEnd) else { return ownTextByCharacters(body) }
        if end == body.utf8.count { return body }
        return body.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
    }

    /// The byte length of ``ownText(_:)``'s answer, or nil when the character rule must decide.
    private static func ownTextEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var start = 0, characters = 0, size = 0, end = 0
        while true {
            var stop = start
            while stop < count, bytes[stop] != 0x0A { stop += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            // A CR may pair with the LF into one character, which the character split does not split at.
            if line.contains(0x0D) { return nil }
            let ascii = CharacterPrefix.isASCII(line)
            let lineCharacters = ascii ? line.count : String(decoding: line, as: UTF8.self).count
            // The character rule reads only the first 8,000 characters: a line reaching that bound is cut there.
            if characters + lineCharacters + (stop < count ? 1 : 0) > 8000 { return nil }
            var first = 0
            while first < line.count, line[first] == UInt8(ascii: " ") || line[first] == UInt8(ascii: "\t") { first += 1 }
            let keep: Bool
            if first == line.count {
                keep = true  // blank: nothing to lower-case, no quote start
            } else if line[first] < 0x80, !quoteStartLetters.contains(ASCIIFold.fold(line[first])),
                      line[line.count - 1] != UInt8(ascii: ":") {
                keep = true
            } else {
                keep = !startsQuote(Substring(String(decoding: line, as: UTF8.self)))
            }
            guard keep else { return end }
            end = stop
            size += lineCharacters
            if size > 4000 || stop == count { return end }
            characters += lineCharacters + 1
            start = stop + 1
        }
    }

    /// True when `line` opens the quoted message: a `>` line, a quote start, or an attribution ending in a verb.
    private static func startsQuote(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let lower = trimmed.lowercased()
        if trimmed.hasPrefix(">") || quoteStarts.contains(where: { lower.hasPrefix($0) }) { return true }
        return lower.hasSuffix("wrote:") || lower.hasSuffix("schrieb:") || lower.hasSuffix("a écrit :")
            || lower.hasSuffix("a écrit:") || lower.hasSuffix("escribió:") || lower.hasSuffix("ha scritto:")
            || lower.hasSuffix("schreef:") || lower.hasSuffix("escreveu:")
    }

    /// ``ownText(_:)`` over characters: the first 8,000 characters split at LF, lines kept up to the first that
    /// opens the quote, until more than 4,000 characters are kept.
    static func ownTextByCharacters(_ body: String) -> String {
        var out: [Substring] = []
        var size = 0
        for line in body.prefix(8000).split(separator: "\n", omittingEmptySubsequences: false) {
            if startsQuote(line) { break }
            out.append(line)
            size += line.count
            if size > 4000 { break }
        }
        return out.joined(separator: "\n")
    }

    /// Reply and forward markers clients put before a subject.
    static let replyMarkers = ["re:", "aw:", "sv:", "réf:", "fw:", "tr:", "【", "[", "("]

    /// `subject` without leading reply markers.
    static func stripReplyMarkers(_ subject: String) -> Substring {
        var rest = Substring(subject)
        for marker in replyMarkers where rest.hasPrefix(marker) {
            rest = rest.dropFirst(marker.count).drop { $0 == " " }
        }
        return rest
    }

    /// True when `subject` (reply markers already stripped) starts with `prefix` followed by a separator or the end.
    static func subjectStarts(_ subject: Substring, with prefix: String) -> Bool {
        // Two different ASCII first bytes: the first characters' canonical decompositions start with different
        // letters, so `hasPrefix` (canonical equivalence) is false too; this spares it for most phrases.
        if let first = subject.utf8.first, let wanted = prefix.utf8.first, first < 0x80, wanted < 0x80, first != wanted {
            return false
        }
        guard subject.hasPrefix(prefix) else { return false }
        let after = subject.dropFirst(prefix.count).first
        return after == nil || after == ":" || after == " " || after == "-" || after == "】" || after == "]"
            || after == ")" || after == "：" || prefix.unicodeScalars.first.map { $0.value > 0x2E80 } == true
    }
}
