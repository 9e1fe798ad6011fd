import Foundation
import Testing
@testable import MailIngest

/// The CPU paths of kind detection against the rules as written before them (kept here as references).
extension ByteFastPathTests {
    /// Subjects around the reply markers and subject words: every word of every language after each marker, in
    /// upper case, with each separator, cut short, and non-ASCII look-alikes.
    static let craftedSubjects: [String] = {
        var subjects = ["", "re:", "re: ", "Re: invoice INV-1", "[", "( abwesend", "réf: absence", "【自動返信】休暇",
                        "re:aw:sv:out of office", "aw: re: urlaub", "RE:  RE: absence:", "u\u{308}rlaub", "absence\u{301}",
                        "autom. antwort", "auto reply\u{A0}x", "out of office】", "out of office：x", "izinde", "ausente)"]
        let words = AutoReplyPhrases.all.flatMap(\.subjects)
        for word in words {
            for marker in ["", "re: ", "aw:", "re: aw: ", "[", "【", "réf: "] {
                for after in ["", ":", " x", "-", "]", ")", "x", "】", "：", "\u{301}"] {
                    subjects.append(marker + word + after)
                }
            }
            subjects.append(word.uppercased())
            subjects.append(String(word.dropLast()))
        }
        return subjects
    }()

    @Test func subjectTestMatchesTheCharacterRule() {
        var subjects = Self.craftedSubjects
        for text in Self.fixtureTexts {
            for line in text.split(separator: "\n").prefix(60) where line.lowercased().hasPrefix("subject:") {
                subjects.append(String(line.dropFirst(8)))
            }
        }
        for subject in subjects {
            let normalised = PhraseText(subject).string
            #expect(AutoReplyDetector.subjectIsAutoReply(normalised) == Self.subjectReference(normalised), "\(subject)")
        }
    }

    /// The ASCII subject path skips the non-ASCII markers and words: no all-ASCII text equals them canonically,
    /// because each of their non-ASCII characters decomposes to some non-ASCII scalar.
    @Test func nonASCIISubjectWordsNeverEqualASCIIText() {
        let words = AutoReplyPhrases.all.flatMap(\.subjects) + AutoReplyDetector.replyMarkers
        for word in words {
            for character in word where !character.isASCII {
                let decomposed = String(character).decomposedStringWithCanonicalMapping
                #expect(decomposed.unicodeScalars.contains { !$0.isASCII }, "\(word)")
            }
        }
    }

