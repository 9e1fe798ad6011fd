import Foundation
import Testing
@testable import FeedbackClassifier

@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        ("We will pay the invoice next week, thanks.", "en"),
        ("Nous avons payé la facture hier, merci.", "fr"),
        ("Wir haben die Rechnung gestern bezahlt.", "de"),
        ("Hemos pagado la factura ayer, gracias.", "es"),
        ("Abbiamo pagato la fattura ieri, grazie.", "it"),
        ("Wij hebben de factuur gisteren betaald.", "nl"),
        ("Já pagamos a fatura ontem, obrigado.", "pt"),
        ("Fakturę zapłaciliśmy wczoraj, pozdrawiam.", "pl"),
        ("Am achitat factura ieri, mulțumesc.", "ro"),
        ("Vi har betalat fakturan i går, tack.", "sv"),
        ("Faturayı dün ödedik, teşekkürler.", "tr"),
        ("Račun smo platili jučer, hvala.", "hr"),
        ("請求書は昨日支払いました。", "ja"),
        ("我们昨天已经付款了。", "zh"),
    ])
    func namesTheLanguage(_ text: String, _ expected: String) {
        #expect(LanguageIdentifier.identify(text) == expected)
    }

    @Test func unknownForNoText() {
        #expect(LanguageIdentifier.identify("") == nil)
        #expect(LanguageIdentifier.identify("12/15 — 4711") == nil)
    }

    /// Every reply of the corpus: the language must be right for at least 90% of each language's replies.
    @Test func corpusAccuracyPerLanguage() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let root = ProcessInfo.processInfo.environment["INGESTD_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? package.appendingPathComponent("corpus/replies")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.filter { $0.hasSuffix(".jsonl") } ?? []
        try #require(!files.isEmpty, "no corpus at \(root.path)")
        var tally: [String: (right: Int, total: Int)] = [:]
        var confusions: [String: Int] = [:]
        for file in files {
            for example in try CorpusReader.read(try Data(contentsOf: root.appendingPathComponent(file))) {
                let got = LanguageIdentifier.identify(example.text)
                var t = tally[example.lang] ?? (0, 0)
                t.total += 1
                if got == example.lang { t.right += 1 } else { confusions["\(example.lang)->\(got ?? "nil")", default: 0] += 1 }
                tally[example.lang] = t
            }
        }
        for (lang, t) in tally.sorted(by: { $0.key < $1.key }) {
            let accuracy = Double(t.right) / Double(t.total)
            #expect(accuracy >= 0.9, "\(lang): \(t.right)/\(t.total); confusions \(confusions.filter { $0.key.hasPrefix(lang + "->") })")
        }
    }
}
