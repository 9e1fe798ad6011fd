import Testing
@testable import MailIngest

/// The byte-level phrase search every detector relies on.
@Suite struct PhraseListTests {
    @Test func normalisationFoldsCaseSpacesAndTurkishDottedI() {
        #expect(PhraseText("  Mailbox\r\n\tFULL\u{00A0}now ").string == "mailbox full now")
        #expect(PhraseText("İzindeyim").string == "izindeyim")
    }

    @Test func phrasesWildcardsAndCounts() {
        let list = PhraseList(["mailbox*full", "user unknown", "自動応答", "absent"])
        let text = PhraseText("550 Mailbox is FULL; user unknown")
        #expect(list.firstMatch(in: text) == 0)
        #expect(list.count(in: text) == 2)
        #expect(list.matchesAny(PhraseText("件名: 自動応答")))
        #expect(!list.matchesAny(PhraseText("full mailbox")))
        #expect(!list.matchesAny(PhraseText("")))
    }

    @Test func pairFilterNeverHidesAMatch() {
        let phrases = ["out of the office", "je suis absent", "nicht im büro", "不在にしております", "a", "zz"]
        let list = PhraseList(phrases)
        for (index, phrase) in phrases.enumerated() {
            #expect(list.matches(index, in: PhraseText("xx " + phrase.uppercased() + " yy")), "\(phrase)")
        }
    }

    @Test func normalisationMatchesTheIteratorRule() {
        var texts = ByteFastPathTests.fixtureTexts
        texts += ["", " ", "\u{00A0}", "a\u{00C2}", "\u{00C2}", "İ", "x İ y", "  a  \u{00A0}\u{00A0} b\t\n", "ÇA VA", "\r\n",
                  "Ünïcödé TEXT", "日本語 テキスト", String(repeating: "ab ", count: 3000)]
        for text in texts {
            let normalised = PhraseText(text)
            let reference = Self.referenceBytes(text)
            #expect(normalised.bytes == reference)
            var pairs = [UInt64](repeating: 0, count: 64)
            for (a, b) in zip(reference, reference.dropFirst()) {
                let hash = PhraseText.pairHash(a, b)
                pairs[hash >> 6] |= 1 << UInt64(hash & 63)
            }
            #expect(normalised.pairSet == pairs)
        }
    }

    /// The normalisation as first written, over a UTF-8 iterator with one byte of lookahead.
    static func referenceBytes(_ text: String) -> [UInt8] {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let lower = isASCII ? text : text.lowercased()
        var out: [UInt8] = []
        var pendingSpace = false
        var iterator = lower.utf8.makeIterator()
        var lookahead: UInt8? = iterator.next()
        while let byte = lookahead {
            lookahead = iterator.next()
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                pendingSpace = true
            case 0xC2 where lookahead == 0xA0:
                lookahead = iterator.next()
                pendingSpace = true
            case 0xCC where lookahead == 0x87:
                lookahead = iterator.next()
            default:
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(isASCII ? ASCIIFold.fold(byte) : byte)
            }
        }
        return out
    }
}
