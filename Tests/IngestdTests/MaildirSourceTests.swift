import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// The daemon's Maildir source: new/ only, pass after pass, until cancelled.
@Suite struct MaildirSourceTests {
    @Test func aPassReadsNewOnlyAndLaterDeliveriesArePickedUp() async throws {
        let root = try MaildirReaderTests.maildir()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let source = MaildirSource(root: root, interval: .milliseconds(50))
        let first = try await source.poll(into: try fixture.pipeline())
        #expect(first.read == 2 && first.moved == 2)
        #expect(try MaildirReaderTests.names(root, "cur").count == 3)

        let pipeline = try fixture.pipeline()
        let runner = Task { await source.run(into: pipeline) }
        defer { runner.cancel() }
        // Delivered as an MTA does: written in tmp/, then renamed into new/.
        let delivery = root.appendingPathComponent("tmp/1764000009.M9P1.host")
        try PipelineFixture.mail([("From", "late@nowhere.example"), ("Subject", "late"),
                                  ("Message-ID", "<late@nowhere.example>")], body: "Hello.").write(to: delivery)
        try FileManager.default.moveItem(at: delivery, to: root.appendingPathComponent("new/1764000009.M9P1.host"))
        // The file moves to cur/ after its message is stored: wait (up to 5 s) for both.
        var unmatched: [InboundRecord] = []
        var moved = false
        for _ in 0..<100 where unmatched.isEmpty || !moved {
            try await Task.sleep(for: .milliseconds(50))
            unmatched = try await fixture.store.inboundQueue(.unmatched, limit: 5)
            moved = try MaildirReaderTests.names(root, "cur").contains("1764000009.M9P1.host:2,S")
        }
        #expect(unmatched.map(\.messageID) == ["late@nowhere.example"])
        #expect(moved, "the delivered file was not moved to cur/")
    }
}
