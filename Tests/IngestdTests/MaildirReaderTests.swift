import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// Maildir: new/ then cur/, tmp/ ignored, new/ moved to cur/ with `:2,S` only after the sink stored the message.
@Suite struct MaildirReaderTests {
    /// A Maildir with two messages in new/, one in cur/ and one delivery in progress in tmp/.
    static func maildir() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)")
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func write(_ folder: String, _ name: String, _ subject: String) throws {
            try PipelineFixture.mail([("From", "tom.baker@northwind.example"), ("Subject", subject),
                                      ("Message-ID", "<\(name)@northwind.example>")], body: "About INV-10233.")
                .write(to: root.appendingPathComponent(folder).appendingPathComponent(name))
        }
        try write("new", "1764000001.M1P1.host", "maildir new 1")
        try write("new", "1764000002.M2P1.host", "maildir new 2")
        try write("cur", "1764000000.M0P1.host:2,RS", "maildir old")
        try write("tmp", "1764000003.M3P1.host", "in progress")
        return root
    }

    static func names(_ root: URL, _ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
    }

    @Test(arguments: [("1764000001.M1P1.host", "1764000001.M1P1.host:2,S"), ("a:2,F", "a:2,FS"), ("a:2,S", "a:2,S"),
                      ("a:2,TR", "a:2,RST"), ("a:1,x", "a:2,S")])
    func theSeenNameAddsTheSFlag(name: String, seen: String) {
        #expect(MaildirReader.seenName(name) == seen)
    }

    @Test func messagesMoveToCurOnlyAfterTheSinkStoredThem() async throws {
        let root = try Self.maildir()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let pipeline = try fixture.pipeline()
        var seen: [String] = []
        let report = try await MaildirReader(root: root).read { file in
            // While the sink runs, the message is still where it was delivered.
            #expect(FileManager.default.fileExists(atPath: file.origin))
            let stored = try await pipeline.accept(raw: file.raw, source: nil, receivedAt: PipelineFixture.now)
            #expect(try await fixture.store.rawMessage(stored.id) == file.raw)
            seen.append(URL(fileURLWithPath: file.origin).lastPathComponent)
        }
        #expect(seen == ["1764000001.M1P1.host", "1764000002.M2P1.host", "1764000000.M0P1.host:2,RS"])
        #expect(report.read == 3 && report.moved == 2 && report.unreadable.isEmpty && report.unmoved.isEmpty)
        #expect(try Self.names(root, "new").isEmpty)
        #expect(try Self.names(root, "cur") == ["1764000000.M0P1.host:2,RS", "1764000001.M1P1.host:2,S",
                                                 "1764000002.M2P1.host:2,S"])
        #expect(try Self.names(root, "tmp") == ["1764000003.M3P1.host"])
    }

    @Test func aMessageTheSinkFailedOnStaysInNew() async throws {
        let root = try Self.maildir()
        defer { try? FileManager.default.removeItem(at: root) }
        struct StoreDown: Error {}
        var calls = 0
        await #expect(throws: StoreDown.self) {
            _ = try await MaildirReader(root: root).read { _ in
                calls += 1
                if calls == 2 { throw StoreDown() }
            }
        }
        #expect(try Self.names(root, "new") == ["1764000002.M2P1.host"])
        #expect(try Self.names(root, "cur").contains("1764000001.M1P1.host:2,S"))
        // The next pass (new/ only, as a poller does) picks it up.
        let report = try await MaildirReader(root: root).read(includeCur: false) { _ in }
        #expect(try report.read == 1 && report.moved == 1 && Self.names(root, "new").isEmpty)
    }

    @Test func aFolderIsAMaildirWhenItHoldsCurAndNew() throws {
        let root = try Self.maildir()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(MaildirReader.isMaildir(root))
        #expect(!MaildirReader.isMaildir(root.appendingPathComponent("cur")))
        let inputs = MailInput.resolve([root.path, root.appendingPathComponent("new").path])
        #expect(inputs.count == 3)
        guard case .maildir(let url) = inputs.first else { Issue.record("not a Maildir: \(inputs)"); return }
        #expect(url.standardizedFileURL.path == root.standardizedFileURL.path)
        // new/ alone is a plain folder: its files have no .eml extension, so they are skipped.
        #expect(inputs.dropFirst().map { if case .skipped(let url) = $0 { url.lastPathComponent } else { "" } }
                == ["1764000001.M1P1.host", "1764000002.M2P1.host"])
    }
}
