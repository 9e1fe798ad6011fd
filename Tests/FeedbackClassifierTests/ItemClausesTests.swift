import Testing
@testable import FeedbackClassifier

@Suite struct ItemClausesTests {
    static let open = ["INV-1001", "INV-1002", "INV-1003"]

    /// Sentences naming no item that speak of the other invoices belong to the items not named.
    @Test(arguments: [
        ("INV-1001 is paid. The other two invoices will follow in January.", ["The other two invoices will follow in January."]),
        ("INV-1001 ist bezahlt. Die anderen Rechnungen zahlen wir im Januar.", ["Die anderen Rechnungen zahlen wir im Januar."]),
        ("INV-1001 ödendi. Diğer iki faturanın ödemesi ocakta.", ["Diğer iki faturanın ödemesi ocakta."]),
        ("INV-1001 is paid. On the other hand, we need a statement.", []),  // no invoice word
        ("INV-1001 and the other invoices are paid.", []),  // names an item: its own clause
    ] as [(String, [String])])
    func sentencesAboutOthers(_ text: String, _ expected: [String]) {
        let sentences = SentenceSplitter.sentences(text)
        #expect(ItemClauses.sentencesAboutOthers(sentences, openItems: Self.open) == expected, "\(text)")
    }
}
