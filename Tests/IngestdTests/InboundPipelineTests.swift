import AgendaStore
import Foundation
import MailIngest
import Testing
@testable import ingestd

/// The pipeline's steps around correlation: quarantine with a reason, storing once, classification proposals.
@Suite struct InboundPipelineTests {
    static let reply = PipelineFixture.mail([
        ("From", "Tom Baker <tom.baker@northwind.example>"), ("To", "team@acme.example"),
        ("Subject", "Re: Reminder"), ("Message-ID", "<r1@northwind.example>"),
    ], body: "We will pay INV-10233 on 15 December 2026.")

    @Test func aMessageOverTheSizeLimitIsQuarantinedWithItsHeadersRead() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = PipelineFixture.mail([("From", "tom.baker@northwind.example"), ("To", "team@acme.example"),
                                        ("Subject", "Scan"), ("Message-ID", "<big@northwind.example>")],
                                       body: String(repeating: "0123456789abcdef\n", count: 400))
        let pipeline = try fixture.pipeline(classify: true) { $0.maxMessageBytes = 4096 }
        let outcome = try await pipeline.process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(raw.count > 4096)
        #expect(outcome.stored.created && outcome.quarantine == .tooLarge && outcome.stored.proposals.isEmpty)
        let record = try #require(try await fixture.store.inboundRecord(outcome.stored.id))
        #expect(record.quarantineReason == "too_large" && record.messageID == "big@northwind.example")
        #expect(record.correlation == .senderAddress && record.customer == fixture.customers["N3"])
        #expect(try await fixture.store.rawMessage(outcome.stored.id) == raw)
        #expect(try await fixture.store.inboundQueue(.quarantined, limit: 5).map(\.id) == [outcome.stored.id])
    }

    @Test func aTooLargeBlobWithoutHeadersStaysKindOtherAndUnmatched() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = Data((0..<6000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let outcome = try await fixture.pipeline { $0.maxMessageBytes = 4096 }
            .process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.quarantine == .tooLarge && outcome.kind == .other && outcome.correlation == .unmatched)
        #expect(try await fixture.store.rawMessage(outcome.stored.id) == raw)
    }

    @Test(arguments: [
        ("not a message", Data([0x00, 0x01, 0x02, 0xFF, 0x0A]) + Data("binary garbage without a header\n".utf8),
         QuarantineReason.unparsable),
        ("a README", Data("# Samples\n\nWritten for this project.\n".utf8), .unparsable),
        ("empty", Data(), .emptyMessage),
        ("white space", Data(" \r\n\r\n".utf8), .emptyMessage),
    ])
    func aMessageThatCannotBeParsedIsQuarantined(name: String, raw: Data, reason: QuarantineReason) async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let outcome = try await fixture.pipeline(classify: true).process(raw: raw, source: nil,
                                                                         receivedAt: PipelineFixture.now)
        #expect(outcome.stored.created && outcome.quarantine == reason && outcome.kind == .other)
        let record = try #require(try await fixture.store.inboundRecord(outcome.stored.id))
        #expect(record.quarantineReason == reason.rawValue && record.correlation == .unmatched)
        #expect(try await fixture.store.rawMessage(outcome.stored.id) == raw)
    }

    @Test func aMessageOverThePartLimitIsQuarantinedWithoutAnalysis() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let parts = (1...6).map { "--p\r\nContent-Type: text/plain\r\n\r\npart \($0) about INV-10233\r\n" }.joined()
        let raw = PipelineFixture.mail([("From", "tom.baker@northwind.example"), ("Subject", "Parts"),
                                        ("Content-Type", "multipart/mixed; boundary=\"p\"")], body: parts + "--p--")
        let outcome = try await fixture.pipeline(classify: true) { $0.maxParts = 3 }
            .process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.quarantine == .tooManyParts && outcome.stored.proposals.isEmpty)
        #expect(try await fixture.store.inboundRecord(outcome.stored.id)?.quarantineReason == "limit_parts")
        let replies = try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!))
        let row = try #require(replies.rows.first { $0.message == outcome.stored.id })
        #expect(row.intent == nil && row.summary == nil && row.openProposals == 0)
    }

    @Test func theSameMessageTwiceIsStoredOnce() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let pipeline = try fixture.pipeline(classify: true)
        let position = MailboxPosition(mailbox: "acme/INBOX", uidValidity: 9, uid: 12)
        let first = try await pipeline.process(raw: Self.reply, source: position, receivedAt: PipelineFixture.now)
        let again = try await pipeline.process(raw: Self.reply, source: nil, receivedAt: PipelineFixture.now)
        let refetched = try await pipeline.accept(raw: Self.reply + Data("\r\n".utf8), source: position,
                                                  receivedAt: PipelineFixture.now)
        #expect(first.stored.created && !again.stored.created && !refetched.created)
        #expect(again.stored.id == first.stored.id && refetched.id == first.stored.id)
        #expect(try await fixture.store.proposals(of: first.stored.id).count == first.stored.proposals.count)
        #expect(try await fixture.store.mailboxState("acme/INBOX")?.lastUID == 12)
    }

    @Test func aReplyNamingAnInvoiceWithAPromiseDateGetsItsProposal() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("samples/reply-fr-promise-and-dispute.eml"))
        let outcome = try await fixture.pipeline(classify: true).process(raw: raw, source: nil,
                                                                         receivedAt: PipelineFixture.now)
        #expect(outcome.kind == .reply && outcome.correlation == .captureToken && outcome.quarantine == nil)
        #expect(outcome.target == CorrelationTarget(customer: fixture.customers["B1"]!, action: fixture.actions["B1"]))
        let proposals = try await fixture.store.proposals(of: outcome.stored.id)
        let byNumber = Dictionary(uniqueKeysWithValues: proposals.map { ($0.itemNumber, $0) })
        #expect(Set(byNumber.keys) == ["F-118", "F-121"])
        let promise = try #require(byNumber["F-118"])
        #expect(promise.proposed.qualification == .promiseToPay)
        #expect(promise.proposed.promiseDate == Day(iso: "2026-12-15"))
        #expect(promise.item == (try await fixture.store.item(number: "F-118"))?.id)
        #expect(promise.evidence?.contains("15 décembre") == true && promise.confidence > 0.5)
        #expect(byNumber["F-121"]?.proposed.qualification == .dispute)
        let row = try #require(try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!)).rows
            .first { $0.message == outcome.stored.id })
        #expect(row.summary?.contains("F-118") == true && row.openProposals == 2)
    }

    @Test func withoutAModelRepliesAreStoredUnclassified() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let outcome = try await fixture.pipeline(classify: false).process(raw: Self.reply, source: nil,
                                                                          receivedAt: PipelineFixture.now)
        #expect(outcome.stored.created && outcome.quarantine == nil && outcome.stored.proposals.isEmpty)
        #expect(outcome.correlation == .senderAddress)
    }

    @Test func theHeaderBlockOfATooLargeMessageEndsAtTheFirstEmptyLine() {
        #expect(InboundPipeline.headerBlock(of: Data("A: 1\nB: 2\n\nbody\r\n\r\nmore".utf8)) == Data("A: 1\nB: 2\n\n".utf8))
        #expect(InboundPipeline.headerBlock(of: Data("A: 1\r\n\r\nbody\n\n".utf8)) == Data("A: 1\r\n\r\n".utf8))
        #expect(InboundPipeline.headerBlock(of: Data("A: 1".utf8)) == Data("A: 1".utf8))
    }
}
