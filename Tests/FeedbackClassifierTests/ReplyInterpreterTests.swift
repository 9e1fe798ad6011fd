import Testing
@testable import FeedbackClassifier

@Suite struct ReplyInterpreterTests {
    static let open = ["RE-0714", "RE-0729", "TC-5501", "TC-5544", "NF-88130", "NF-88144", "INV-1", "INV-2", "INV-3"]

    /// In a sentence naming several items, each item's clause ends at the last comma or conjunction before the next
    /// item's reference.
    @Test(arguments: [
        ("die RE-0714 geht Freitag raus, die RE-0729 am 15.09.", "RE-0729", "die RE-0729 am 15.09."),
        ("die RE-0714 geht Freitag raus, die RE-0729 am 15.09.", "RE-0714", "die RE-0714 geht Freitag raus,"),
        ("TC-5501 went out on Monday and TC-5544 will follow on the 27th.", "TC-5501", "TC-5501 went out on Monday"),
        ("TC-5501 went out on Monday and TC-5544 will follow on the 27th.", "TC-5544", "and TC-5544 will follow on the 27th."),
        ("Pagaremos a NF-88130 no dia 05/10 e a NF-88144 no dia 15/10.", "NF-88144", "a NF-88144 no dia 15/10."),
    ] as [(String, String, String)])
    func clauseOfAnItem(_ sentence: String, _ number: String, _ expected: String) {
        let clauses = ItemClauses.clauses(in: sentence, openItems: Self.open)
        #expect(clauses.first { $0.numbers.contains(number) }?.text == expected)
    }

    /// References joined only by commas and conjunctions are one list with one clause.
    @Test func aListIsOneClause() {
        let clauses = ItemClauses.clauses(in: "We will pay INV-1, INV-2 and INV-3 on Friday.", openItems: Self.open)
        #expect(clauses.count == 1)
        #expect(clauses.first?.numbers == ["INV-1", "INV-2", "INV-3"])
    }

    /// A sentence naming no item continues the items of the sentence before it.
    @Test func sentencesWithoutReferencesContinueTheLastItem() {
        let texts = ItemClauses.texts(sentences: ["RE-0714 zahlen wir am 20.03.", "RE-0729 akzeptieren wir nicht.",
                                                  "Die Lieferung kam zu spät."], openItems: Self.open)
        #expect(texts["RE-0714"] == ["RE-0714 zahlen wir am 20.03."])
        #expect(texts["RE-0729"] == ["RE-0729 akzeptieren wir nicht.", "Die Lieferung kam zu spät."])
    }

    /// Invoice numbers shaped like dates are blanked before dates are read.
    @Test func invoiceNumbersAreMasked() {
        let masked = InvoiceReferences.masking("la facture 2026-11-004 sera payée le 15", openItems: ["2026-11-004"])
        #expect(!masked.contains("2026"))
        #expect(masked.contains("le 15"))
    }
}
