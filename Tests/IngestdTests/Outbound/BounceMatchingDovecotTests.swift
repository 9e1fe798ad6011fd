import Foundation
import MailIngest
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// Issue 7's DSN path end to end with real servers: actions sent through a private Postfix, one to an address its
/// transport refuses after accepting it (EX_NOUSER); Postfix's DSN (RFC 3464) goes to the envelope sender, routed
/// by LMTP into a private Dovecot's INBOX; the IMAP poller fetches it through ``BounceMatchingSink`` (the pipeline,
/// then DSN matching), and the action turns to `error` `bounced` with the status code in words.
@Suite(.serialized, .enabled(if: IMAPConnector.isAvailable, "needs the libetpan IMAP session"))
struct BounceMatchingDovecotTests {
    @Test func aDSNPolledFromTheReplyMailboxTurnsItsActionToBouncedWithTheStatusCode() async throws {
        let dovecot = try DovecotServer(users: ["alice": "secret"])
        defer { dovecot.stop() }
        let postfix: PostfixServer
        do {
            postfix = try PostfixServer(.init(bouncing: ["gone@customer.example"],
                                              routes: ["acme.example": "lmtp:inet:127.0.0.1:\(dovecot.lmtpPort)"]))
        } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: postfix.port,
                                                     emails: { $0 == 1 ? "gone@customer.example" : nil },
                                                     extra: { $0.envelopeFrom = "alice@acme.example" })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.sent == 3)
        #expect(await postfix.waitForSink(count: 2).count == 2, "the two good addresses are delivered")

        // The DSN reaches Dovecot by LMTP a moment later (Postfix's bounce daemon, then its LMTP client).
        let deadline = Date(timeIntervalSinceNow: 20)
        while try MailboxPollerDovecotTests.count(dovecot, ["ALL"]) == 0 && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let sink = BounceMatchingSink(pipeline: InboundPipeline(store: fixture.store),
                                      matcher: BounceMatcher(store: fixture.store))
        let poller = MailboxPollerDovecotTests.poller(
            MailFixtures.mailbox(batch: 10, settings: MailboxPollerDovecotTests.settings(dovecot)), sink: sink,
            store: fixture.store)
        #expect(try await poller.drain() == 1, "one DSN in the reply mailbox; postfix log: \(postfix.log().suffix(800))")

        let bounced = try #require(try await fixture.store.action(ActionID(2)))
        #expect(bounced.status == .error && bounced.errorCause == .bounced)
        let detail = bounced.errorDetail ?? ""
        #expect(detail.hasPrefix("5.1.1 mailbox unknown (userunknown"), "\(detail)")
        #expect(ErrorCause.bounced.sentence.isEmpty == false)
        for id in [Int64(1), 3] {
            #expect(try await fixture.store.action(ActionID(id))?.status == .done, "action \(id)")
        }
        let stored = try await fixture.store.bounces(after: nil, limit: 10)
        #expect(stored.count == 1 && stored[0].recipients.first?.address == "gone@customer.example")
        #expect(stored[0].recipients.first?.status == "5.1.1")
        // Polling again, or the daemon's sweep over every stored bounce, changes nothing.
        #expect(try await poller.drain() == 0)
        let swept = try await BounceMatcher(store: fixture.store).sweep(after: nil)
        #expect(swept.bounced.isEmpty && swept.ignored == 1)
    }
}