    @Test func autoReplyDecisionMatchesTheLanguageLoop() {
        var texts = Self.fixtureTexts.map { PhraseText(String($0.prefix(1500))) }
        let hints = AutoReplyPhrases.all.flatMap(\.hints), body = AutoReplyPhrases.all.flatMap(\.body)
        for (offset, hint) in hints.enumerated() {
            texts.append(PhraseText("x " + hint))
            texts.append(PhraseText(hint + " and " + hints[(offset + 7) % hints.count]))
            texts.append(PhraseText(hint + " " + hint))
        }
        texts += body.map { PhraseText("Hello, \($0).") }
        let headerSets = [HeaderFields(), HeaderFields([HeaderField(name: "Precedence", rawValue: "bulk")])]
        for text in texts {
            for headers in headerSets {
                #expect(AutoReplyDetector.isAutoReply(headers: headers, subject: "re: invoice", text: text)
                        == Self.isAutoReplyReference(headers: headers, subject: "re: invoice", text: text))
            }
        }
    }

    @Test func dashPassFindsWhatTheBytePatternsFind() {
        let names = ReportText.finalRecipientFields.map { String(decoding: $0.bytes, as: UTF8.self) }
            + FeedbackReport.feedbackTypeFields.map { String(decoding: $0.bytes, as: UTF8.self) }
        var texts = Self.fixtureTexts + ["", "-", "--", "-r", "inal-", "eedback-T", "INV-1 x-y -t -R"]
        for name in names {
            for offset in 0..<20 {
                let pad = String(repeating: "-", count: offset % 3) + String(repeating: "a", count: offset)
                texts += [pad + name, pad + name + "x", pad + String(name.dropLast()), pad + name.uppercased()]
            }
        }
        for text in texts {
            let fields = ReportText.dashFields(text)
            #expect(fields.finalRecipient == ReportText.finalRecipientFields.contains { $0.occurs(in: text) })
            #expect(fields.feedbackType == FeedbackReport.feedbackTypeFields.contains { $0.occurs(in: text) })
        }
    }

    @Test func returnPathTestMatchesFoundation() {
        let values = ["", "<>", " <> ", "\t<>\t", "< >", "<>x", "<MAILER-DAEMON@x>", "mailer-daemon", "Mailer-Daemon ",
                      "\u{A0}<>\u{A0}", "<>\u{301}", "<ap@x.example>", "mailer-dæmon", " \u{2003}<>", "<postmaster@x>"]
        for value in values {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            let reference = trimmed == "<>" || trimmed.lowercased().contains("mailer-daemon")
            #expect(BounceSignals.isDaemonReturnPath(value) == reference, "\(Array(value.unicodeScalars))")
        }
    }

    @Test func markerWordBlocksNeverMissAWord() {
        // Look-alikes with a marker word's first and fourth letters ("c..y", "m..s", "o..g", "h..d"), next to the
        // words, at every offset of lines around the 16-byte blocks, and non-ASCII at each end.
        var lines: [String] = []
        for word in ["city", "mass", "oblong", "hand", "COPY", "Messag", "orIGIN", "heaDER", "ĥead", "copé"] {
            for offset in 0..<40 {
                for tail in ["", "zz", String(repeating: ".", count: 17), "é"] {
                    lines.append(String(repeating: "w", count: offset) + word + tail)
                }
            }
        }
        for line in lines {
            let fast = Array(line.utf8).withUnsafeBufferPointer(ReportText.mayHoldMarkerWord)
            let reference = line.utf8.contains { $0 >= 0x80 }
                || ReportText.markerWords.contains { ASCIIFold.contains(Substring(line), $0) }
            #expect(fast == reference, "\(line)")
        }
    }

    // MARK: - References

    /// The subject rule as written before the ASCII path.
    static func subjectReference(_ subject: String) -> Bool {
        let bareSubject = AutoReplyDetector.stripReplyMarkers(subject)
        return !bareSubject.isEmpty && AutoReplyPhrases.compiled.contains { language in
            language.subjects.contains { AutoReplyDetector.subjectStarts(bareSubject, with: $0) }
        }
    }

    /// The decision as written before the phrase index: language by language.
    static func isAutoReplyReference(headers: HeaderFields, subject: String, text: PhraseText) -> Bool {
        if AutoReplyHeaders.isAutoReply(headers) { return true }
        var hints = AutoReplyHeaders.hasWeakSignal(headers) ? 1 : 0
        if subjectReference(subject) { return true }
        for language in AutoReplyPhrases.compiled {
            if language.body.matchesAny(text) { return true }
            hints += language.hints.count(in: text)
        }
        return hints >= 2
    }
}

/// ``TextLines`` against `split(separator: "\n")`.
extension ByteFastPathTests {
    @Test func textLinesAreTheSplitLines() {
        var texts = Self.crafted + Self.fixtureTexts
        texts += ["", "\n", "\n\n", "a\r\nb\nc", "\r\n\r\n", "x\n\u{301}y", "\r\n\n", "é\n\n日本\n", "a\n\r\nb\r", "\u{1F1E9}\u{1F1EA}\n"]
        for text in texts {
            for omitting in [true, false] {
                let reference = text.split(separator: "\n", omittingEmptySubsequences: omitting).map(String.init)
                #expect(TextLines.all(text, omittingEmpty: omitting).map(String.init) == reference)
                #expect(TextLines.prefix(text, 3, omittingEmpty: omitting).map(String.init) == Array(reference.prefix(3)))
            }
        }
    }
}

