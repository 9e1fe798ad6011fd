import AgendaStore
import FeedbackClassifier
import Foundation
import Testing
import WebUI
@testable import ingestd

/// `serve` uses a promoted model without a restart (`LiveModel`): reloaded at once after an install by the operators'
/// pages, and noticed before the next batch when another process (`ingestd train`) replaced the file.
@Suite struct LiveModelTests {
    /// The shipped model, and the same model under another name (other bytes, so another version).
    static func models() throws -> (Data, Data) {
        let shipped = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm"))
        var model = try FeedbackModel(decoding: shipped)
        model.intent.metadata.name = "promoted-by-test"
        return (shipped, try model.encoded())
    }

    static func reply(_ n: Int) -> Data {
        PipelineFixture.mail([("From", "Julien <j.dupont@boulangeries-reunies.example>"), ("To", "ar@acme.example"),
                              ("Subject", "Re: F-118"), ("Message-ID", "<live-\(n)@example>"),
                              ("Date", "Tue, 24 Nov 2026 08:00:00 +0000")],
                             body: "Bonjour, nous paierons la facture F-118 le 4 décembre. Cordialement (\(n))")
    }

    @Test func aModelFileReplacedByAnotherProcessIsUsedFromTheNextBatch() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let (first, second) = try Self.models()
        let path = fixture.folder.appendingPathComponent("model/feedback.igdm")
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try first.write(to: path, options: .atomic)
        let live = try LiveModel(explicit: path.path)
        let before = try #require(live.current.version)
        var configuration = InboundPipeline.Configuration(referenceDate: PipelineFixture.now)
        configuration.live = live
        let pipeline = InboundPipeline(store: fixture.store, configuration: configuration)

        let one = try await pipeline.process(raw: Self.reply(1), source: nil, receivedAt: PipelineFixture.now)
        #expect(try await fixture.store.inboundDetail(one.stored.id)?.analysis?.modelVersion == before)
        #expect(try live.refreshIfChanged() == false, "an unchanged file is not read again")

        // `ingestd train` promotes by writing the model file (atomically, a new inode).
        try second.write(to: path, options: .atomic)
        let two = try await pipeline.process(raw: Self.reply(2), source: nil, receivedAt: PipelineFixture.now)
        let after = try #require(try await fixture.store.inboundDetail(two.stored.id)?.analysis?.modelVersion)
        #expect(after != before && after == ModelLocator.version(explicit: path.path))
        #expect(live.current.version == after)
        #expect(try await fixture.store.inboundDetail(two.stored.id)?.analysis?.intent != nil, "still classified")
    }

    @Test func serveMeteredSinkClassifiesWithTheLiveModel() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        var configuration = InboundPipeline.Configuration(referenceDate: PipelineFixture.now)
        configuration.live = try LiveModel(explicit: TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path)
        let sink = MeteredInboundSink(pipeline: InboundPipeline(store: fixture.store, configuration: configuration),
                                      mailbox: "maildir/test")
        let outcome = try #require(try await sink.process(batch: [(raw: Self.reply(3), source: nil,
                                                                   receivedAt: PipelineFixture.now)]).first)
        let analysis = try #require(try await fixture.store.inboundDetail(outcome.stored.id)?.analysis)
        #expect(analysis.modelVersion == configuration.live?.current.version && analysis.intent != nil)
    }

    @Test func aFileThatDoesNotLoadKeepsTheModelInUse() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("feedback.igdm")
        try Self.models().0.write(to: path, options: .atomic)
        let live = try LiveModel(explicit: path.path)
        let version = live.current.version
        try Data("not a model".utf8).write(to: path, options: .atomic)
        #expect(throws: (any Error).self) { try live.refreshIfChanged() }
        #expect(live.current.version == version && live.current.interpreter != nil)
    }

    @Test func installingAVersionFromTheOperatorsPagesReloadsTheLiveModelAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-install-\(UUID().uuidString)")
        let candidates = folder.appendingPathComponent("candidates")
        try FileManager.default.createDirectory(at: candidates, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.models()
        let installed = folder.appendingPathComponent("feedback.igdm")
        try first.write(to: installed, options: .atomic)
        try second.write(to: candidates.appendingPathComponent("v2.igdm"), options: .atomic)
        let live = try LiveModel(explicit: installed.path)
        let before = live.current.version
        let store = try SQLiteAgendaStore(path: folder.appendingPathComponent("agenda.sqlite").path)
        let bridge = OperatorBridge(board: MailboxStatusBoard(), store: store, corpusDirectory: folder.path,
                                    modelPath: installed.path, candidateDirectory: candidates.path,
                                    templateDirectory: nil, pageLink: nil, live: live)
        try await bridge.install(version: "v2")
        #expect(live.current.version != before)
        #expect(live.current.version == ModelLocator.version(explicit: installed.path))
        #expect(try Data(contentsOf: installed) == second)
    }
}
