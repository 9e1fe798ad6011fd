public import Foundation

/// Tells automatic replies (RFC 3834: out-of-office, vacation, ticket acknowledgements) from human ones, from the
/// headers, the subject prefix, or the body's wording in the 14 languages of ``AutoReplyPhrases``, and extracts the
/// return date and the alternative contact.
public enum AutoReplyDetector {
    /// The auto-reply details when the message is one, else nil. `date` is the message date that relative dates
    /// ("until Monday", "bis 7.12.") resolve against; without it, the current date is used.
    public static func detect(headers: HeaderFields, subject: String?, body: String, date: Date?) -> AutoReplyInfo? {
        let own = ownText(body)
        let text = PhraseText(String(own.prefix(1500)))
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
    static func ownText(_ body: String) -> String {
        var out: [Substring] = []
        var size = 0
        for line in body.prefix(8000).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            // Every quote start opens with "-", "_", ">" or one of the letters of ``quoteStartLetters`` (or with
            // non-ASCII text), and every attribution verb below ends with ":": other lines need no lower-casing.
            if let first = trimmed.utf8.first, first < 0x80, !quoteStartLetters.contains(ASCIIFold.fold(first)),
               line.utf8.last != UInt8(ascii: ":") {
                out.append(line)
                size += line.count
                if size > 4000 { break }
                continue
            }
            let lower = trimmed.lowercased()
            if trimmed.hasPrefix(">") || quoteStarts.contains(where: { lower.hasPrefix($0) }) { break }
            if lower.hasSuffix("wrote:") || lower.hasSuffix("schrieb:") || lower.hasSuffix("a écrit :")
                || lower.hasSuffix("a écrit:") || lower.hasSuffix("escribió:") || lower.hasSuffix("ha scritto:")
                || lower.hasSuffix("schreef:") || lower.hasSuffix("escreveu:") { break }
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
        guard subject.hasPrefix(prefix) else { return false }
        let after = subject.dropFirst(prefix.count).first
        return after == nil || after == ":" || after == " " || after == "-" || after == "】" || after == "]"
            || after == ")" || after == "：" || prefix.unicodeScalars.first.map { $0.value > 0x2E80 } == true
    }
}
