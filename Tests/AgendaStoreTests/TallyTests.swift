import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The SQLite backend counts tabs from trigger-kept tallies; they must always equal counting the rows.
@Suite struct TallyTests {
    static let queries: [AgendaQuery] = [
        AgendaQuery(today: Dataset.today),
        AgendaQuery(today: Day(iso: "2026-11-20")!),
        AgendaQuery(today: Dataset.today, statuses: [.error]),
        AgendaQuery(today: Dataset.today, statuses: [.done, .cancelled, .planned]),
        AgendaQuery(today: Dataset.today, channels: [.email, .call]),
        AgendaQuery(today: Dataset.today, from: Day(iso: "2026-10-01"), to: Day(iso: "2026-10-31")),
        AgendaQuery(today: Dataset.today, from: Day(iso: "2026-11-19"), to: Day(iso: "2026-11-19")),
        AgendaQuery(today: Dataset.today, collector: UserID(1)),
        AgendaQuery(today: Dataset.today, collector: UserID(2), statuses: [.planned, .error]),
    ]

    @Test func talliesEqualCountingTheRowsAfterEveryKindOfWrite() async throws {
        let data = try await Dataset.make(.sqlite)
        let store = try #require(data.store as? SQLiteAgendaStore)
        let later = Date(timeIntervalSince1970: 1_795_100_000)
        _ = try await store.plan(on: Dataset.today, at: Dataset.now)
        let rows = try await store.automaticActions(AgendaQuery(today: Dataset.today)).rows
        try await store.updateAction(rows[0].action, .failed(.bounced, detail: nil), by: nil, at: later)
        try await store.updateAction(rows[1].action, .done(Dataset.today), by: nil, at: later)
        try await store.updateAction(rows[2].action, .cancel, by: nil, at: later)
        _ = try await store.plan(on: Day(iso: "2026-11-30")!, at: later)
        try await store.qualify(try await data.item("F-100").id,
                                as: QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-11-10")), by: nil,
                                at: later)
        _ = try await store.checkBrokenPromises(on: Dataset.today, at: later)
        let stored = try await store.storeInbound(
            InboundMessage(raw: InboundContractTests.raw, kind: .reply, receivedAt: later,
                           customer: try await data.customer("C1").id),
            analysis: InboundContractTests.analysis())
        _ = try await store.storeInbound(InboundMessage(raw: Data("c".utf8), kind: .comment, receivedAt: Dataset.now,
                                                        customer: try await data.customer("C2").id), analysis: nil)
        try await store.decide(stored.proposals[0], .accept, by: data.alice, at: later)
        try await store.decide(stored.proposals[2], .reject, by: data.alice, at: later)

        for query in Self.queries {
            let (tallied, counted) = try await store.pool.read { db in
                let t = [try AgendaSQL.actionTab(db, query, manual: true), try AgendaSQL.actionTab(db, query, manual: false)]
                    .map { [$0.total, $0.toDo] }
                let c = [try AgendaSQL.actionTab(db, query, manual: true, direct: true),
                         try AgendaSQL.actionTab(db, query, manual: false, direct: true)].map { [$0.total, $0.toDo] }
                let h = try AgendaSQL.history(db, query), hd = try AgendaSQL.history(db, query, direct: true)
                let r = try AgendaSQL.replies(db, query), rd = try AgendaSQL.replies(db, query, direct: true)
                return (t + [[h.total, h.toDo], [r.total, r.toDo]], c + [[hd.total, hd.toDo], [rd.total, rd.toDo]])
            }
            #expect(tallied == counted, "\(query)")
        }
        let direct = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM history")!
        }
        #expect(try await store.history(AgendaQuery(today: Dataset.today)).total == direct)
        let negative = try await store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM actionTally WHERE n < 0) + (SELECT count(*) FROM inboundTally WHERE n < 0)
                """)!
        }
        #expect(negative == 0)
    }

    /// The inbound and history tallies equal counting their rows after batches (several days, kinds, repeated
    /// item numbers, a message stored twice), single stores, a reprocessed quarantined message and decisions.
    @Test func inboundAndHistoryTalliesEqualTheirRows() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let olga = try await store.createUser(login: "olga", name: "Olga", role: .operator)
        let base = Date(timeIntervalSince1970: 1_795_000_000)
        let kinds: [MessageKind] = [.reply, .autoReply, .bounce, .reply, .other]
        func message(_ n: Int, quarantine: String? = nil) -> InboundMessage {
            InboundMessage(raw: Data("message \(n)".utf8), source: MailboxPosition(mailbox: "a/INBOX", uidValidity: 1,
                                                                                  uid: UInt32(n)),
                           kind: kinds[n % kinds.count], receivedAt: base.addingTimeInterval(Double(n) * 20_000),
                           quarantineReason: quarantine)
        }
        func analysis(_ n: Int) -> MessageAnalysis? {
            guard n % 3 == 0 else { return nil }
            let proposal = ProposalInput(itemNumber: "F-\(n)", proposed: QualificationState(.dispute), confidence: 0.5)
            return MessageAnalysis(visibleText: "x", intent: .dispute, confidence: 0.5, modelVersion: "m",
                                   proposals: [proposal, proposal])
        }
        let first = (1...40).map { InboundBatchEntry(message: message($0), analysis: analysis($0)) }
        _ = try await store.storeInboundBatch(first)
        _ = try await store.storeInboundBatch(Array(first[30...]) + (41...60).map {
            InboundBatchEntry(message: message($0), analysis: analysis($0))
        })
        let quarantined = try await store.storeInbound(message(61, quarantine: "correlation_failed"), analysis: nil)
        var again = message(61)
        again.kind = .reply
        _ = try await store.reprocess(quarantined: quarantined.id, as: InboundBatchEntry(message: again), by: olga,
                                      at: base)
        let single = try await store.storeInbound(message(63), analysis: analysis(63))
        #expect(single.proposals.count == 1)
        try await store.decide(single.proposals[0], .reject, by: olga, at: base)

        let (tallied, counted) = try await store.pool.read { db in
            (try [String](Row.fetchAll(db, sql: """
                SELECT 'in', receivedAt, kind, openProposals, n FROM inboundTally WHERE n <> 0
                UNION ALL SELECT 'h', at, status, channel, n FROM historyTally WHERE n <> 0 ORDER BY 1, 2, 3, 4
                """).map(Self.values)),
             try [String](Row.fetchAll(db, sql: """
                SELECT 'in', substr(receivedAt, 1, 10), kind, openProposals > 0, count(*) FROM inboundMessage
                    GROUP BY 2, 3, 4
                UNION ALL SELECT 'h', substr(at, 1, 10), ifnull(status, ''), ifnull(channel, ''), count(*) FROM history
                    GROUP BY 2, 3, 4 ORDER BY 1, 2, 3, 4
                """).map(Self.values)))
        }
        #expect(tallied.count > 10)
        #expect(tallied == counted)
        let open = try await store.pool.read { db in
            try Int.fetchAll(db, sql: "SELECT openProposals FROM inboundMessage WHERE openProposals > 0")
        }
        #expect(open == [Int](repeating: 1, count: 20), "one proposal per item number")
    }

    /// A row's values, without its column names.
    static func values(_ row: Row) -> String {
        row.databaseValues.map(\.description).joined(separator: " ")
    }
}
