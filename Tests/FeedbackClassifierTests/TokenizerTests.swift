import Testing
@testable import FeedbackClassifier

@Suite struct TokenizerTests {
    static func texts(_ s: String) -> [String] { Tokenizer.tokens(TextFolding.fold(s)).map(\.text) }

    @Test(arguments: [
        ("We will pay F-118 on 15/12/2026", ["we", "will", "pay", "<inv>", "on", "<date>"]),
        ("1.250,00 € le 15.12.", ["<amt>", "<cur>", "le", "<date>"]),
        ("$1,250.00 by 2026-12-15", ["<cur>", "<amt>", "by", "<date>"]),
        ("invoice 300612 and INV-10233", ["invoice", "<inv>", "and", "<inv>"]),
        ("on the 15th, KW 50, 2026", ["on", "the", "<ord>", "kw", "<num>", "<year>"]),
        ("don't", ["don't"]),
    ] as [(String, [String])])
    func replacesValuesByTheirShape(_ input: String, _ expected: [String]) {
        #expect(Self.texts(input) == expected)
    }

    @Test func keepsCJKRunsApartFromLatin() {
        let tokens = Tokenizer.tokens(TextFolding.fold("请于12月15日付款 INV-1"))
        #expect(tokens == [.cjk(Array("请于".unicodeScalars)), .placeholder("<num>"), .cjk(Array("月".unicodeScalars)),
                           .placeholder("<num>"), .cjk(Array("日付款".unicodeScalars)), .placeholder("<inv>")])
    }
}
