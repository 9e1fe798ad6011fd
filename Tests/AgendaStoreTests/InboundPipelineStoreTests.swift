import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The pipeline's store additions (`InboundPipelineStore`) on a real SQLite store: batches in one transaction,
/// auto-reply details on the stored message's read, the customer's last done action.
@Suite struct InboundPipelineStoreTests {
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static func message(_ n: Int, uid: UInt32? = nil, kind: MessageKind = .reply) -> InboundMessage {
        InboundMessage(raw: Data("Subject: \(n)\r\n\r\nbody \(n)\r\n".utf8),
                       source: uid.map { MailboxPosition(mailbox: "acme/INBOX", uidValidity: 7, uid: $0) }, kind: kind,
                       receivedAt: at)
    }

    static func store() async throws -> (Dataset, SQLiteAgendaStore) {
        let data = try await Dataset.make(.sqlite)
        return (data, try #require(data.store as? SQLiteAgendaStore))
    }

    @Test func aBatchStoresEachMessageOnceInOrderWithTheCursor() async throws {
        let (_, store) = try await Self.store()
        let earlier = try await store.storeInbound(Self.message(1, uid: 1), analysis: nil)
        let outcomes = try await store.storeInboundBatch([
            InboundBatchEntry(message: Self.message(1, uid: 1)),
            InboundBatchEntry(message: Self.message(2, uid: 2)),
            InboundBatchEntry(message: Self.message(2)),  // same bytes again in the same batch
            InboundBatchEntry(message: Self.message(3, uid: 2)),  // same mailbox position again
            InboundBatchEntry(message: Self.message(4, uid: 9)),
        ])
        #expect(outcomes.map(\.created) == [false, true, false, false, true])
        #expect(outcomes[0].id == earlier.id && outcomes[2].id == outcomes[1].id && outcomes[3].id == outcomes[1].id)
        #expect(try await store.mailboxState("acme/INBOX")?.lastUID == 9)
        #expect(try await store.rawMessage(outcomes[4].id) == Self.message(4).raw)
        #expect(try await store.storeInboundBatch([]).isEmpty)
    }

    @Test func aRefusedEntryStoresNothingOfItsBatch() async throws {
        let (_, store) = try await Self.store()
        let bad = MessageAnalysis(visibleText: "x", intent: nil, confidence: 1.5)
        await #expect(throws: AgendaStoreError.self) {
            try await store.storeInboundBatch([InboundBatchEntry(message: Self.message(1, uid: 1)),
                                               InboundBatchEntry(message: Self.message(2, uid: 2), analysis: bad)])
        }
        #expect(try await store.mailboxState("acme/INBOX") == nil)
        #expect(try await store.storeInbound(Self.message(1, uid: 1), analysis: nil).created)
    }

