public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells automatic replies (RFC 3834: out-of-office, vacation, ticket acknowledgements) from human ones, from the
/// headers, the subject prefix, or the body's wording in the 14 languages of ``AutoReplyPhrases``, and extracts the
/// return date and the alternative contact.
public enum AutoReplyDetector {
    /// The auto-reply details when the message is one, else nil. `date` is the message date that relative dates
    /// ("until Monday", "bis 7.12.") resolve against; without it, the current date is used.
    public static func detect(headers: HeaderFields, subject: String?, body: String, date: Date?) -> AutoReplyInfo? {
        detect(headers: headers, subject: subject, body: body, messageDate: { date })
    }

    /// ``detect(headers:subject:body:date:)`` with the message date asked for only when the message is an
    /// auto-reply (parsing the Date field cost more than the decision on a plain reply).
    static func detect(headers: HeaderFields, subject: String?, body: String,
                       messageDate: () -> Date?) -> AutoReplyInfo? {
        detect(headers: headers, subject: subject, ownText: ownText(body), messageDate: messageDate)
    }

    /// The decision and details over ``ownText(_:)`` of the body, already cut (``ReportText/ownText()`` finds it
    /// without searching the whole body for a returned copy).
    static func detect(headers: HeaderFields, subject: String?, ownText own: String,
                       messageDate: () -> Date?) -> AutoReplyInfo? {
        // No pair sets: the phrase index does not read them.
        let text = PhraseText(CharacterPrefix.string(own, characters: 1500), pairs: false)
        let subjectText = PhraseText(subject ?? "", pairs: false).string
        guard isAutoReply(headers: headers, subject: subjectText, text: text) else { return nil }
        let reference = messageDate() ?? DateParser.parse(headers.first("Date") ?? "") ?? Date()
        let returnDate = ReturnDate.find(in: own, relativeTo: reference)
        let ownAddresses = (headers.all("From") + headers.all("Reply-To") + headers.all("Sender"))
            .flatMap { AddressScanner.scan($0).map { $0.address.lowercased() } }
        return AutoReplyInfo(returnDate: returnDate.map(\.description),
                             redirectContact: RedirectContact.find(in: own, excluding: Set(ownAddresses)))
    }

    /// The decision: a strong header, a subject prefix, a strong body phrase, or two weaker hints (a weak header
    /// counts as one).
    static func isAutoReply(headers: HeaderFields, subject: String, text: PhraseText) -> Bool {
        let headerSignal = AutoReplyHeaders.mayHoldSignal(headers)
        if headerSignal && AutoReplyHeaders.isAutoReply(headers) { return true }
        var hints = headerSignal && AutoReplyHeaders.hasWeakSignal(headers) ? 1 : 0
        if subjectIsAutoReply(subject) { return true }
        // Any body phrase, or two hint entries (a phrase listed twice counts twice, as in each language's count),
        // in one pass over the text. The answer is a yes or no, so the order the phrases are found in is free.
        let index = AutoReplyPhrases.bodyAndHints
        var firstHint = -1
        return index.forEachMatch(in: text) { found in
            if found < index.bodyCount { return true }
            guard found != firstHint else { return false }
            hints += 1
            firstHint = found
            return hints >= 2
        }
    }

    /// Lines that start the quoted message a reply carries ("On ... wrote:", Outlook's header block), lower-cased
    /// prefixes or contained words.
    /// The first bytes of the ASCII ``quoteStarts`` and of ">", lower-case.
    static let quoteStartLetters: Set<UInt8> = Set(
        (quoteStarts.compactMap { $0.utf8.first }.filter { $0 < 0x80 } + [UInt8(ascii: ">")]))
    /// ``quoteStartLetters`` as a 128-bit set (bit `b % 64` of word `b / 64`), tested without hashing.
    static let quoteStartLetterBits: (UInt64, UInt64) = quoteStartLetters.reduce(into: (0, 0)) { bits, byte in
        if byte < 64 { bits.0 |= 1 << UInt64(byte) } else { bits.1 |= 1 << UInt64(byte - 64) }
    }

