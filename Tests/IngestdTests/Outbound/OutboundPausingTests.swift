import Foundation
import Testing
@testable import AgendaStore
@testable import ingestd

/// Pausing and rescheduling (issue 7, item 1): a customer with a reply waiting for review is held with the reason
/// shown (unless the configuration turns the pause off); `ingestd reschedule` moves an action, and an action in
/// error goes back to the queue.
@Suite(.serialized) struct OutboundPausingTests {
    /// Stores a reply from customer `index`'s contact with one open proposal on its invoice.
    static func unreviewedReply(_ fixture: OutboundFixture, customer index: Int) async throws {
        let customer = try #require(try await fixture.store.customer(externalKey: "C\(index)"))
        let analysis = MessageAnalysis(visibleText: "We pay F-\(index) on Friday.", intent: .promiseToPay,
                                       confidence: 0.9, summary: "Promise", proposals: [
            ProposalInput(itemNumber: "F-\(index)", proposed: QualificationState(.promiseToPay), confidence: 0.9),
        ])
        _ = try await fixture.store.storeInbound(InboundMessage(raw: Data("reply \(index)".utf8), kind: .reply,
                                                                receivedAt: Date(), customer: customer.id,
                                                                correlation: .senderAddress), analysis: analysis)
    }

    @Test(arguments: [true, false])
    func aCustomerWithAReplyWaitingForReviewIsHeld(pause: Bool) async throws {
        // Port 1 refuses connections: an action that is not held fails for now (retried), nothing is sent.
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1,
                                                     extra: {
            $0.pauseOnUnreviewedReply = pause
            $0.retry = .init(maxAttempts: 3, delaysSeconds: [600])
        })
        defer { fixture.remove() }
        try await Self.unreviewedReply(fixture, customer: 0)
        let report = try await fixture.service().runPass()
        #expect(report.claimed == 2 && report.sent == 0)
        #expect(report.held == (pause ? 1 : 0) && report.retried == (pause ? 1 : 2))
        let record = try #require(try await fixture.store.sendRecord(ActionID(1)))
        #expect(record.heldReason == (pause ? HoldReason.unreviewedReply.rawValue : nil))
        #expect(try await fixture.store.action(ActionID(1))?.status == .planned)
    }

    @Test func rescheduleMovesAnActionAndPutsAnErrorBackInTheQueue() async throws {
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1, emails: { $0 == 1 ? "" : nil },
                                                     extra: { $0.retry = .init(maxAttempts: 3, delaysSeconds: [600]) })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.failedBeforeSend == 1)
        #expect(try await fixture.store.action(ActionID(2))?.errorCause == .contactHasNoEmail)
        let later = OutboundFixture.today.adding(days: 3)

        let moved = try Self.reschedule(fixture, ["--action", "1", "--date", later.iso, "--reason", "customer_request"])
        #expect(moved.status == 0 && moved.output == "action 1: planned on \(later.iso)\n", "\(moved)")
        let fixed = try Self.reschedule(fixture, ["--action", "2", "--date", later.iso])
        #expect(fixed.status == 0 && fixed.output == "action 2: planned on \(later.iso)\n", "\(fixed)")
        let action = try #require(try await fixture.store.action(ActionID(2)))
        #expect(action.errorCause == nil && action.plannedDate == later)
        // Nothing is due today any more.
        #expect(try await fixture.service().runPass().claimed == 0)

        let bad = try Self.reschedule(fixture, ["--action", "1", "--date", "tomorrow"])
        #expect(bad.status != 0)
        let missing = try Self.reschedule(fixture, ["--action", "99", "--date", later.iso])
        #expect(missing.status != 0 && missing.errors.contains("not_found"), "\(missing)")
    }

    static func reschedule(_ fixture: OutboundFixture, _ arguments: [String]) throws
        -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["reschedule", "--store", fixture.storePath] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, errors)
    }
}
