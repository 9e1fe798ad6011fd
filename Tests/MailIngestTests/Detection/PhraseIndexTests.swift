import Testing
@testable import MailIngest

/// The one-pass phrase index finds exactly the phrases ``PhraseList`` finds one by one: over every phrase table it
/// serves, on the text of every shared fixture, and with each phrase placed at every offset of a filler (so every
/// bucket position and text end is met), in upper case and cut one byte short.
@Suite struct PhraseIndexTests {
    /// The tables the index serves.
    static let tables: [[String]] = [
        AutoReplyPhrases.bodyAndHints.index.phrases, BounceSignals.senders, BounceSignals.subjects,
        BounceSignals.openings, ["mailbox*full", "dsn", "ab", "", "abcd", "abcd", "自動応答", "x*y*z"],
    ]

    /// The indices of the phrases `index` reports in `text`, each once.
    static func found(_ index: PhraseIndex, _ text: PhraseText) -> Set<Int> {
        var found = Set<Int>()
        index.forEachMatch(in: text) { found.insert($0); return false }
        return found
    }

    /// The indices ``PhraseList`` matches.
    static func reference(_ list: PhraseList, _ text: PhraseText) -> Set<Int> {
        Set(list.phrases.indices.filter { list.matches($0, in: text) })
    }

    @Test(arguments: tables.indices)
    func findsWhatThePhraseListFindsInFixtures(_ table: Int) {
        let index = PhraseIndex(Self.tables[table]), list = PhraseList(Self.tables[table])
        for text in ByteFastPathTests.fixtureTexts {
            let prepared = PhraseText(String(text.prefix(3000)))
            #expect(Self.found(index, prepared) == Self.reference(list, prepared))
            #expect(Self.found(index, PhraseText(String(text.prefix(3000)), pairs: false)) == Self.reference(list, prepared))
        }
    }

    @Test(arguments: tables.indices)
    func findsEveryPhraseAtEveryOffset(_ table: Int) {
        let phrases = Self.tables[table]
        let index = PhraseIndex(phrases), list = PhraseList(phrases)
        for phrase in phrases {
            let variants = [phrase, phrase.uppercased(), String(phrase.dropLast()), String(phrase.dropFirst())]
            for variant in variants {
                for offset in 0..<20 {
                    for tail in ["", "x", " tail words"] {
                        let text = PhraseText(String(repeating: "q", count: offset) + variant + tail)
                        #expect(Self.found(index, text) == Self.reference(list, text), "\(phrase) at \(offset)")
                    }
                }
            }
        }
    }

    @Test func stopsWhenAsked() {
        let index = PhraseIndex(["alpha", "beta", "al*ha"])
        var calls = 0
        #expect(index.forEachMatch(in: PhraseText("beta alpha")) { _ in calls += 1; return true })
        #expect(calls == 1)
        #expect(!index.forEachMatch(in: PhraseText("gamma")) { _ in true })
        #expect(index.matchesAny(PhraseText("ALPHA")))
        #expect(!index.matchesAny(PhraseText("")))
    }
}
