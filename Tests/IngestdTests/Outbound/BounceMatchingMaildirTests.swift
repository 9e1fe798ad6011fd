import Foundation
import Logging
import ServiceLifecycle
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// Issue 7's DSN path through a Maildir source of `serve` (the `maildirs:` section): actions sent through a private
/// Postfix, one to an address its transport refuses after accepting it (EX_NOUSER); Postfix's real DSN (RFC 3464)
/// is delivered into the Maildir as an MTA does (tmp/, then a rename into new/); the daemon's Maildir service reads
/// it through ``BounceMatchingSink`` and the action turns to `error` `bounced` with the status code in words.
@Suite(.serialized) struct BounceMatchingMaildirTests {
    @Test(.timeLimit(.minutes(1)))
    func aDSNDeliveredIntoAServedMaildirTurnsItsActionToBounced() async throws {
        let postfix: PostfixServer
        do { postfix = try PostfixServer(.init(bouncing: ["gone@customer.example"])) } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: postfix.port,
                                                     emails: { $0 == 1 ? "gone@customer.example" : nil })
        defer { fixture.remove() }
        #expect(try await fixture.service().runPass().sent == 3)
        // Two deliveries and the DSN to the envelope sender (collections@acme.example), all in the sink.
        let sunk = await postfix.waitForSink(count: 3)
        let dsn = try #require(sunk.first { String(decoding: $0.data, as: UTF8.self).contains("multipart/report") },
                               "no DSN; postfix log: \(postfix.log().suffix(600))")
        #expect(try await fixture.store.action(ActionID(2))?.status == .done, "accepted before it bounced")

        let maildir = fixture.directory.appendingPathComponent("replies")
        let environment = DaemonEnvironment(
            configuration: try ConfigurationFile.parse("""
                maildirs:
                  - name: replies
                    path: \(maildir.path)
                    interval_seconds: 1
                """, environment: [:]),
            store: fixture.store, logger: Logger(label: "test"))
        let services = try await MaildirComponent.services(in: environment)
        #expect(services.count == 1)
        let service = try #require(services.first)
        let running = Task { try await service.run() }
        defer { running.cancel() }

        let name = "\(Int(Date().timeIntervalSince1970)).M1P\(getpid()).ingestd-test"
        let temporary = maildir.appendingPathComponent("tmp/\(name)")
        try dsn.data.write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: maildir.appendingPathComponent("new/\(name)"))

        let deadline = Date(timeIntervalSinceNow: 20)
        var action = try #require(try await fixture.store.action(ActionID(2)))
        while action.status != .error && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            action = try #require(try await fixture.store.action(ActionID(2)))
        }
        #expect(action.status == .error && action.errorCause == .bounced)
        #expect(action.errorDetail?.hasPrefix("5.1.1 mailbox unknown (userunknown") == true, "\(action.errorDetail ?? "nil")")
        for id in [Int64(1), 3] {
            #expect(try await fixture.store.action(ActionID(id))?.status == .done, "action \(id)")
        }
        let stored = try await fixture.store.bounces(after: nil, limit: 5)
        #expect(stored.count == 1 && stored.first?.recipients.first?.address == "gone@customer.example")
        #expect(stored.first?.action == ActionID(2))
        running.cancel()
        _ = await running.result
        let current = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path)
        #expect(current.count == 1 && current.first?.hasPrefix(name) == true, "the DSN was moved to cur/")
    }
}
