import Foundation
import Testing
import MailIngest

/// The project's own reply fixtures (`Fixtures/replies/`): per language, a quote header, an Outlook block, a sign-off
/// with the sender's details and a mobile/disclaimer footer, each with the visible text a collector should see and,
/// where given, the signature. Fixtures whose `format` is `html` go through ``HTMLText`` first, as the MIME layer
/// hands them over.
@Suite struct ReplyTableTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var lang: String
        var style: String
        var visible: String
        /// The expected signature (sign-off block, "sent from" line, disclaimer), when the case states it.
        var signature: String?
        /// `html` for an HTML body; plain text otherwise.
        var format: String?
        var testDescription: String { file }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/replies")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("cases.jsonl")) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(Case.self, from: Data($0)) }
    }()

    static let languages = ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "tr", "hr", "ja", "zh"]

    /// The body as the extractor receives it.
    static func body(_ item: Case) throws -> BodyText {
        let text = try String(contentsOf: directory.appendingPathComponent(item.file), encoding: .utf8)
        return item.format == "html" ? HTMLText.convert(text) : BodyText(plain: text)
    }

    @Test func everyLineOfTheTableIsACase() throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("cases.jsonl"))
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
        #expect(Self.cases.count == lines.count)
        #expect(Set(Self.cases.map(\.file)).count == Self.cases.count, "a file listed twice")
    }

    @Test func tableCoversTheLanguagesAndClients() {
        let languages = Set(Self.cases.map(\.lang))
        for language in Self.languages {
            #expect(languages.contains(language), "no fixture in \(language)")
        }
        let styles = Set(Self.cases.map(\.style))
        for style in ["gmail", "outlook", "outlook-mac", "apple-mail", "thunderbird", "yahoo", "gmx", "mail.ru", "qq",
                      "lotus", "carrier", "interleaved", "forward", "disclaimer", "mobile", "negative", "signature",
                      "mobile-disclaimer"] {
            #expect(styles.contains(style), "no fixture in style \(style)")
        }
        #expect(Self.cases.contains { $0.format == "html" }, "no HTML fixture")
    }

    /// Each customer language has a quote header, an Outlook block, a signature and a mobile/disclaimer case.
    @Test(arguments: languages)
    func everyLanguageHasEveryClientStyle(_ language: String) {
        let styles = Set(Self.cases.filter { $0.lang == language }.map(\.style))
        let quoteHeaders: Set = ["gmail", "apple-mail", "thunderbird", "yahoo", "gmx", "qq", "carrier", "outlook-mac"]
        #expect(!styles.isDisjoint(with: quoteHeaders), "\(language): no quote header case")
        for style in ["outlook", "signature", "mobile-disclaimer"] {
            #expect(styles.contains(style), "\(language): no \(style) case")
        }
    }

    @Test(arguments: cases)
    func visibleTextIsTheNewText(_ item: Case) throws {
        let reply = ReplyExtractor.extract(try Self.body(item))
        #expect(reply.visible == item.visible)
    }

    @Test(arguments: cases.filter { $0.signature != nil })
    func signatureIsTheSignOffBlock(_ item: Case) throws {
        let reply = ReplyExtractor.extract(try Self.body(item))
        #expect(reply.signature == item.signature)
    }

    @Test(arguments: cases)
    func nothingIsLost(_ item: Case) throws {
        let body = try Self.body(item)
        let reply = ReplyExtractor.extract(body)
        let words = { (s: String) in s.split(whereSeparator: { $0.isWhitespace }).count }
        let text = body.lines.map(\.text).joined(separator: "\n")
        #expect(words(reply.visible) + words(reply.quoted) + words(reply.signature) == words(text))
    }
}
