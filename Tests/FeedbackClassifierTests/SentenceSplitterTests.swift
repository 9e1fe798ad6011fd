import Testing
@testable import FeedbackClassifier

@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("Zahlung erfolgt am 16. Oktober. Die andere ist bezahlt.", 2),
        ("Płacimy 15. grudnia, reszta później.", 1),
        ("We paid. Thanks", 2),
        ("Paid on the 12. May I ask for a statement?", 2),  // "May" may be a verb: a sentence end
        ("Betaald op 3. Daarna volgt de rest.", 2),
    ] as [(String, Int)])
    func ordinalDaysBeforeAMonthDoNotEndASentence(_ text: String, _ count: Int) {
        #expect(SentenceSplitter.sentences(text).count == count, "\(text)")
    }
}
