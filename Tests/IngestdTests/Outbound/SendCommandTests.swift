import Foundation
import Testing
@testable import AgendaStore
@testable import ingestd

/// `ingestd send --dry-run` through the built executable: what would happen to each due action (sends, errors with
/// their cause, holds with their reason, the pause on an unreviewed reply included), nothing recorded.
@Suite struct SendCommandTests {
    static func dryRun(_ fixture: OutboundFixture) throws -> [String] {
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["send", "--store", fixture.storePath, "--config", fixture.configPath, "--dry-run"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return output.split(separator: "\n").map(String.init)
    }

    @Test func aDryRunSaysWhatWouldHappenAndChangesNothing() async throws {
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1, emails: { $0 == 0 ? "" : nil })
        defer { fixture.remove() }
        #expect(try Self.dryRun(fixture) == [
            "action 1 email: error contact_has_no_email: The collection contact has no email address.",
            "action 2 email: send by email",
        ])
        for id in [Int64(1), 2] {
            #expect(try await fixture.store.action(ActionID(id))?.status == .planned)
            #expect(try await fixture.store.sendRecord(ActionID(id)) == nil)
        }
    }

    /// The dry run shows the hold a pass applies to a customer whose reply waits for review (unless the
    /// configuration turns the pause off), and the pass that follows does hold that action with the same reason.
    @Test(arguments: [true, false])
    func aDryRunShowsTheHoldOnAnUnreviewedReply(pause: Bool) async throws {
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: 1, extra: {
            $0.pauseOnUnreviewedReply = pause
            $0.retry = .init(maxAttempts: 3, delaysSeconds: [600])
        })
        defer { fixture.remove() }
        try await OutboundPausingTests.unreviewedReply(fixture, customer: 1)
        let tomorrow = Day(date: Date()).adding(days: 1).iso
        let held = "action 2 email: held (unreviewed_reply) until \(tomorrow): "
            + "A reply from the customer waits for your review."
        #expect(try Self.dryRun(fixture) == [
            "action 1 email: send by email",
            pause ? held : "action 2 email: send by email",
            "action 3 email: send by email",
        ])
        #expect(try await fixture.store.sendRecord(ActionID(2)) == nil, "a dry run records nothing")
        // Port 1 refuses connections: the actions not held are retried later, nothing is sent.
        let report = try await fixture.service().runPass()
        #expect(report.held == (pause ? 1 : 0) && report.retried == (pause ? 2 : 3))
        #expect(try await fixture.store.sendRecord(ActionID(2))?.heldReason
                == (pause ? HoldReason.unreviewedReply.rawValue : nil))
    }

    /// The dry run applies each action's scenario settings, as a pass does: an open dispute holds the action when
    /// its scenario pauses on disputes, and does not when the scenario says to keep sending.
    @Test(arguments: [true, false])
    func aDryRunFollowsTheScenarioPauseOnDispute(pause: Bool) async throws {
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1, pauseOnDispute: pause)
        defer { fixture.remove() }
        let item = try #require(try await fixture.store.item(number: "F-0"))
        try await fixture.store.qualify(item.id, as: QualificationState(.dispute, disputeReason: .quality), by: nil,
                                        at: Date())
        let lines = try Self.dryRun(fixture)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(pause ? "action 1 email: held (open_dispute)" : "action 1 email: send by email") == true,
                "\(lines)")
        #expect(lines.last == "action 2 email: send by email")
    }
}
