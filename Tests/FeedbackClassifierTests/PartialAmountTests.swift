import Testing
@testable import FeedbackClassifier

@Suite struct PartialAmountTests {
    static let today = LocalDate(year: 2026, month: 7, day: 13)!

    /// What is promised of an open 2,650.00: the rest after a payment made, the amount named for the rest, or the
    /// first instalment when a future date comes before the rest.
    @Test(arguments: [
        ("Hemos abonado hoy 1.000 € de la factura. Lo que queda lo pagamos el 31 de julio.", 165_000),
        ("wir überweisen heute 1.000,00 € und den Restbetrag von 1.650,00 € am 05.08.2026.", 165_000),
        ("We pay 1,000.00 EUR on Friday and the rest on the 31st.", 100_000),
        ("We can pay 500 EUR now.", 50_000),
        ("Half on Monday, the other half at the end of the month.", 132_500),
    ] as [(String, Int)])
    func promisedPart(_ text: String, _ cents: Int) {
        let dates = DateExtractor(today: Self.today)
        let open = Money(cents: 265_000, currency: "EUR")
        #expect(PartialAmount.find(in: text, open: open, currency: "EUR", dates: dates)?.cents == cents)
    }

    /// No partial amount: the whole open amount is meant.
    @Test func wholeAmountIsNil() {
        let open = Money(cents: 265_000, currency: "EUR")
        #expect(PartialAmount.find(in: "We will pay the invoice on Friday.", open: open, currency: "EUR") == nil)
    }
}
