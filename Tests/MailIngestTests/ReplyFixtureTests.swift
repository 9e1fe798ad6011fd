import Foundation
import Testing
import MailIngest

/// Scores ``ReplyExtractor`` on the shared reply fixtures (`../shared/fixtures/replies`, format `text`) with the
/// strict rule of `shared/tools/score-replies`, and holds the score as a floor.
@Suite struct ReplyFixtureTests {
    /// Strict passes reached on the 107 text cases; lower means a regression.
    static let strictFloor = 107
    /// Strict passes reached on the non-English text cases (29 of them).
    static let nonEnglishFloor = 29

    struct Case: Decodable {
        struct Checks: Decodable {
            var eq: [String]
            var has: [String]
            var not: [String]
        }
        var id: String
        var file: String
        var format: String
        var lang: String
        var checks: Checks
    }

    @Test func strictScoreOnTextCasesHoldsTheFloor() throws {
        let root = try #require(SharedFixtures.replies, "shared fixtures not found: set INGESTD_SHARED")
        let cases = try SharedFixtures.loadCases(root).filter { $0.format == "text" }
        #expect(cases.count == 107)
        var failing: [String] = []
        var nonEnglishPassed = 0
        for item in cases {
            let text = try String(contentsOf: root.appendingPathComponent(item.file), encoding: .utf8)
            let visible = ReplyExtractor.extract(BodyText(plain: text)).visible
            if Self.passesStrict(visible, item.checks) {
                if item.lang != "en" { nonEnglishPassed += 1 }
            } else {
                failing.append(item.id)
            }
        }
        let passed = cases.count - failing.count
        print("ReplyFixtureTests: \(passed)/\(cases.count) strict, non-English \(nonEnglishPassed); failing: \(failing)")
        #expect(passed >= Self.strictFloor, "failing: \(failing)")
        #expect(nonEnglishPassed >= Self.nonEnglishFloor)
    }

    /// The scorer's strict rule: equal to one `eq` entry (when given), every `has` present, no `not` present.
    static func passesStrict(_ visible: String, _ checks: Case.Checks) -> Bool {
        let got = normalize(visible)
        if !checks.eq.isEmpty && !checks.eq.map(normalize).contains(got) { return false }
        if checks.has.contains(where: { !got.contains(normalize($0)) }) { return false }
        if checks.not.contains(where: { got.contains(normalize($0)) }) { return false }
        return true
    }

    /// NFC, zero-width space and BOM removed, NBSP as space, white space runs collapsed (as score-replies does).
    static func normalize(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\u{200B}", with: "").replacingOccurrences(of: "\u{FEFF}", with: "")
            .replacingOccurrences(of: "\u{A0}", with: " ")
        return nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func normalizationMatchesTheScorer() {
        #expect(Self.normalize(" a\u{A0}\u{200B}b \r\n\n c\t") == "a b c")
        #expect(Self.normalize("e\u{301}") == "é")
    }
}

/// Finds the shared fixtures: `INGESTD_SHARED`, else `shared/` beside the package root or beside one of its parents.
enum SharedFixtures {
    static var replies: URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["INGESTD_SHARED"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Tests/MailIngestTests
            .deletingLastPathComponent().deletingLastPathComponent()                // package root
        for _ in 0..<3 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("shared"))
        }
        return candidates.map { $0.appendingPathComponent("fixtures/replies") }
            .first { fileManager.fileExists(atPath: $0.appendingPathComponent("cases.jsonl").path) }
    }

    static func loadCases(_ root: URL) throws -> [ReplyFixtureTests.Case] {
        let data = try Data(contentsOf: root.appendingPathComponent("cases.jsonl"))
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try JSONDecoder().decode(ReplyFixtureTests.Case.self, from: Data($0))
        }
    }
}
