import Foundation
import MailIngest
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// The scheduler service end to end against a private Postfix: what lands in the sink (headers, capture address,
/// Message-ID naming the action), refused and deferred recipients, causes found before any send.
@Suite(.serialized) struct OutboundServicePostfixTests {
    static func postfix() throws -> PostfixServer {
        do {
            return try PostfixServer(.init(rejections: ["reject@customer.example": "550 5.1.1 User unknown",
                                                        "defer@customer.example": "450 4.2.1 Mailbox busy"]))
        } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
    }

    @Test func sendsLandWithTheRightHeadersCaptureAddressAndMessageID() async throws {
        let postfix = try Self.postfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 4, smtpPort: postfix.port)
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.claimed == 4 && report.sent == 4 && report.rejected == 0 && report.toVerify == 0)
        let delivered = await postfix.waitForSink(count: 4)
        #expect(delivered.count == 4)
        let byID = Dictionary(uniqueKeysWithValues: delivered.map { (MessageParser().parse($0.data).messageID ?? "", $0) })
        for index in 0..<4 {
            let action = try #require(try await fixture.store.action(ActionID(Int64(index + 1))))
            #expect(action.status == .done && action.doneDate != nil)
            let messageID = try #require(action.outboundMessageID)
            #expect(messageID.hasPrefix("action-\(action.id.rawValue).") && messageID.hasSuffix("@acme.example"))
            let sunk = try #require(byID[messageID], "action \(action.id) not delivered")
            let parsed = MessageParser().parse(sunk.data)
            let token = try await fixture.store.captureToken(for: action.customer)
            #expect(parsed.replyTo.map(\.address) == ["replies+\(token)@acme.example"])
            #expect(try await fixture.store.resolveCaptureToken(token)?.customer == action.customer)
            #expect(parsed.to.map(\.address) == ["customer\(index)@customer.example"])
            #expect(parsed.from?.address == "collections@acme.example" && parsed.from?.name == "Acme Collections")
            #expect(parsed.root.contentType.mimeType == "multipart/alternative")
            let text = try #require(parsed.root.leaves.first?.decodedText()?.text)
            #expect(text.contains("F-\(index)") && text.contains("1250.50") && text.contains("https://pay.acme.example/C\(index)"))
            if index % 2 == 0 {
                #expect(parsed.subject == "Relance : facture F-\(index) échue")
            } else {
                #expect(parsed.subject == "Reminder: F-\(index) is overdue")
            }
            let record = try #require(try await fixture.store.sendRecord(action.id))
            #expect(record.queueID == sunk.queueID && record.attempts == 1)
        }
    }

    @Test func aRefusedRecipientIsAddressRejectedWithTheServersWords() async throws {
        let postfix = try Self.postfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 3, smtpPort: postfix.port,
                                                     emails: { $0 == 1 ? "reject@customer.example" : nil })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.sent == 2 && report.rejected == 1)
        let rejected = try #require(try await fixture.store.action(ActionID(2)))
        #expect(rejected.status == .error && rejected.errorCause == .addressRejected)
        let words = try #require(rejected.errorDetail)
        #expect(words.hasPrefix("550 5.1.1") && words.contains("User unknown"))
        #expect(await postfix.waitForSink(count: 2).count == 2)
    }

    @Test func aDeferredRecipientIsRetriedThenSendFailed() async throws {
        let postfix = try Self.postfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: postfix.port,
                                                     emails: { $0 == 0 ? "defer@customer.example" : nil })
        defer { fixture.remove() }
        // Retry delays of 0 s: the same pass claims it again until the 3 attempts are spent.
        let report = try await fixture.service().runPass()
        #expect(report.sent == 1 && report.retried == 2 && report.gaveUp == 1)
        let failed = try #require(try await fixture.store.action(ActionID(1)))
        #expect(failed.status == .error && failed.errorCause == .sendFailed)
        #expect(failed.errorDetail?.hasPrefix("450 4.2.1") == true)
        #expect(try await fixture.store.sendRecord(ActionID(1))?.attempts == 3)
        // postlogd writes the log asynchronously: wait for the third line rather than reading at once.
        let busy = { (log: String) in log.components(separatedBy: "Mailbox busy").count - 1 }
        #expect(busy(await postfix.waitForLog { busy($0) >= 3 }) == 3, "three RCPTs refused")
    }

    @Test func missingContactDetailsFailBeforeAnySend() async throws {
        let postfix = try Self.postfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: postfix.port, emails: { $0 == 0 ? "" : nil })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.failedBeforeSend == 1 && report.sent == 1)
        let action = try #require(try await fixture.store.action(ActionID(1)))
        #expect(action.status == .error && action.errorCause == .contactHasNoEmail)
        #expect(try await fixture.store.sendRecord(ActionID(1))?.attempts == 0)
        #expect(await postfix.waitForSink(count: 1).count == 1)
    }

    @Test func aServerThatIsDownLeavesActionsQueuedForRetry() async throws {
        let port = try PostfixServer.freePort()
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: port, extra: { $0.retry = .init(maxAttempts: 5, delaysSeconds: [600]) })
        defer { fixture.remove() }
        let report = try await fixture.service().runPass()
        #expect(report.retried == 2 && report.sent == 0)
        let action = try #require(try await fixture.store.action(ActionID(1)))
        #expect(action.status == .planned)
        #expect(try await fixture.store.sendRecord(ActionID(1))?.nextAttemptAt != nil)
    }

    @Test func aDisputedItemHoldsTheActionWithItsReason() async throws {
        let postfix = try Self.postfix()
        defer { postfix.stop() }
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: postfix.port)
        defer { fixture.remove() }
        let item = try #require(try await fixture.store.item(number: "F-0"))
        try await fixture.store.qualify(item.id, as: QualificationState(.dispute, disputeReason: .quality), by: nil,
                                        at: Date())
        let report = try await fixture.service().runPass()
        #expect(report.held == 1 && report.sent == 1)
        #expect(try await fixture.store.action(ActionID(1))?.status == .planned)
        let record = try #require(try await fixture.store.sendRecord(ActionID(1)))
        #expect(record.heldReason == HoldReason.openDispute.rawValue && record.nextAttemptAt != nil)
        #expect(record.attempts == 0)
    }
}
