import Foundation
import Testing

/// `ingestd corpus` and `ingestd evaluate` on the project's corpus and shipped model.
@Suite struct CorpusCommandTests {
    static let corpus = TestPaths.packageRoot.appendingPathComponent("corpus/replies").path

    @Test func statsCoverEveryLanguageWithoutWarnings() throws {
        let result = try runIngestd(["corpus", "stats", "--corpus", Self.corpus])
        #expect(result.status == 0, "\(result.stderr)")
        for lang in ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "tr", "hr", "ja", "zh"] {
            #expect(result.stdout.contains("\n\(lang) "), "no row for \(lang)")
        }
        #expect(result.stdout.contains("no coverage warnings"), "\(result.stdout.suffix(400))")
    }

    @Test func exportWritesOneValidLinePerReplyOfTheSplit() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runIngestd(["corpus", "export", "--corpus", Self.corpus, "--split", "test", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 500)
        for line in lines.prefix(50) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["split"] as? String == "test")
        }
    }

    @Test func evaluateReportsTheFrozenSplit() throws {
        let model = TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path
        let result = try runIngestd(["evaluate", "--model", model, "--corpus", Self.corpus])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("replies 609"))
        #expect(result.stdout.contains("macro-F1"))
        #expect(result.stdout.contains("items: qualification right"))
    }

    @Test func uncertainListsTheRequestedNumber() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("u-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"text\": \"ok\"}\n{\"text\": \"We will pay F-118 on Friday\"}\n{\"text\": \"hmm\"}\n".utf8).write(to: file)
        let model = TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path
        let result = try runIngestd(["corpus", "uncertain", "--model", model, "-n", "2", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
    }
}
