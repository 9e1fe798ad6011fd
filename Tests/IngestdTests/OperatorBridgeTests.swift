import AgendaStore
import Foundation
import Testing
import WebUI
@testable import ingestd

/// What `serve` gives the operators' pages: training and evaluation with the classifier's library code, model
/// installation, template preview, the pollers' board.
@Suite struct OperatorBridgeTests {
    /// A bridge over a fresh folder: a small corpus (English train and test lines of the shipped corpus), a copy of
    /// the shipped model as the installed one, a templates folder.
    struct Fixture {
        let folder: URL
        let bridge: OperatorBridge
        let store: SQLiteAgendaStore

        static func make(board: MailboxStatusBoard = MailboxStatusBoard()) throws -> Fixture {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("operator-bridge-\(UUID())")
            let corpus = folder.appendingPathComponent("corpus")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            let lines = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("corpus/replies/en.jsonl"),
                                   encoding: .utf8).split(separator: "\n")
            let small = lines.filter { $0.contains("\"split\": \"train\"") }.prefix(60)
                + lines.filter { $0.contains("\"split\": \"test\"") }.prefix(15)
            try (small.joined(separator: "\n") + "\n").write(to: corpus.appendingPathComponent("en.jsonl"),
                                                             atomically: true, encoding: .utf8)
            let installed = folder.appendingPathComponent("installed/feedback.igdm")
            try FileManager.default.createDirectory(at: installed.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm"),
                                             to: installed)
            let templates = folder.appendingPathComponent("templates/reminder")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try "Reminder for {{customer.name}}".write(to: templates.appendingPathComponent("en.subject.mustache"),
                                                        atomically: true, encoding: .utf8)
            try "{{#items}}{{number}} {{open_amount}} {{currency}}\n{{/items}}".write(
                to: templates.appendingPathComponent("en.text.mustache"), atomically: true, encoding: .utf8)
            let store = try SQLiteAgendaStore(path: folder.appendingPathComponent("agenda.sqlite").path)
            let bridge = OperatorBridge(board: board, store: store, corpusDirectory: corpus.path,
                                        modelPath: installed.path,
                                        candidateDirectory: folder.appendingPathComponent("candidates").path,
                                        templateDirectory: folder.appendingPathComponent("templates").path,
                                        pageLink: nil)
            return Fixture(folder: folder, bridge: bridge, store: store)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test(.timeLimit(.minutes(5)))
    func trainingWritesACandidateScoredOnTheTestSplitThatInstallsOverTheModel() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let trained = try await fixture.bridge.train(name: "tiny-1", extraExamples: Data())
        #expect(trained.version == "tiny-1")
        #expect(trained.metrics[ModelMetrics.count] == 15)
        let cells = Intent.allCases.flatMap { gold in
            Intent.allCases.compactMap { trained.metrics[ModelMetrics.confusion(gold: gold, predicted: $0)] }
        }
        #expect(cells.reduce(0, +) == 15, "every test reply lands in one confusion cell")
        let candidate = fixture.folder.appendingPathComponent("candidates/tiny-1.igdm")
        #expect(FileManager.default.fileExists(atPath: candidate.path))
        try await fixture.bridge.install(version: "tiny-1")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.bridge.modelPath)) == (try Data(contentsOf: candidate)))
        await #expect(throws: (any Error).self) { try await fixture.bridge.train(name: "../escape", extraExamples: Data()) }
    }

    @Test func evaluatingTheInstalledModelNamesItByItsDigest() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let evaluated = try await fixture.bridge.evaluateInstalled()
        #expect(evaluated.version.hasPrefix("feedback.igdm@fnv1a64:"))
        #expect(evaluated.metrics[ModelMetrics.count] == 15)
        #expect((evaluated.metrics[ModelMetrics.accuracy] ?? 0) > 0.5, "the shipped model reads English replies")
        // Installing the installed version changes nothing.
        try await fixture.bridge.install(version: evaluated.version)
    }

    @Test func installRefusesUnsafeNamesAndFilesThatAreNoModel() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.bridge.modelPath))
        let candidates = fixture.folder.appendingPathComponent("candidates")
        try FileManager.default.createDirectory(at: candidates, withIntermediateDirectories: true)
        try Data("not a model".utf8).write(to: candidates.appendingPathComponent("junk.igdm"))
        for version in ["junk", "../installed/feedback", "missing"] {
            await #expect(throws: (any Error).self, "\(version)") { try await fixture.bridge.install(version: version) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.bridge.modelPath)) == before)
    }

    @Test func previewRendersTheCustomersOpenItems() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        for (csv, kind) in [("key;name;language\nC1;Acme & Co;en\n", CSVImportConfiguration.identity(.customers)),
                            ("key;customer_key;kind;issue_date;due_date;amount;open_amount;currency\n"
                                + "F-1;C1;invoice;2026-01-01;2026-02-01;10;10;EUR\nF-2;C1;invoice;2026-01-01;2026-02-01;5;0;EUR\n",
                             .identity(.items))] {
            #expect(try await fixture.store.importCSV(Data(csv.utf8), configuration: kind, at: Date()).committed)
        }
        let customer = try #require(try await fixture.store.customer(externalKey: "C1"))
        let preview = try await fixture.bridge.preview(template: "reminder", customer: customer.id, language: nil)
        #expect(preview.subject == "Reminder for Acme & Co" && preview.language == "en")
        #expect(preview.text == "F-1 10.00 EUR\n", "paid items are left out")
        #expect(await fixture.bridge.templateNames() == ["reminder"])
        await #expect(throws: (any Error).self) {
            try await fixture.bridge.preview(template: "../reminder", customer: customer.id, language: nil)
        }
    }

    @Test func aQuarantinedMessageReadAgainGoesThroughThePipeline() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let olga = try await fixture.store.createUser(login: "olga", name: "Olga", role: .operator)
        let raw = Data("""
            From: Anne <anne@example.com>\r
            To: collections@example.org\r
            Subject: Re: invoice F-1\r
            Message-ID: <again@example.com>\r
            Date: Wed, 18 Nov 2026 10:00:00 +0000\r
            \r
            We will pay invoice F-1 next week.\r

            """.utf8)
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let id = try await fixture.store.storeInbound(InboundMessage(
            raw: raw, source: MailboxPosition(mailbox: "acme/INBOX", uidValidity: 3, uid: 11), kind: .other,
            receivedAt: at, quarantineReason: "correlation_failed"), analysis: nil).id
        let message = try #require(try await fixture.store.quarantinedMessage(id))
        let outcome = try await fixture.bridge.reprocess(message, by: olga)
        #expect(outcome.quarantineReason == nil)
        let detail = try #require(try await fixture.store.inboundDetail(outcome.id))
        #expect(detail.kind == .reply && detail.subject == "Re: invoice F-1" && detail.quarantineReason == nil)
        #expect(detail.analysis?.visibleText.contains("We will pay invoice F-1") == true, "classified with the model")
        #expect(try await fixture.store.quarantine(limit: 10).isEmpty)
    }

    @Test func mailboxStatusesComeFromThePollersBoard() async throws {
        let board = MailboxStatusBoard()
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        await board.stored("acme/INBOX", created: true, internalDate: at.addingTimeInterval(-2), at: at)
        await board.failed("acme/INBOX", error: "login refused", needsAttention: true, at: at)
        let fixture = try Fixture.make(board: board)
        defer { fixture.remove() }
        let statuses = await fixture.bridge.mailboxStatuses()
        #expect(statuses == [LiveMailboxStatus(key: "acme/INBOX", phase: "backing_off", lastError: "login refused",
                                               lastErrorAt: at, needsAttention: true, consecutiveFailures: 1,
                                               lagSeconds: 2, messagesToday: 1)])
    }
}