/// The bounce-parsing byte paths against the rules as written before them.
extension ByteFastPathTests {
    /// Diagnostic-like texts: multi-line replies, codes at every position, spaces at the ends and doubled.
    static let craftedDiagnostics: [String] = {
        var texts = ["", " ", "550", "550 5.1.1 user unknown", "550-5.1.1 the email account 550-5.1.1 does not exist",
                     "550 5.1.1 a 550 5.1.1 b", "451 4.7.1 x 451 y", "452-too 452 more", "550-x 550-y", " 550 a 550 b ",
                     "550  5.1.1  a  550", "5501 a 550 b", "450-4.2.0 deferred 450 4.2.0 later", "55a 550 x 550",
                     "reply 550 then 421", "550 é 550 x", "x\r\n550 y 550 z", "4xx 5xx 550-", "550 \u{301}x 550 y",
                     "é 550-5.1.1 x 550 y", "x\u{600} 550 y 550 z", "550é 550 x", "5\u{301}50 a 550 b", "日本 550 語 550"]
        for code in ["550", "550-5.7.1", "421", "452-4.2.2", "599-", "550-x"] {
            for position in 0..<4 {
                var words = ["mailbox", "is", "full", "now"]
                words.insert(code, at: position)
                texts.append(words.joined(separator: " "))
                texts.append(words.joined(separator: " ") + " " + code + " again")
            }
        }
        return texts
    }()

