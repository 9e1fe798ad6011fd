import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parts of a message a bounce or auto-reply detector reads, pulled out of the MIME tree once:
/// the human-readable notice, the machine-readable reports, and what was returned of the original message.
///
/// Works on any tree: when a server sends everything as one text leaf, the notice is cut where the returned
/// copy starts (markers such as "Below this line is a copy of the message"), so detectors never need MIME structure.
struct ReportText: Sendable {
    /// Top-level header fields of the message.
    var headers: HeaderFields
    /// Texts of the text/* leaves written by the reporting system, in order (returned copies excluded), LF line ends.
    var notice: String
    /// Bodies of message/delivery-status and message/global-delivery-status parts (RFC 3464, RFC 6533).
    var deliveryStatus: [String]
    /// Bodies of message/feedback-report parts (RFC 5965).
    var feedbackReports: [String]
    /// Header block of the returned message (text/rfc822-headers, message/rfc822 or the pasted copy), LF line ends.
    var returnedHeaders: String
    /// The returned message's Message-ID field, if a structured part carried it.
    var returnedMessageID: String?
    /// True when ``notice`` holds a Feedback-Type field name in a case of ``FeedbackReport/feedbackTypeFields``
    /// (found in the same pass as the Final-Recipient field names, ``dashFields(_:)``).
    var noticeHasFeedbackTypeField: Bool
    /// The decoded Subject, or "".
    var subject: String
    /// Top-level content type.
    var contentType: ContentType
    /// False while the returned copy is not split off yet (``init(message:deferringSplit:)``): ``notice`` is then
    /// the whole text and ``returnedHeaders`` lacks the pasted copy; ``split()`` makes them what they would be.
    private(set) var isSplit = false
    /// Whether structured parts gave ``returnedHeaders`` anything (the pasted copy is joined after them).
    private var hasReturnedParts = false

    /// The parts of `message`, the returned copy split off.
    init(message: ParsedMessage) {
        self.init(message: message, deferringSplit: false)
    }

    /// The parts of `message`. With `deferringSplit`, the search for the returned copy's marker line over the whole
    /// text waits for ``split()`` or ``ownText()`` (a plain reply needs only its first lines searched) unless the text
    /// holds a word whose place before or after the marker the report tests read: the SES key, a Final-Recipient
    /// or Feedback-Type field name, Hotmail's X-HmXmrOriginalRecipient field (see ``splitIsDeferrable(_:)``).
    init(message: ParsedMessage, deferringSplit: Bool) {
        headers = message.headers
        subject = message.subject ?? ""
        contentType = message.root.contentType
        var notices: [String] = []
        var dsn: [String] = []
        var arf: [String] = []
        var returned: [String] = []
        var returnedID: String?
        func visit(_ part: MIMEPart) {
            switch part.body {
            case .multipart(let parts, let preamble, let epilogue):
                // A boundary that never matches leaves everything in the preamble: read it as text.
                if parts.isEmpty { notices.append(Self.lf((preamble ?? "") + "\n" + (epilogue ?? ""))) }
                parts.forEach(visit)
            case .message(let inner):
                if returnedID == nil { returnedID = inner.headers.first("Message-ID") }
                returned.append(inner.headers.map { "\($0.name): \($0.rawValue)" }.joined(separator: "\n"))
            case .leaf(let data):
                let mime = part.contentType.mimeType
                switch mime {
                case "message/delivery-status", "message/global-delivery-status":
                    dsn.append(Self.text(data, charset: part.contentType.charset ?? "utf-8"))
                case "message/feedback-report":
                    arf.append(Self.text(data, charset: part.contentType.charset ?? "utf-8"))
                case "text/rfc822-headers", "message/rfc822-headers", "text/rfc822", "message/rfc822",
                     "message/global", "message/global-headers":
                    returned.append(Self.text(data, charset: part.contentType.charset))
                default:
                    guard part.contentType.type == "text" || (part.contentType.type == "message" && part.path == "1")
                            || (mime == "application/octet-stream" && part.filename == nil) else { return }
                    guard part.disposition != "attachment" || notices.isEmpty else { return }
                    var text = part.decodedText()?.text ?? Self.text(data, charset: part.contentType.charset)
                    text = Self.lf(text)
                    if part.contentType.subtype == "html" { text = Self.stripTags(text) }
                    notices.append(text)
                }
            }
        }
        visit(message.root)
        notice = notices.joined(separator: "\n")
        deliveryStatus = dsn.map(Self.lf)
        noticeHasFeedbackTypeField = false
        feedbackReports = arf.map(Self.lf)
        returnedHeaders = returned.map(Self.lf).joined(separator: "\n")
        hasReturnedParts = !returned.isEmpty
        returnedMessageID = returnedID
        if !deferringSplit || !Self.splitIsDeferrable(notice) { split() }
    }

