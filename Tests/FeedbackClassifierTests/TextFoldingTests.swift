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

    /// The table-driven lower case of Latin text is `String.lowercased()`, scalar by scalar over U+0000-U+024F and
    /// on mixed sentences; Turkish İ/ı and non-Latin text are left to the slow path.
    @Test func latinLowerCaseMatchesTheStandardLibrary() {
        for value in UInt32(0)...0x24F {
            guard let scalar = Unicode.Scalar(value), TextFolding.isNFKCStable(scalar), value != 0x130, value != 0x131 else { continue }
            let text = String(scalar)
            #expect(TextFolding.latinLowercased(text) == text.lowercased(), "U+\(String(value, radix: 16))")
        }
        for text in ["Grüße aus KÖLN, ÆØÅ", "ŁÓDŹ Zapłacimy", "ÇA VA ? Écrit le 15/12", "Ärger\r\nÜBER ÖL", ""] {
            #expect(TextFolding.latinLowercased(text) == text.lowercased(), "\(text)")
        }
        #expect(TextFolding.latinLowercased("İSTANBUL") == nil)
        #expect(TextFolding.latinLowercased("ıslak") == nil)
        #expect(TextFolding.latinLowercased("支払い") == nil)
        #expect(TextFolding.latinLowercased("cafe\u{301}") == nil)  // a combining mark: NFKC first
    }

    @Test func recognisesCJK() {
        #expect(TextFolding.isCJK("支"))
        #expect(TextFolding.isCJK("は"))
        #expect(TextFolding.isCJK("カ"))
        #expect(!TextFolding.isCJK("a"))
        #expect(!TextFolding.isCJK("é"))
    }
}
