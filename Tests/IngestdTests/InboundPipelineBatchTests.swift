import AgendaStore
import Foundation
import MailIngest
import Testing
@testable import ingestd

/// Batches through the pipeline: the same outcomes as one message at a time, each message stored once, the cursor
/// with them, quarantined messages kept, auto-reply details stored, and the protocol's default batch for other sinks.
@Suite struct InboundPipelineBatchTests {
    static func reply(_ n: Int, from: String = "tom.baker@northwind.example", body: String? = nil) -> Data {
        PipelineFixture.mail([("From", from), ("To", "team@acme.example"), ("Subject", "Re: Reminder \(n)"),
                              ("Message-ID", "<batch-\(n)@northwind.example>")],
                             body: body ?? "We will pay INV-10233 on 15 December 2026. (\(n))")
    }

    @Test func aBatchGivesTheOutcomesOfOneMessageAtATime() async throws {
        let fixture = try await PipelineFixture.make(), single = try await PipelineFixture.make()
        defer { fixture.remove(); single.remove() }
        let raws = [
            Self.reply(1), Self.reply(2, from: "a.schaefer@mueller-gmbh.example", body: "RE-2026-0412 ist bezahlt."),
            try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("samples/reply-fr-promise-and-dispute.eml")),
            Data(), Self.reply(3, from: "someone@nowhere.example", body: "Hello."),
            try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("samples/bounce-postfix-user-unknown.eml")),
        ]
        var pipeline = try fixture.pipeline(classify: true)
        let batch = try await pipeline.process(batch: raws.map { (raw: $0, source: nil, receivedAt: PipelineFixture.now) })
        var one: [InboundPipeline.Outcome] = []
        pipeline = try single.pipeline(classify: true)
        for raw in raws { one.append(try await pipeline.process(raw: raw, source: nil, receivedAt: PipelineFixture.now)) }
        #expect(batch.count == raws.count)
        #expect(batch.map(\.kind) == one.map(\.kind) && batch.map(\.correlation) == one.map(\.correlation))
        #expect(batch.map(\.quarantine) == one.map(\.quarantine))
        #expect(batch.map(\.stored.proposals.count) == one.map(\.stored.proposals.count))
        #expect(batch.map(\.correlation) == [.senderAddress, .senderAddress, .captureToken, .unmatched, .unmatched,
                                             .inReplyTo])
        #expect(batch[3].quarantine == .emptyMessage && batch.allSatisfy(\.stored.created))
        #expect(batch[2].stored.proposals.count == 2)
        for (outcome, raw) in zip(batch, raws) {
            #expect(try await fixture.store.rawMessage(outcome.stored.id) == raw)
        }
    }

    @Test func eachMessageOfABatchIsStoredOnceAndTheCursorAdvancesWithIt() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let pipeline = try fixture.pipeline()
        func at(_ uid: UInt32) -> MailboxPosition { MailboxPosition(mailbox: "acme/INBOX", uidValidity: 3, uid: uid) }
        let stored = try await pipeline.accept(batch: [
            (raw: Self.reply(1), source: at(10), receivedAt: PipelineFixture.now),
            (raw: Self.reply(1), source: at(11), receivedAt: PipelineFixture.now),
            (raw: Self.reply(2), source: at(12), receivedAt: PipelineFixture.now),
        ])
        #expect(stored.map(\.created) == [true, false, true] && stored[1].id == stored[0].id)
        #expect(try await fixture.store.mailboxState("acme/INBOX")?.lastUID == 12)
        let again = try await pipeline.accept(batch: [(raw: Self.reply(2), source: at(12), receivedAt: PipelineFixture.now)])
        #expect(again.map(\.created) == [false] && again[0].id == stored[2].id)
    }

    @Test func anAutoReplyKeepsItsReturnDateAndAlternativeContact() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("samples/auto-reply-en-out-of-office.eml"))
        let outcome = try await fixture.pipeline(classify: true).process(raw: raw, source: nil,
                                                                         receivedAt: PipelineFixture.now)
        #expect(outcome.kind == .autoReply && outcome.correlation == .captureToken)
        let record = try #require(try await fixture.store.inboundRecord(outcome.stored.id))
        #expect(record.autoReply?.returnDate == Day(iso: "2026-12-07"))
        #expect(record.autoReply?.redirectContact == "accounts.payable@northwind.example")
        let human = try await fixture.pipeline().process(raw: Self.reply(9), source: nil, receivedAt: PipelineFixture.now)
        #expect(try await fixture.store.inboundRecord(human.stored.id)?.autoReply == nil)
    }

    /// A sink with only the one-message method: the protocol's default batch hands each message over in order.
    final class CountingSink: InboundSink, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Data] = []
        var received: [Data] { lock.withLock { seen } }

        func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
            let count = lock.withLock { seen.append(raw); return seen.count }
            return StoredInbound(id: InboundMessageID(Int64(count)), created: true, proposals: [])
        }
    }

    @Test func theDefaultBatchHandsEachMessageToTheOneMessageMethod() async throws {
        let sink = CountingSink()
        let stored = try await sink.accept(batch: (1...3).map { (raw: Self.reply($0), source: nil, receivedAt: PipelineFixture.now) })
        #expect(stored.map(\.id.rawValue) == [1, 2, 3])
        #expect(sink.received == (1...3).map { Self.reply($0) })
    }
}