    @Test func continuationCodesMatchTheWordRule() {
        var texts = Self.craftedDiagnostics
        for text in Self.fixtureTexts { texts += text.split(separator: "\n").prefix(200).map(String.init) }
        for text in texts {
            for input in [text, DiagnosticText.normalize(text)] {
                #expect(DiagnosticText.stripContinuationCodes(input) == Self.stripContinuationCodesReference(input),
                        "\(input.utf8.count) bytes")
            }
        }
    }

    @Test func recipientPositionMatchesTheFoundationRule() {
        var lines = ["RCPT TO:<a@b.example>", "  <a@b.example>", "550 5.1.1 <a@b.example>... User unknown",
                     "Final-Recipient: rfc822; a@b.example", "Mail to a@b.example failed", "•  a@b.example",
                     "Empfänger: a@b.example", "\t- [a@b.example]", "x\ra@b.example", "Your message to: a@b.example",
                     "#550 a@b.example", "blah a@b.example", "(\"'a@b.example", "** a@b.example"]
        for text in Self.fixtureTexts { lines += text.split(separator: "\n").prefix(300).map(String.init) }
        for line in lines {
            for hit in AddressScanner.scan(line) {
                #expect(NoticeRecipients.isRecipientPosition(line, hit) == Self.isRecipientPositionReference(line, hit),
                        "\(hit.start)")
            }
        }
    }

    @Test func temporaryWordsAreFoundAsBytesInASCIIText() {
        var texts = ["deferred", "not found, try again", "x deferre", "Deferred", "not found,  try again"]
        for text in Self.fixtureTexts { texts += text.lowercased().split(separator: "\n").prefix(300).map(String.init) }
        for text in texts where CharacterPrefix.isASCII(text) {
            #expect(ReasonClassifier.deferred.occurs(in: text) == text.contains("deferred"))
            #expect(ReasonClassifier.notFoundTryAgain.occurs(in: text) == text.contains("not found, try again"))
        }
    }

    @Test func normalizeMatchesTheScalarRule() {
        var texts = Self.craftedDiagnostics + ["İSTANBUL  Ünïcode\u{A0}\u{2003}x ", "\u{85}a\u{2028}b ", "ＡＢＣ 550 "]
        for text in Self.fixtureTexts { texts += text.split(separator: "\n").prefix(200).map(String.init) }
        for text in texts where !CharacterPrefix.isASCII(text) {
            #expect(DiagnosticText.normalize(text) == Self.normalizeReference(text))
        }
    }

    @Test func collapseMatchesTheCharacterSplit() {
        var texts = Self.craftedDiagnostics + ["a \u{301}b", "x\u{600} y", "é\r\u{301}\t\u{301}\n\u{301}z", "日本 語\r\n x",
                                               "\u{1F1E9} \u{1F1EA}", "é\r\ré", " é ", "\té\t", "a\u{200D} b"]
        for text in Self.fixtureTexts { texts += text.split(separator: "\n").prefix(200).map(String.init) + [text] }
        for text in texts {
            let reference = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            #expect(DiagnosticText.collapse(text) == reference)
        }
    }

    // MARK: - References

    /// ``DiagnosticText/normalize(_:)`` for non-ASCII text as written before it collected bytes.
    static func normalizeReference(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in text.lowercased().unicodeScalars {
            if scalar.value == 0x307 { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return stripContinuationCodesReference(out)
    }

    /// ``DiagnosticText/stripContinuationCodes(_:)`` as written before its unchanged-text test.
    static func stripContinuationCodesReference(_ collapsed: String) -> String {
        guard collapsed.utf8.count < 20_000 else { return collapsed }
        var words = collapsed.split(separator: " ").map(String.init)
        var seenCode = false
        var index = 0
        while index < words.count {
            let bytes = Array(words[index].utf8)
            let isCode = bytes.count >= 3 && (bytes[0] == 52 || bytes[0] == 53) && bytes[1] >= 48 && bytes[1] <= 57
                && bytes[2] >= 48 && bytes[2] <= 57 && (bytes.count == 3 || bytes[3] == UInt8(ascii: "-"))
                && (bytes.count <= 4 || StatusCode.first(in: String(words[index].dropFirst(4))) != nil)
            if isCode {
                if seenCode {
                    let nextIsStatus = bytes.count == 3 && index + 1 < words.count
                        && StatusCode.first(in: words[index + 1]) == words[index + 1]
                    words[index] = ""
                    if nextIsStatus { words[index + 1] = "" }
                }
                seenCode = true
            }
            index += 1
        }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// ``NoticeRecipients/isRecipientPosition(_:_:)`` as written before its ASCII path.
    static func isRecipientPositionReference(_ line: String, _ hit: AddressScanner.Hit) -> Bool {
        if hit.start == 0 { return true }
        let bytes = Array(line.utf8)
        let before = String(decoding: bytes[0..<hit.start], as: UTF8.self)
        let trimmedBefore = before.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "<\"'([*-•"))
            .trimmingCharacters(in: .whitespaces)
        if trimmedBefore.isEmpty { return true }
        let lower = trimmedBefore.lowercased()
        if NoticeRecipients.trimmedLeadIns.contains(where: { lower.hasSuffix($0) }) { return true }
        return lower.allSatisfy { $0.isNumber || $0 == " " || $0 == "." || $0 == "-" || $0 == "#" || $0 == "<" }
    }
}

/// The whole-text marker scan of ``ReportText/firstMarkerLine(_:)`` against the line-by-line one.
extension ByteFastPathTests {
    @Test func markerScanFindsTheFirstMarkerLine() {
        var texts = Self.fixtureTexts.map(ReportText.lf)
        let markers = ["------ Original message ------", "元のメッセージ", "Message headers follow", "original message:",
                       "COPY", "-- the header and top", "original messag", "héader"]
        let fillers = ["", "x", "Delivery failed.", String(repeating: "long line without words ", count: 9),
                       "city mass oblong hand é", String(repeating: "y", count: 17)]
        for marker in markers {
            for filler in fillers {
                for offset in 0..<20 {
                    let pad = String(repeating: "z", count: offset)
                    texts.append(filler + "\n" + pad + marker + "\nTo: x")
                    texts.append(pad + filler + marker)
                    texts.append(filler + "\n" + pad + "\n" + marker)
                    texts.append(pad + "\n" + filler + "\n" + marker + "\n")
                }
            }
        }
        for text in texts {
            let found = Array(text.utf8).withUnsafeBufferPointer { bytes in
                [ReportText.firstMarkerLine(bytes), ReportText.firstMarkerLineByLines(bytes)]
            }
            #expect(found[0] == found[1], "\(text.utf8.count) bytes")
        }
    }
}

