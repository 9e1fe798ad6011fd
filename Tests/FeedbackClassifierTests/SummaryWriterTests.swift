import Testing
@testable import FeedbackClassifier

@Suite struct SummaryWriterTests {
    static let languages = ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "tr", "hr", "ja", "zh"]

    @Test(arguments: languages)
    func everyCustomerLanguageHasATable(_ language: String) throws {
        let words = try #require(SummaryWriter.tables[language])
        #expect(words.months.count == 12)
        #expect(Set(words.reasons.keys) == Set(DisputeReason.allCases))
    }

    @Test func summaryNamesItemsDatesAndReasons() {
        let prediction = IntentPrediction(intent: .promiseToPay, confidence: 0.97,
                                          ranked: [(intent: .promiseToPay, confidence: 0.97)], abstained: false)
        let items = [
            ItemProposal(number: "F-118", qualification: .promiseToPay, promiseDate: LocalDate(year: 2026, month: 12, day: 15),
                         amount: nil, disputeReason: nil, confidence: 0.97, evidence: "", intent: .promiseToPay),
            ItemProposal(number: "F-121", qualification: .dispute, promiseDate: nil, amount: nil, disputeReason: .delivery,
                         confidence: 0.9, evidence: "", intent: .dispute),
        ]
        let r = ReplyInterpretation(language: "fr", intent: prediction, disputeReason: nil, items: items, summary: "",
                                    redirectContact: nil, returnDate: nil)
        #expect(SummaryWriter(language: "en").summary(of: r) == "Promise to pay F-118 on 15 Dec 2026; Dispute on F-121 (delivery)")
        #expect(SummaryWriter(language: "zh").summary(of: r) == "承诺付款 F-118 日期 2026年12月15日; 异议 F-121 (交货)")
        #expect(SummaryWriter(language: "xx").summary(of: r).hasPrefix("Promise to pay"))
    }
}