    /// Splits the returned copy off ``notice`` (once): the copy joins ``returnedHeaders``, and the notice's
    /// Feedback-Type and pasted delivery-status fields are read.
    mutating func split() {
        guard !isSplit else { return }
        isSplit = true
        let (head, copy) = Self.splitReturnedCopy(notice)
        notice = head
        if let copy { returnedHeaders = hasReturnedParts ? returnedHeaders + "\n" + Self.lf(copy) : Self.lf(copy) }
        let fields = Self.dashFields(head)
        noticeHasFeedbackTypeField = fields.feedbackType
        if deliveryStatus.isEmpty, fields.finalRecipient, let inline = Self.inlineDeliveryStatus(head, checked: true) {
            deliveryStatus = [inline]
        }
    }

    /// The Final-Recipient field name in its usual cases, without its first letter, searched as bytes.
    static let finalRecipientFields = ["inal-Recipient:", "inal-recipient:", "INAL-RECIPIENT:"].map(BytePattern.init)

    /// RFC 3464 fields pasted into the text (a DSN whose MIME structure was lost): the text from the first
    /// Reporting-MTA, Original-Recipient or Final-Recipient line, when there is a Final-Recipient line.
    /// With `checked`, the caller already knows a Final-Recipient field name is there.
    static func inlineDeliveryStatus(_ text: String, checked: Bool = false) -> String? {
        guard checked || finalRecipientFields.contains(where: { $0.occurs(in: text) }) else { return nil }
        let starts = ["\nReporting-MTA:", "\nOriginal-Recipient:", "\nFinal-Recipient:"].compactMap {
            text.range(of: $0, options: .caseInsensitive)
        }
        guard let first = starts.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        return String(text[text.index(after: first.lowerBound)...])
    }

    /// Bytes as text in `charset`, replacement on bad bytes.
    static func text(_ data: Data, charset: String?) -> String {
        CharsetDecoder.decode(data, charset: charset).text
    }

