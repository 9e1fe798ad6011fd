import Testing
@testable import FeedbackClassifier

@Suite struct AmountExtractorTests {
    @Test(arguments: [
        ("1.250,00 €", "1250.00 EUR"), ("EUR 1 250,00", "1250.00 EUR"), ("$1,250.00", "1250.00 USD"),
        ("1250 zł", "1250.00 PLN"), ("¥128,000", "128000.00 JPY"), ("3.400 kr", "3400.00 SEK"),
        ("1.250 EUR", "1250.00 EUR"), ("£99.5", "99.50 GBP"), ("CHF 1'250.50", "1250.50 CHF"),
        ("1.250,- EUR", "1250.00 EUR"), ("we paid 480,40 yesterday", "480.40"), ("128,000円", "128000.00 JPY"),
        ("R$ 2.500,00", "2500.00 BRL"), ("12 500 Kč", "12500.00 CZK"), ("2 500,00 lei", "2500.00 RON"), ("先付10万", "100000.00"), ("剩下的1.2万", "12000.00"),
    ] as [(String, String?)])
    func reads(_ text: String, _ expected: String?) {
        #expect(AmountExtractor.amounts(in: text).first?.money.description == expected, "\(text)")
    }

    @Test(arguments: ["invoice INV-2026-0412", "F-118 and F-121", "on 15.12.2026", "order 4711", "KW 50", "#88231"])
    func ignoresNumbersThatAreNotMoney(_ text: String) {
        #expect(AmountExtractor.amounts(in: text).isEmpty, "\(text)")
    }

    /// Labelled item amounts written in the reply must be found; amounts the labeller derived ("half", "the rest")
    /// are the proposal layer's job and are measured there.
    @Test func corpusItemAmountsAreFound() throws {
        var total = 0, found = 0
        var misses: [String] = []
        for example in try CorpusFixture.examples() {
            let wanted = Set((example.items ?? []).compactMap(\.amount))
            guard !wanted.isEmpty else { continue }
            let got = Set(AmountExtractor.amounts(in: example.text).map(\.money.decimal))
            for amount in wanted {
                total += 1
                if got.contains(amount) { found += 1 } else { misses.append("\(example.id) want \(amount) got \(got.sorted())") }
            }
        }
        print("item amounts found: \(found)/\(total)")
        for m in misses.prefix(40) { print("  miss \(m)") }
        #expect(Double(found) >= 0.8 * Double(total), "\(found)/\(total)")
    }
}
