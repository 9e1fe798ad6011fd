import Foundation
import MailIngest
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// A real DSN: Postfix accepts the email, its transport fails with EX_NOUSER, the DSN (RFC 3464) goes back to the
/// envelope sender and lands in the sink; the project's own pipeline stores it, and the matcher turns the action to
/// `error` `bounced` with the reason. (In production the DSN comes from the reply mailbox through the poller.)
@Suite(.serialized) struct BounceMatcherPostfixTests {
    /// A private Postfix whose transport bounces `bounce@customer.example`.
    static func bouncingPostfix() throws -> PostfixServer {
        do { return try PostfixServer(.init(bouncing: ["bounce@customer.example"])) } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
    }

    /// Three actions sent through `postfix`, the one at `index` to the bouncing address: two deliveries and one DSN
    /// to collections@acme.example land in the sink; returns the DSN.
    static func sendThree(_ fixture: OutboundFixture, _ postfix: PostfixServer) async throws -> Data {
        #expect(try await fixture.service().runPass().sent == 3)
        let sunk = await postfix.waitForSink(count: 3)
        return try #require(sunk.first { String(decoding: $0.data, as: UTF8.self).contains("multipart/report") }).data
    }

    @Test func aPostfixDSNTurnsTheSentActionToBounced() async throws {
        let postfix = try Self.bouncingPostfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: postfix.port,
                                                     emails: { $0 == 2 ? "bounce@customer.example" : nil })
        defer { fixture.remove() }
        let dsn = try await Self.sendThree(fixture, postfix)
        let pipeline = InboundPipeline(store: fixture.store)
        let outcome = try await pipeline.process(raw: dsn, source: nil, receivedAt: Date())
        #expect(outcome.kind == .bounce)

        let matcher = BounceMatcher(store: fixture.store)
        let result = try await matcher.run(after: nil)
        #expect(result.bounced == [ActionID(3)] && result.ignored == 0)
        let action = try #require(try await fixture.store.action(ActionID(3)))
        #expect(action.status == .error && action.errorCause == .bounced)
        #expect(action.errorDetail?.hasPrefix("5.1.1 mailbox unknown (userunknown") == true,
                "\(action.errorDetail ?? "nil")")
        #expect(try await fixture.store.action(ActionID(1))?.status == .done)
        // Again from the start: nothing changes.
        let again = try await matcher.run(after: nil)
        #expect(again.bounced.isEmpty && again.ignored == 1)
        #expect(try await matcher.run(after: result.cursor).bounced.isEmpty)
    }

    /// The same real DSN with less in it: without the returned Message-ID the envelope id (`action-N`) names the
    /// action; without either, the failed recipient's customer and its last email sent before the DSN.
    @Test(arguments: ["envelope id", "recipient"])
    func aDSNWithoutTheReturnedMessageIDIsStillMatched(clue: String) async throws {
        let postfix = try Self.bouncingPostfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: postfix.port,
                                                     emails: { $0 == 1 ? "bounce@customer.example" : nil })
        defer { fixture.remove() }
        let original = try await Self.sendThree(fixture, postfix)
        var text = String(decoding: original, as: UTF8.self)
        #expect(DSNEnvelopeID.find(in: original) == "action-2")
        // Hide the returned headers' Message-ID (and References, In-Reply-To if any).
        text = text.replacingOccurrences(of: "Message-ID: <action-", with: "X-Hidden: <action-")
        if clue == "recipient" {
            text = text.replacingOccurrences(of: "Original-Envelope-Id: action-2", with: "X-Hidden: action-2")
        }
        let sink = BounceMatchingSink(pipeline: InboundPipeline(store: fixture.store),
                                      matcher: BounceMatcher(store: fixture.store))
        _ = try await sink.accept(raw: Data(text.utf8), source: nil, receivedAt: Date())
        let stored = try #require(try await fixture.store.bounces(after: nil, limit: 5).first)
        #expect(stored.originalMessageID == nil, "the Message-ID is hidden")
        let action = try #require(try await fixture.store.action(ActionID(2)))
        #expect(action.status == .error && action.errorCause == .bounced, "\(clue): \(action.status)")
        #expect(try await fixture.store.action(ActionID(1))?.status == .done)
    }

    @Test func softFailuresDoNotBounce() {
        let soft = StoredBounce(message: InboundMessageID(1), receivedAt: Date(), customer: nil, action: nil,
                                originalMessageID: "action-1.x@acme.example",
                                recipients: [BounceRecipient(address: "a@b", status: "4.2.2", reason: "mailboxfull",
                                                             hard: false)])
        #expect(BounceMatcher.detail(soft) == nil)
        var hard = soft
        hard.recipients.append(BounceRecipient(address: "c@d", status: "5.1.1", replyCode: "550", reason: "userunknown",
                                               hard: true, diagnostic: "550 5.1.1 User unknown"))
        #expect(BounceMatcher.detail(hard) == "5.1.1 mailbox unknown (userunknown, reply 550): 550 5.1.1 User unknown")
        let bare = BounceRecipient(address: "e@f", reason: "hostunknown", hard: true)
        #expect(BounceMatcher.detail(StoredBounce(message: InboundMessageID(2), receivedAt: Date(), customer: nil,
                                                  action: nil, originalMessageID: nil, recipients: [bare]))
                == "hostunknown")
    }
}