    /// CRLF and lone CR made LF, as a byte loop (Foundation's `replacingOccurrences` was a fifth of detection's
    /// CPU on Linux). Foundation compares with canonical equivalence, so a CR or CRLF followed by a combining mark
    /// is left to it: those rare texts take the old path and give the same result.
    static func lf(_ text: String) -> String {
        var text = text
        switch text.withUTF8(lineEndsMadeLF) {
        case .unchanged:
            return text
        case .converted(let converted):
            return converted
        case .needsFoundation:
            return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
    }

    /// What ``lineEndsMadeLF(_:)`` did.
    enum LineEndConversion {
        /// No CR in the text.
        case unchanged
        /// The text with CRLF and lone CR made LF.
        case converted(String)
        /// A CR or CRLF is followed by non-ASCII text: Foundation decides.
        case needsFoundation
    }

    /// CRLF and lone CR in UTF-8 `bytes` made LF, unless one is followed by a non-ASCII byte. The text between
    /// two CRs is copied in one piece (`memchr` finds the next CR), in one pass: a CR before a non-ASCII byte
    /// (rare) drops the copy made so far.
    static func lineEndsMadeLF(_ bytes: UnsafeBufferPointer<UInt8>) -> LineEndConversion {
        let lf = UInt8(ascii: "\n")
        guard let base = bytes.baseAddress, let firstCR = nextCR(base, from: 0, count: bytes.count) else {
            return .unchanged
        }
        let count = bytes.count
        var needsFoundation = false
        // The output is never longer than the input: copy the runs between CRs with `memcpy` into the string's
        // own storage (the input is valid UTF-8 and only ASCII bytes change, so the string is too).
        let converted = String(unsafeUninitializedCapacity: count) { output -> Int in
            guard let out = output.baseAddress else { return 0 }
            memcpy(out, base, firstCR)
            var written = firstCR, index = firstCR
            while index < count {
                // `index` is at a CR.
                var next = index + 1
                if next < count, bytes[next] == lf { next += 1 }
                if next < count, bytes[next] >= 0x80 {
                    needsFoundation = true
                    return 0
                }
                out[written] = lf
                written += 1
                let following = nextCR(base, from: next, count: count) ?? count
                memcpy(out + written, base + next, following - next)
                written += following - next
                index = following
            }
            return written
        }
        return needsFoundation ? .needsFoundation : .converted(converted)
    }

    /// The offset of the first CR at or after `from`, or nil.
    private static func nextCR(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int? {
        guard from < count, let hit = memchr(base + from, 0x0D, count - from) else { return nil }
        return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// HTML reduced to its text: tags dropped, block ends as line ends, common entities decoded.
    /// Works on the UTF-8 bytes: `<`, `>`, `&` and the tag names are ASCII, so byte tests are character tests.
    static func stripTags(_ html: String) -> String {
        var html = html
        return html.withUTF8 { input -> String in
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var index = 0
            let count = input.count
            while index < count {
                let byte = input[index]
                if byte == UInt8(ascii: "<") {
                    // The tag runs to the next ">"; an unclosed tag drops the rest.
                    var close = index + 1
                    while close < count, input[close] != UInt8(ascii: ">") { close += 1 }
                    guard close < count else { break }
                    if isBlockTag(UnsafeBufferPointer(rebasing: input[(index + 1)..<close])) {
                        out.append(UInt8(ascii: "\n"))
                    }
                    index = close + 1
                } else {
                    out.append(byte)
                    index += 1
                }
            }
            // Entities are decoded in the text once the tags are gone (they may have been split by one).
            return out.withUnsafeBufferPointer { text -> String in
                guard text.contains(UInt8(ascii: "&")) else { return String(decoding: text, as: UTF8.self) }
                var decoded: [UInt8] = []
                decoded.reserveCapacity(text.count)
                var index = 0
                while index < text.count {
                    if text[index] == UInt8(ascii: "&"), let (length, replacement) = entity(at: index, in: text) {
                        decoded.append(replacement)
                        index += length
                    } else {
                        decoded.append(text[index])
                        index += 1
                    }
                }
                return String(decoding: decoded, as: UTF8.self)
            }
        }
    }

    /// The entities ``stripTags(_:)`` decodes, with their characters.
    private static let entities: [([UInt8], UInt8)] = [
        ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }

    /// The length and character of the entity at `index` (an `&`), or nil.
    private static func entity(at index: Int, in input: UnsafeBufferPointer<UInt8>) -> (Int, UInt8)? {
        for (name, character) in entities where input.count - index >= name.count {
            var offset = 1
            while offset < name.count, input[index + offset] == name[offset] { offset += 1 }
            if offset == name.count { return (name.count, character) }
        }
        return nil
    }

    /// Tag names that end a block of text.
    private static let blockTags: [[UInt8]] = ["br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "td"]
        .map { Array($0.utf8) }

    /// True when the tag's inside (between `<` and `>`) names a block tag: `/` and spaces trimmed, the first
    /// space-separated word, ASCII case ignored.
    private static func isBlockTag(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = tag.count
        while start < end, tag[start] == UInt8(ascii: "/") || tag[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, tag[end - 1] == UInt8(ascii: "/") || tag[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var wordEnd = start
        while wordEnd < end, tag[wordEnd] != UInt8(ascii: " ") { wordEnd += 1 }
        let length = wordEnd - start
        guard length >= 1, length <= 5 else { return false }
        return blockTags.contains { name in
            guard name.count == length else { return false }
            for offset in 0..<length {
                var byte = tag[start + offset]
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != name[offset] { return false }
            }
            return true
        }
    }

    /// Lines that announce the returned copy of the original message, lower-cased.
    static let copyMarkers: [String] = [
        "below this line is a copy of the message", "this is a copy of the message", "original message follows",
        "----- original message -----", "------ original message ------", "--- original message ---",
        "unsent message follows", "original message header", "------ original message",
        "content-type: message/rfc822", "content-type: text/rfc822-headers", "message headers follow",
        "message text follows", "original message headers", "header of the original message",
        "headers of the original message", "----- original message",
        "the header of the original message", "-- the header and top", "--- the header of the original",
        "original message:", "a copy of the original message", "--- original message follows",
        "以下のメッセージは", "元のメッセージ", "this is the original message",
    ]

    /// ``copyMarkers`` compiled.
    static let copyMarkerList = PhraseList(copyMarkers)

    /// Whole lines (separator characters trimmed) that start the returned copy.
    static let bareMarkers: Set<String> = [
        "original message", "original mail info", "original message follows", "message text follows",
        "original message header", "original headers", "returned message", "message header follows",
        "unsent message", "original mail", "original message headers",
    ]

    /// `bytes` without the separator characters `-=_|*:#`, space and tab at either end, as a string.
    static func bareMarker(_ bytes: [UInt8]) -> String {
        func isSeparator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "|"), UInt8(ascii: "*"),
                 UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: " "), UInt8(ascii: "\t"):
                return true
            default:
                return false
            }
        }
        var start = 0
        var end = bytes.count
        while start < end, isSeparator(bytes[start]) { start += 1 }
        while end > start, isSeparator(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// True when `line` (no LF) announces the returned copy. The marker-word test first: it rejects most lines,
    /// where the dash-colon-pair test rarely does; only a line that passes both is copied and normalised.
    static func isMarkerLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count < 160, mayHoldMarkerWord(line), mayBeMarker(line) else { return false }
        let lower = PhraseText(String(decoding: line, as: UTF8.self))
        return !lower.bytes.isEmpty && (copyMarkerList.matchesAny(lower) || bareMarkers.contains(bareMarker(lower.bytes)))
    }

    /// Splits `text` at the first copy marker line: the notice before it, the returned copy after it (or nil).
    /// Lines are split on the LF byte, not on `Character` (grapheme breaking was most of this function's cost):
    /// the same lines, since the text has no CRLF (``lf(_:)`` ran) and an LF always ends a grapheme. The cheap
    /// tests run on the bytes in place; only a line that passes them is copied and normalised.
    static func splitReturnedCopy(_ text: String) -> (String, String?) {
        var text = text
        let marker: Range<Int>? = text.withUTF8(firstMarkerLine)
        guard let marker else { return (text, nil) }
        return text.withUTF8 { bytes in
            (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<marker.lowerBound]), as: UTF8.self),
             String(decoding: UnsafeBufferPointer(rebasing: bytes[marker.upperBound...]), as: UTF8.self))
        }
    }
}
