import Testing
@testable import FeedbackClassifier

@Suite struct InvoiceReferencesTests {
    static let open = ["F-118", "F-121", "INV-10233", "300612", "FA2026/0456", "RE-2026-0012"]

    static func numbers(_ text: String) -> [String] {
        InvoiceReferences.find(in: text, openItems: open).map(\.number)
    }

    @Test(arguments: [
        ("We will pay F-118 on Friday", ["F-118"]), ("facture f118 réglée", ["F-118"]),
        ("inv 10233 and 300612", ["INV-10233", "300612"]), ("Rechnung FA-2026-0456", ["FA2026/0456"]),
        ("RE 2026 0012", ["RE-2026-0012"]), ("invoice INV-10223", ["INV-10233"]),  // by its serial; one swapped digit
        ("la facture 121", ["F-121"]), ("#300612", ["300612"]),
        ("F-118, F-118 again", ["F-118"]), ("invoice 777777 is not ours", ["777777"]),
        ("paid on 15.12.2026 the amount 1.250,00", []),
    ] as [(String, [String])])
    func matches(_ text: String, _ expected: [String]) {
        #expect(Self.numbers(text) == expected, "\(text)")
    }

    /// Numbers with a series or year and a space ("FCT 2026-1071", "FV 6133/2026") are named by their digits or
    /// by their serial alone ("0912", "6133"); a year alone names nothing.
    @Test(arguments: [
        ("FCT 2026-1071 intra in saptamana 24", ["FCT 2026-1071"]), ("Sulla 0912 ho un dubbio", ["FT-2026/0912"]),
        ("oprocz 6133 wszystko zaplacone", ["FV 6133/2026"]), ("w 2026 roku", []),
        ("0885'i yarın ödüyoruz", ["Fatura 2026/0885"]), ("912 adet", []),
    ] as [(String, [String])])
    func matchesBySerial(_ text: String, _ expected: [String]) {
        let open = ["FCT 2026-1071", "FCT 2026-1060", "FT-2026/0912", "FT-2026/0901", "FV 6133/2026", "Fatura 2026/0885"]
        #expect(InvoiceReferences.find(in: text, openItems: open).map(\.number) == expected, "\(text)")
    }

    @Test func unmatchedReferencesAreMarked() {
        let refs = InvoiceReferences.find(in: "INV-99999 and F-118", openItems: Self.open)
        #expect(refs.map(\.matched) == [false, true])
    }

    /// The items each corpus reply is about: the references found, or every open item when it names none.
    @Test func corpusItemsAreFound() throws {
        var right = 0, total = 0
        var misses: [String] = []
        for example in try CorpusFixture.examples() {
            guard let items = example.items, !items.isEmpty, let open = example.openItems else { continue }
            let wanted = Set(items.map(\.number))
            let found = InvoiceReferences.find(in: example.text, openItems: open.map(\.number)).filter(\.matched).map(\.number)
            let got = found.isEmpty ? Set(open.map(\.number)) : Set(found)
            total += 1
            if got == wanted { right += 1 } else { misses.append("\(example.id) want \(wanted.sorted()) got \(got.sorted())") }
        }
        print("item sets right: \(right)/\(total)")
        for m in misses.prefix(30) { print("  miss \(m)") }
        #expect(Double(right) >= 0.9 * Double(total), "\(right)/\(total)")
    }
}
