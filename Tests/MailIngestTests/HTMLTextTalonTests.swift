import Foundation
import Testing
@testable import MailIngest

/// talon's HTML replies (`shared/fixtures/replies/talon-html`, expectations in `cases.jsonl`): the lines this layer
/// leaves unmarked, whitespace removed, must give the expected visible reply. Where the client put no markup around
/// the quoted part, the unmarked text only starts with it: the rest is for text-based reply extraction.
@Suite struct HTMLTextTalonTests {
    enum Match: Sendable {
        /// The unmarked text is the reply: the markup delimits the quote.
        case exact
        /// The unmarked text starts with the reply; what follows has no markup to recognise.
        case prefix(reason: String)
    }

    static let fixtures: [(String, Match)] = [
        ("gmail.html", .exact),
        ("hotmail.html", .exact),
        ("mail_ru.html", .prefix(reason: "the attribution line sits outside the blockquote")),
        ("ms_outlook_2003.html", .prefix(reason: "the header block follows a plain <hr>, no marked div")),
        ("ms_outlook_2007.html", .exact),
        ("ms_outlook_2010.html", .prefix(reason: "the From:/Sent: paragraph has no border div around it")),
        ("thunderbird.html", .exact),
        ("windows_mail.html", .exact),
        ("yandex_ru.html", .prefix(reason: "the attribution line sits inside the reply's own paragraph")),
    ]

    private struct Case: Decodable {
        struct Checks: Decodable { let eq: [String] }
        let suite: String
        let file: String
        let checks: Checks
    }

    private static func expectations() throws -> [String: String] {
        let url = HTMLFixtures.shared.appendingPathComponent("fixtures/replies/cases.jsonl")
        try #require(FileManager.default.fileExists(atPath: url.path),
                     "shared fixtures not found at \(HTMLFixtures.shared.path): put shared/ beside the package or set INGESTD_SHARED")
        let data = try Data(contentsOf: url)
        var result: [String: String] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let entry = try JSONDecoder().decode(Case.self, from: Data(line))
            if entry.suite == "talon-html", let visible = entry.checks.eq.first { result[entry.file] = visible }
        }
        return result
    }

    private static func withoutWhitespace(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    @Test(arguments: fixtures)
    func unmarkedLinesGiveTheVisibleReply(_ file: String, _ match: Match) throws {
        let expected = try #require(try Self.expectations()["talon-html/\(file)"], "no case for \(file)")
        let url = HTMLFixtures.shared.appendingPathComponent("fixtures/replies/talon-html/\(file)")
        let body = HTMLText.convert(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        let visible = Self.withoutWhitespace(body.lines.filter { !$0.quoted }.map(\.text).joined(separator: "\n"))
        let want = Self.withoutWhitespace(expected)
        switch match {
        case .exact:
            #expect(visible == want)
            // The quoted message is kept and marked, not dropped.
            #expect(body.lines.contains { $0.quoted && $0.text.contains("How are you?") })
        case .prefix:
            #expect(visible.hasPrefix(want))
            #expect(visible.count > want.count)
        }
    }

    @Test func everySharedCaseIsCovered() throws {
        let files = try Self.expectations().keys.sorted()
        #expect(files == Self.fixtures.map { "talon-html/\($0.0)" }.sorted())
    }
}
