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
