import Testing
@testable import FeedbackClassifier

@Suite struct TextFoldingTests {
    @Test(arguments: [("İSTANBUL", "istanbul"), ("ıstanbul", "istanbul"), ("Straße", "straße"), ("ＦＡＣＴＵＲＥ", "facture"),
                      ("Ⅻ", "xii")])
    func foldsCaseTheSameInEveryLocale(_ input: String, _ expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(arguments: [("échéance", "echeance"), ("płatność", "platnosc"), ("straße", "strasse"), ("ödeme", "odeme"),
                      ("plăți", "plati"), ("račun", "racun"), ("ascii", "ascii")])
    func stripsAccents(_ input: String, _ expected: String) {
        #expect(TextFolding.stripAccents(input) == expected)
    }

    @Test func recognisesCJK() {
        #expect(TextFolding.isCJK("支"))
        #expect(TextFolding.isCJK("は"))
        #expect(TextFolding.isCJK("カ"))
        #expect(!TextFolding.isCJK("a"))
        #expect(!TextFolding.isCJK("é"))
    }
}
