import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// `ingestd ingest` end to end: the built executable over `samples/`, an mbox and a Maildir, into a store the test
/// prepared with the customers the samples answer.
@Suite struct IngestCommandTests {
    static let model = TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path

    static func summary(_ stdout: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    /// Every reply of the replies tab.
    static func replies(_ fixture: PipelineFixture) async throws -> [ReplyRow] {
        try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!, limit: 100)).rows
    }

    @Test func theSamplesAreStoredMatchedAndClassifiedOnce() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        // The four messages at the top of samples/ (samples/demo/ holds the demo's).
        let samples = TestPaths.packageRoot.appendingPathComponent("samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
            .filter { $0.hasSuffix(".eml") }.map { samples.appendingPathComponent($0).path }
        let arguments = ["ingest", "--store", fixture.path, "--model", Self.model, "--now", "2026-11-24T09:00:00Z",
                         "--json"] + files
        let first = try runIngestd(arguments)
        try #require(first.status == 0, "exit \(first.status): \(first.stderr)")
        let summary = try Self.summary(first.stdout)
        #expect(summary["read"] as? Int == 4 && summary["stored"] as? Int == 4 && summary["duplicates"] as? Int == 0)
        #expect(summary["kinds"] as? [String: Int] == ["reply": 2, "auto_reply": 1, "bounce": 1])
        // Both replies and the out-of-office carry a capture token; the bounce returns the reminder's Message-ID.
        #expect(summary["correlations"] as? [String: Int] == ["capture_token": 3, "in_reply_to": 1])
        #expect(summary["matched"] as? Int == 4 && summary["unmatched"] as? Int == 0)
        #expect(summary["quarantined"] as? Int == 0 && summary["skipped"] as? Int == 0)
        // F-118 promised, F-121 disputed, RE-2026-0412 paid.
        #expect(summary["proposals"] as? Int == 3)
        var proposals: [String] = []
        for row in try await Self.replies(fixture) {
            proposals += try await fixture.store.proposals(of: row.message)
                .map { "\($0.itemNumber) \($0.proposed.qualification?.rawValue ?? "")" }
        }
        #expect(proposals.sorted() == ["F-118 promise_to_pay", "F-121 dispute", "RE-2026-0412 ongoing"])

        let again = try runIngestd(arguments)
        #expect(again.status == 0)
        let second = try Self.summary(again.stdout)
        #expect(second["read"] as? Int == 4 && second["stored"] as? Int == 0 && second["duplicates"] as? Int == 4)
    }

    @Test func anMboxAMaildirAndAMissingPathInOneRun() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let maildir = try MaildirReaderTests.maildir()
        defer { try? FileManager.default.removeItem(at: maildir) }
        let mbox = fixture.folder.appendingPathComponent("archive.mbox")
        try Data(MboxReaderTests.mbox.utf8).write(to: mbox)
        let result = try runIngestd(["ingest", "--store", fixture.path, "--model", Self.model,
                                     mbox.path, maildir.path, fixture.folder.appendingPathComponent("nothing-here").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("read 6  stored 6  duplicates 0  quarantined 0  unreadable 1"), "\(result.stdout)")
        #expect(result.stdout.contains("maildir: 2 moved from new/ to cur/"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path).isEmpty)
        // Arrival times: the mbox "From " line's date.
        var arrivals: [Date] = []
        for row in try await Self.replies(fixture) where try await fixture.store.inboundRecord(row.message)?.subject == "one" {
            arrivals.append(row.receivedAt)
        }
        #expect(arrivals == [ISO8601DateFormatter().date(from: "2026-11-24T08:00:12Z")!])
    }

    @Test(arguments: [
        (["ingest", "samples"], "--store PATH or --data-dir DIR"),
        (["ingest", "--store", "/tmp/x.sqlite", "--data-dir", "/tmp", "samples"], "--store PATH or --data-dir DIR"),
        (["ingest", "--store", "/tmp/x.sqlite", "--now", "tomorrow", "samples"], "ISO-8601"),
    ])
    func badUsageIsRefusedBeforeAnythingIsRead(arguments: [String], message: String) throws {
        let result = try runIngestd(arguments)
        #expect(result.status == 64 && result.stderr.contains(message), "\(result.status) \(result.stderr)")
    }

    @Test func aStoreThatCannotBeOpenedExitsWith3() throws {
        let result = try runIngestd(["ingest", "--store", "/proc/no/such/agenda.sqlite", "--model", Self.model,
                                     TestPaths.packageRoot.appendingPathComponent("samples").path])
        #expect(result.status == 3 && result.stderr.contains("cannot open the store"), "\(result.stderr)")
    }
}