    @Test func aBatchSealedAheadStoresExactlyAsTheSameEntriesWould() async throws {
        let (_, store) = try await Self.store()
        let entries = [InboundBatchEntry(message: Self.message(1, uid: 1)), InboundBatchEntry(message: Self.message(1)),
                       InboundBatchEntry(message: Self.message(2, uid: 2))]
        let sealed = try await SealedInboundBatch.seal(entries)
        #expect(sealed.entries == entries)
        let outcomes = try await store.storeInboundBatch(sealed: sealed)
        #expect(outcomes.map(\.created) == [true, false, true])
        #expect(try await store.rawMessage(outcomes[2].id) == Self.message(2).raw)
        #expect(try await store.mailboxState("acme/INBOX")?.lastUID == 2)
        // Storing the same sealed batch again stores nothing twice.
        #expect(try await store.storeInboundBatch(sealed: sealed).map(\.created) == [false, false, false])
        let bad = MessageAnalysis(visibleText: "x", intent: nil, confidence: -0.1)
        await #expect(throws: AgendaStoreError.self) {
            try await SealedInboundBatch.seal([InboundBatchEntry(message: Self.message(3, uid: 3), analysis: bad)])
        }
    }

    @Test func bouncesAndAutoRepliesAreKeptOnlyForNewMessages() async throws {
        let (_, store) = try await Self.store()
        let details = try #require(AutoReplyDetails(returnDate: Day(iso: "2026-12-07"),
                                                    redirectContact: " ap@client.example "))
        let bounce = BounceInput(originalMessageID: "<x@acme.example>",
                                 recipients: [BounceRecipient(address: "a@b.example", reason: "userunknown", hard: true)])
        let entries = [
            InboundBatchEntry(message: Self.message(1, kind: .autoReply), autoReply: details),
            InboundBatchEntry(message: Self.message(2, kind: .bounce), bounce: bounce),
            InboundBatchEntry(message: Self.message(1, kind: .autoReply), autoReply: details),
        ]
        let outcomes = try await store.storeInboundBatch(entries)
        #expect(outcomes.map(\.created) == [true, true, false])
        let record = try #require(try await store.inboundRecord(outcomes[0].id))
        #expect(record.autoReply?.returnDate == Day(iso: "2026-12-07"))
        #expect(record.autoReply?.redirectContact == "ap@client.example")
        #expect(try await store.inboundRecord(outcomes[1].id)?.autoReply == nil)
        let queued = try await store.inboundQueue(.unmatched, limit: 10)
        #expect(queued.first { $0.id == outcomes[0].id }?.autoReply == record.autoReply)
        let bounces = try await store.bounces(after: nil, limit: 10)
        #expect(bounces.map(\.message) == [outcomes[1].id] && bounces.first?.originalMessageID == "x@acme.example")
        let rows = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM autoReply") }
        #expect(rows == 1)
    }

    @Test func theReceivedHistoryDetailIsTheJSONOfItsCounts() async throws {
        let (_, store) = try await Self.store()
        let analysis = MessageAnalysis(visibleText: "ok", intent: .promiseToPay, confidence: 0.9, proposals: [
            ProposalInput(itemNumber: "F-100", proposed: QualificationState(.promiseToPay), confidence: 0.9),
        ])
        let stored = try await store.storeInboundBatch([InboundBatchEntry(message: Self.message(1), analysis: analysis)])
        let detail = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM history WHERE entity = 'inbound_message' AND entityId = ?",
                                arguments: [stored[0].id.rawValue])
        }
        #expect(detail == History.json(["kind": "reply", "correlation": "unmatched", "proposals": 1]))
    }

    @Test func autoReplyDetailsNeedAReturnDateOrAContact() {
        #expect(AutoReplyDetails(returnDate: nil, redirectContact: nil) == nil)
        #expect(AutoReplyDetails(returnDate: nil, redirectContact: "  ") == nil)
        #expect(AutoReplyDetails(returnDate: Day(iso: "2026-12-01"), redirectContact: "")?.redirectContact == nil)
        #expect(AutoReplyDetails(returnDate: nil, redirectContact: "a@b.example")?.returnDate == nil)
    }

    @Test func theLastDoneActionIsTheLatestDoneOneOfTheChannelInTheWindow() async throws {
        let (data, store) = try await Self.store()
        _ = try await store.plan(on: Dataset.today, at: Dataset.now)
        let customer = try await data.customer("C1")
        let email = try #require(try await store.actions(of: customer.id).first { $0.channel == .email })
        let from = Day(iso: "2026-11-01")!, through = Day(iso: "2026-11-30")!
        #expect(try await store.lastDoneAction(of: customer.id, channel: .email, from: from, through: through) == nil)
        try await store.updateAction(email.id, .done(Day(iso: "2026-11-10")!), by: nil, at: Dataset.now)
        #expect(try await store.lastDoneAction(of: customer.id, channel: .email, from: from, through: through) == email.id)
        #expect(try await store.lastDoneAction(of: customer.id, channel: .call, from: from, through: through) == nil)
        #expect(try await store.lastDoneAction(of: customer.id, channel: .email, from: Day(iso: "2026-11-11")!,
                                               through: through) == nil)
        #expect(try await store.lastDoneAction(of: customer.id, channel: .email, from: from,
                                               through: Day(iso: "2026-11-09")!) == nil)
        let other = try await data.customer("C2")
        #expect(try await store.lastDoneAction(of: other.id, channel: .email, from: from, through: through) == nil)
        #expect(try await store.lastDoneAction(of: customer.id, channel: .email, from: through, through: from) == nil)
    }

    /// Row counts of every table a batch writes.
    static func counts(_ store: SQLiteAgendaStore) async throws -> [Int] {
        try await store.pool.read { db in
            try ["inboundMessage", "inboundRaw", "history", "historyTally", "inboundTally", "bounce", "autoReply",
                 "mailboxSync"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    @Test func aRehearsedBatchStoresNothing() async throws {
        let (_, store) = try await Self.store()
        _ = try await store.storeInbound(Self.message(9, uid: 9), analysis: nil)
        let details = try #require(AutoReplyDetails(returnDate: Day(iso: "2026-12-07"), redirectContact: nil))
        let bounce = BounceInput(originalMessageID: "<x@acme.example>",
                                 recipients: [BounceRecipient(address: "a@b.example", reason: "userunknown", hard: true)])
        let entries = [InboundBatchEntry(message: Self.message(1, uid: 10)),
                       InboundBatchEntry(message: Self.message(2, kind: .autoReply), autoReply: details),
                       InboundBatchEntry(message: Self.message(3, kind: .bounce), bounce: bounce)]
        let sealed = try await SealedInboundBatch.seal(entries)
        let before = try await Self.counts(store)
        try await store.rehearseInboundBatch(sealed: sealed)
        try await store.rehearseInboundBatch(sealed: sealed)
        #expect(try await Self.counts(store) == before)
        #expect(try await store.mailboxState("acme/INBOX")?.lastUID == 9)
        // The same batch is then stored as if never rehearsed.
        #expect(try await store.storeInboundBatch(sealed: sealed).map(\.created) == [true, true, true])
        #expect(try await store.mailboxState("acme/INBOX")?.lastUID == 10)
        #expect(try await Self.counts(store) != before)
    }
}
