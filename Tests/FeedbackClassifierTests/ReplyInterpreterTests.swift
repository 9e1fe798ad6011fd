import Testing
@testable import FeedbackClassifier

@Suite struct ReplyInterpreterTests {
    /// In a sentence naming several items, each item's part runs from its reference to the next item's.
    @Test(arguments: [
        ("die RE-0714 geht Freitag raus, die RE-0729 am 15.09.", "RE-0729", "RE-0729 am 15.09."),
        ("TC-5501 went out on Monday and TC-5544 will follow on the 27th.", "TC-5501", "TC-5501 went out on Monday and "),
        ("Pagaremos a NF-88130 no dia 05/10 e a NF-88144 no dia 15/10.", "NF-88144", "NF-88144 no dia 15/10."),
    ] as [(String, String, String)])
    func segmentOfAnItem(_ sentence: String, _ number: String, _ expected: String) {
        let open = ["RE-0714", "RE-0729", "TC-5501", "TC-5544", "NF-88130", "NF-88144"]
        #expect(ReplyInterpreter.segment(of: number, in: sentence, openItems: open) == expected)
    }

    /// A sentence naming one item has no segment: its dates are the whole sentence's.
    @Test func oneItemHasNoSegment() {
        #expect(ReplyInterpreter.segment(of: "RE-0714", in: "RE-0714 geht Freitag raus.", openItems: ["RE-0714", "RE-0729"]) == nil)
    }
}