    /// True when ASCII `byte` is in ``quoteStartLetters``.
    @inline(__always)
    static func isQuoteStartLetter(_ byte: UInt8) -> Bool {
        let bits = quoteStartLetterBits
        return byte < 64 ? bits.0 & (1 << UInt64(byte)) != 0 : bits.1 & (1 << UInt64(byte & 63)) != 0
    }

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
        ownTextAndExtent(body)?.text ?? ownTextByCharacters(body)
    }

    /// ``ownText(_:)`` by the byte walk, with the UTF-8 offset where the last line the walk read ends (the line that
    /// stopped it, or the last one kept); nil when the character rule must decide. The answer depends on those lines
    /// alone, and on no byte after them.
    static func ownTextAndExtent(_ body: String) -> (text: String, extent: Int)? {
        var body = body
        guard let (end, extent) = body.withUTF8(ownTextEnd) else { return nil }
        if end == body.utf8.count { return (body, extent) }
        return (body.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }, extent)
    }

    /// The byte length of ``ownText(_:)``'s answer and the end of the last line read, or nil when the character
    /// rule must decide.
    private static func ownTextEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, extent: Int)? {
        let count = bytes.count
        var start = 0, characters = 0, size = 0, end = 0
        while true {
            // The line end and a CR in the line found with `memchr`.
            let stop = ReportText.lineEnd(bytes, from: start)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            // A CR may pair with the LF into one character, which the character split does not split at.
            if let base = line.baseAddress, memchr(base, 0x0D, line.count) != nil { return nil }
            let ascii = CharacterPrefix.isASCII(line)
            let lineCharacters = ascii ? line.count : String(decoding: line, as: UTF8.self).count
            // The character rule reads only the first 8,000 characters: a line reaching that bound is cut there.
            if characters + lineCharacters + (stop < count ? 1 : 0) > 8000 { return nil }
            var first = 0
            while first < line.count, line[first] == UInt8(ascii: " ") || line[first] == UInt8(ascii: "\t") { first += 1 }
            let keep: Bool
            if first == line.count {
                keep = true  // blank: nothing to lower-case, no quote start
            } else if line[first] < 0x80, !isQuoteStartLetter(ASCIIFold.fold(line[first])),
                      line[line.count - 1] != UInt8(ascii: ":") {
                keep = true
            } else if ascii {
                keep = !startsQuoteASCII(UnsafeBufferPointer(rebasing: line[first...]))
            } else {
                keep = !startsQuote(Substring(String(decoding: line, as: UTF8.self)))
            }
            guard keep else { return (end, stop) }
            end = stop
            size += lineCharacters
            if size > 4000 || stop == count { return (end, stop) }
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

    /// The ASCII ``quoteStarts`` and attribution verbs, as bytes.
    static let asciiQuoteStarts: [[UInt8]] = quoteStarts.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    static let asciiQuoteEnds: [[UInt8]] = ["wrote:", "schrieb:", "schreef:", "escreveu:", "ha scritto:"]
        .map { Array($0.utf8) }

    /// ``startsQuote(_:)`` for an all-ASCII line without CR, leading spaces and tabs already dropped: each byte is
    /// one character there, and a text of ASCII characters equals (canonically) no text with non-ASCII ones, so the
    /// test is a byte comparison with ASCII case folded, against the ASCII starts and verbs only.
    static func startsQuoteASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        func matches(_ word: [UInt8], at start: Int) -> Bool {
            for index in 0..<word.count where ASCIIFold.fold(line[start + index]) != word[index] { return false }
            return true
        }
        if line.first == UInt8(ascii: ">") { return true }
        if asciiQuoteStarts.contains(where: { $0.count <= line.count && matches($0, at: 0) }) { return true }
        return asciiQuoteEnds.contains { $0.count <= line.count && matches($0, at: line.count - $0.count) }
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

    /// True when `subject` (normalised), reply markers stripped, starts with a subject word of any language.
    static func subjectIsAutoReply(_ subject: String) -> Bool {
        var subject = subject
        if let ascii = subject.withUTF8({ CharacterPrefix.isASCII($0) ? asciiSubjectIsAutoReply($0) : nil }) {
            return ascii
        }
        let bareSubject = stripReplyMarkers(subject)
        return !bareSubject.isEmpty && AutoReplyPhrases.compiled.contains { language in
            language.subjects.contains { subjectStarts(bareSubject, with: $0) }
        }
    }

    /// The ASCII ``replyMarkers`` and subject words (of every language), as bytes.
    static let asciiReplyMarkers: [[UInt8]] = replyMarkers.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    static let asciiSubjectWords: [[UInt8]] = AutoReplyPhrases.all.flatMap(\.subjects)
        .filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// ``subjectIsAutoReply(_:)`` for an all-ASCII subject without CR (``PhraseText`` made its line ends spaces):
    /// each byte is one character, and no text of ASCII characters is canonically equal to one holding the
    /// non-ASCII characters of the other markers and words (accented letters, CJK, "【": each decomposes to
    /// non-ASCII scalars; `ByteFastPathTests` checks it), so those can never match and the rest compare as bytes.
    /// The markers are tried once each, in order, as ``stripReplyMarkers(_:)`` does.
    static func asciiSubjectIsAutoReply(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        func starts(_ word: [UInt8], at start: Int) -> Bool {
            guard subject.count - start >= word.count else { return false }
            for index in 0..<word.count where subject[start + index] != word[index] { return false }
            return true
        }
        var start = 0
        for marker in asciiReplyMarkers where starts(marker, at: start) {
            start += marker.count
            while start < subject.count, subject[start] == UInt8(ascii: " ") { start += 1 }
        }
        guard start < subject.count else { return false }
        return asciiSubjectWords.contains { word in
            guard word[0] == subject[start], starts(word, at: start) else { return false }
            let after = start + word.count
            guard after < subject.count else { return true }
            switch subject[after] {
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                return true
            default:
                return false
            }
        }
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