/// ``DeliveryStatusFields/fields(_:)`` against its character rule.
extension ByteFastPathTests {
    @Test func deliveryStatusFieldsMatchTheCharacterRule() {
        var texts = Self.fixtureTexts
        texts += ["", "\n", "Final-Recipient: rfc822; a@b\n  folded\n\nAction: failed", " lead: x\nStatus: 5.1.1",
                  "X-Field_1: y\nbad name: z\nÄction: x\nStatus:\t5.0.0 \t", "a:b\r\n c\r\nd: e\r", "\t\n \nx: y\n\t z",
                  "Diagnostic-Code: smtp; 550 é\n continued é\n", ":empty\n-: dash", "Name:\u{A0}value\u{A0}"]
        for text in texts {
            let fast = DeliveryStatusFields.fields(text)
            let reference = Self.fieldsReference(text)
            #expect(fast.count == reference.count)
            #expect(zip(fast, reference).allSatisfy { $0?.0 == $1?.0 && $0?.1 == $1?.1 })
        }
    }

    /// ``DeliveryStatusFields/fields(_:)`` as written before its ASCII path.
    static func fieldsReference(_ text: String) -> [(String, String)?] {
        var out: [(String, String)?] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let startsWithText = line.utf8.first.map { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            if startsWithText != true, line.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(nil)
            } else if line.first == " " || line.first == "\t", let last = out.last, let (name, value) = last {
                out[out.count - 1] = (name, value + " " + DeliveryStatusFields.trimmingWhitespace(line))
            } else if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy({ $0.isLetter || $0 == "-" }) {
                let name = line[..<colon].lowercased()
                out.append((name, DeliveryStatusFields.trimmingWhitespace(line[line.index(after: colon)...])))
            }
        }
        return out
    }
}

/// The header prefilter of auto-reply detection.
extension ByteFastPathTests {
    @Test func headerPrefilterNeverHidesASignal() {
        var sets: [HeaderFields] = [HeaderFields()]
        let values = ["auto-replied", "auto-generated", "no", "yes", "false", "bulk", "junk", "auto_reply", "vacation 1.2",
                      "list", ""]
        for name in AutoReplyHeaders.names.map({ String(decoding: $0, as: UTF8.self) }) {
            for value in values {
                sets.append(HeaderFields([HeaderField(name: name, rawValue: value)]))
                sets.append(HeaderFields([HeaderField(name: "From", rawValue: "a@b"),
                                          HeaderField(name: name.uppercased(), rawValue: value)]))
            }
        }
        sets.append(HeaderFields([HeaderField(name: "X-MS-Exchange-Inbox-Rules-Loop", rawValue: "a@b"),
                                  HeaderField(name: "x-auto-response-suppress", rawValue: "All")]))
        for text in Self.fixtureTexts.prefix(400) {
            sets.append(DetectionTestSupport.message(text).headers)
        }
        for headers in sets where !AutoReplyHeaders.mayHoldSignal(headers) {
            #expect(!AutoReplyHeaders.isAutoReply(headers))
            #expect(!AutoReplyHeaders.hasWeakSignal(headers))
        }
        #expect(sets.contains { AutoReplyHeaders.mayHoldSignal($0) && AutoReplyHeaders.isAutoReply($0) })
    }
}
