import Foundation
import Testing

/// `ingestd inspect` against the contract of DESIGN.md, run as a real process.
@Suite struct InspectCommandTests {
    static let requiredKeys = ["file", "message_id", "from", "subject", "date", "kind", "language", "reply", "bounce",
                               "auto_reply", "classification", "summary", "items", "redirect_contact", "defects", "parts"]

    static func rows(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "row is not a JSON object: \(line.prefix(80))")
        }
    }

    @Test func everySharedFixtureGetsOneValidRowInOrder() throws {
        let fixtures = TestPaths.shared.appendingPathComponent("fixtures")
        let files = TestPaths.files(under: fixtures).map(\.path)
        try #require(files.count > 500, "shared fixtures not found at \(fixtures.path); set INGESTD_SHARED")
        for start in stride(from: 0, to: files.count, by: 200) {
            let batch = Array(files[start..<min(start + 200, files.count)])
            let result = try runIngestd(["inspect", "--json"] + batch)
            #expect(result.status == 0, "exit \(result.status): \(result.stderr.prefix(300))")
            let rows = try Self.rows(result.stdout)
            #expect(rows.map { $0["file"] as? String } == batch)
            for row in rows {
                for key in Self.requiredKeys { #expect(row.keys.contains(key), "\(row["file"] ?? "?") lacks \(key)") }
                #expect(["reply", "auto_reply", "bounce", "feedback_report", "comment", "other"]
                    .contains(row["kind"] as? String ?? ""))
                let reply = try #require(row["reply"] as? [String: Any])
                #expect(reply["visible"] is String)
            }
        }
    }

    @Test func unreadableFileGetsAnErrorRowAndExitStatusOne() throws {
        let sample = TestPaths.packageRoot.appendingPathComponent("samples/auto-reply-en-out-of-office.eml").path
        let result = try runIngestd(["inspect", "--json", "/nonexistent/reply.eml", sample])
        #expect(result.status == 1)
        let rows = try Self.rows(result.stdout)
        #expect(rows.count == 2)
        #expect(rows.first?["file"] as? String == "/nonexistent/reply.eml")
        #expect((rows.first?["error"] as? String)?.contains("no such file") == true)
        #expect(rows.last?["error"] == nil)
        #expect(rows.last?["kind"] is String)
    }

    @Test func textFormatKeepsTheBodyAsVisible() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-text-\(getpid()).txt")
        try Data("Nous paierons F-118 vendredi.\r\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runIngestd(["inspect", "--format", "text", "--json", file.path])
        #expect(result.status == 0)
        let reply = try #require(try Self.rows(result.stdout).first?["reply"] as? [String: Any])
        #expect(reply["visible"] as? String == "Nous paierons F-118 vendredi.")
    }

    @Test func badContextFileIsAUsageError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ctx-\(getpid()).json")
        try Data("{\"now\": \"yesterday\"}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let sample = TestPaths.packageRoot.appendingPathComponent("samples/auto-reply-en-out-of-office.eml").path
        let result = try runIngestd(["inspect", "--context", file.path, sample])
        #expect(result.status == 64)
        #expect(result.stderr.contains("ISO-8601"))
    }

    @Test func readableReportNamesFileKindAndParts() throws {
        let sample = TestPaths.packageRoot.appendingPathComponent("samples/reply-de-outlook-paid.eml").path
        let result = try runIngestd(["inspect", sample])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("== \(sample)\n"))
        #expect(result.stdout.contains("Kind:"))
        #expect(result.stdout.contains("--- visible"))
    }
}
