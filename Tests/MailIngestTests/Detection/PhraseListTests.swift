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
}
