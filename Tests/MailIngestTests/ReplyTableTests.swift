import Foundation
import Testing
import MailIngest

/// The project's own reply fixtures (`Fixtures/replies/`): one per language and mail client style, each with the
/// visible text a collector should see.
@Suite struct ReplyTableTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var lang: String
        var style: String
        var visible: String
        var testDescription: String { file }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/replies")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("cases.jsonl")) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(Case.self, from: Data($0)) }
    }()

    @Test func tableCoversTheLanguagesAndClients() {
        let languages = Set(Self.cases.map(\.lang))
        for language in ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "tr", "hr", "ja", "zh"] {
            #expect(languages.contains(language), "no fixture in \(language)")
        }
        let styles = Set(Self.cases.map(\.style))
        for style in ["gmail", "outlook", "outlook-mac", "apple-mail", "thunderbird", "yahoo", "gmx", "mail.ru", "qq",
                      "lotus", "carrier", "interleaved", "forward", "disclaimer", "mobile", "negative"] {
            #expect(styles.contains(style), "no fixture in style \(style)")
        }
    }

    @Test(arguments: cases)
    func visibleTextIsTheNewText(_ item: Case) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(item.file), encoding: .utf8)
        let reply = ReplyExtractor.extract(BodyText(plain: text))
        #expect(reply.visible == item.visible)
    }

    @Test(arguments: cases)
    func nothingIsLost(_ item: Case) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(item.file), encoding: .utf8)
        let reply = ReplyExtractor.extract(BodyText(plain: text))
        let words = { (s: String) in s.split(whereSeparator: { $0.isWhitespace }).count }
        #expect(words(reply.visible) + words(reply.quoted) + words(reply.signature) == words(text))
    }
}
