import Foundation
import Testing
import MailIngest

/// Every labelled corpus reply, put above our own dunning email the way each mail client quotes it, must come
/// back as the visible text (at most a trailing signature block less).
@Suite struct ReplyCompositionTests {
    /// What clients put between the reply and the quoted dunning email, in many languages; `Q` marks the quoted
    /// email, which is `>`-prefixed where the template says so.
    static let templates: [(header: String, quoteMarks: Bool)] = [
        ("On Mon, Nov 23, 2026 at 10:14 AM Acme Collections <ar@acme.example> wrote:", true),
        ("On Mon, Nov 23, 2026 at 10:14 AM Acme Collections <\nar@acme.example> wrote:", true),
        ("On 23 Nov 2026, at 10:14, Acme Collections <ar@acme.example> wrote:", false),
        ("Le lun. 23 nov. 2026 à 10:14, Acme <ar@acme.example> a écrit :", true),
        ("Am Mo., 23. Nov. 2026 um 10:14 Uhr schrieb Acme <ar@acme.example>:", true),
        ("El lun, 23 nov 2026 a las 10:14, Acme (<ar@acme.example>) escribió:", true),
        ("Il giorno lun 23 nov 2026 alle ore 10:14 Acme <ar@acme.example> ha scritto:", true),
        ("Op ma 23 nov 2026 om 10:14 schreef Acme <ar@acme.example>:", true),
        ("Em seg., 23 de nov. de 2026 às 10:14, Acme <ar@acme.example> escreveu:", true),
        ("pon., 23 lis 2026 o 10:14 Acme <ar@acme.example> napisał(a):", true),
        ("În lun., 23 nov. 2026 la 10:14, Acme <ar@acme.example> a scris:", true),
        ("Den mån 23 nov. 2026 kl 10:14 skrev Acme <ar@acme.example>:", true),
        ("Acme <ar@acme.example>, 23 Kas 2026 Pzt, 10:14 tarihinde şunu yazdı:", true),
        ("pon, 23. stu 2026. u 10:14 Acme <ar@acme.example> napisao je:", true),
        ("2026年11月23日(月) 10:14 Acme <ar@acme.example>:", true),
        ("Acme <ar@acme.example> 于2026年11月23日周一 10:14写道：", true),
        ("________________________________\nFrom: Acme <ar@acme.example>\nSent: Monday, November 23, 2026 10:14 AM\nTo: Customer\nSubject: Reminder", false),
        ("Von: Acme <ar@acme.example>\nGesendet: Montag, 23. November 2026 10:14\nAn: Kunde\nBetreff: Mahnung", false),
        ("De : Acme <ar@acme.example>\nEnvoyé : lundi 23 novembre 2026 10:14\nÀ : Client\nObjet : Relance", false),
        ("-----Original Message-----\nFrom: Acme [mailto:ar@acme.example]\nSent: Monday, November 23, 2026 10:14 AM", false),
        ("差出人: Acme <ar@acme.example>\n送信日時: 2026年11月23日 10:14\n宛先: お客様\n件名: ご請求", false),
        ("------------------ 原始邮件 ------------------\n发件人: \"Acme\"<ar@acme.example>;\n发送时间: 2026年11月23日", false),
        ("Gesendet: Montag, 23. November 2026 um 10:14 Uhr\nVon: \"Acme\" <ar@acme.example>\nAn: kunde@example.com", false),
    ]

    static let dunning = ["Dear customer,", "", "invoice F-118 of 1,250.00 EUR is overdue since 2026-11-01.",
                          "Please pay it at your earliest convenience.", "", "Kind regards,", "Acme Collections",
                          "+44 20 7946 0000"]

    @Test(arguments: templates.indices)
    func corpusRepliesAboveQuotedDunning(_ template: Int) throws {
        let all = Self.corpusTexts
        try #require(all.count >= 1000, "corpus not found")
        // Every seventh example, shifted per template, keeps the run short while each template sees all languages.
        let examples = all.indices.filter { ($0 + template) % 7 == 0 }.map { all[$0] }
        let (header, quoteMarks) = Self.templates[template]
        let quoted = Self.dunning.map { quoteMarks ? ($0.isEmpty ? ">" : "> " + $0) : $0 }.joined(separator: "\n")
        var lost: [String] = []
        for (id, text) in examples {
            let body = text + "\n\n" + header + "\n\n" + quoted + "\n"
            let reply = ReplyExtractor.extract(BodyText(plain: body))
            let visible = ReplyFixtureTests.normalize(reply.visible)
            let expected = ReplyFixtureTests.normalize(text)
            if visible != expected && !(expected.hasPrefix(visible) && !visible.isEmpty) { lost.append(id) }
            #expect(!reply.visible.contains("F-118 of 1,250.00"), "\(id): quoted text left visible")
        }
        #expect(lost.isEmpty, "template \(template): \(lost.prefix(10))")
    }

    /// Bottom-posting: the attribution and the `>` quote first, the reply below.
    @Test(arguments: templates.indices.filter { templates[$0].quoteMarks })
    func corpusRepliesBelowQuotedDunning(_ template: Int) {
        let header = Self.templates[template].header
        let quoted = Self.dunning.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        var lost: [String] = []
        for (offset, (id, text)) in Self.corpusTexts.enumerated() where (offset + template) % 11 == 0 {
            let reply = ReplyExtractor.extract(BodyText(plain: header + "\n" + quoted + "\n\n" + text + "\n"))
            let visible = ReplyFixtureTests.normalize(reply.visible)
            let expected = ReplyFixtureTests.normalize(text)
            if visible != expected && !(expected.hasPrefix(visible) && !visible.isEmpty) { lost.append(id) }
        }
        #expect(Self.corpusTexts.count >= 1000)
        #expect(lost.isEmpty, "template \(template): \(lost.prefix(10))")
    }

    /// The corpus, read once for all templates.
    static let corpusTexts: [(String, String)] = {
        struct Example: Decodable { var id: String; var text: String }
        let directory = ReplyCorpusTests.corpus
        var out: [(String, String)] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".jsonl") {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let example = try? JSONDecoder().decode(Example.self, from: Data(line)) { out.append((example.id, example.text)) }
            }
        }
        return out
    }()
}
