import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The history tab's fast paths (collector tally, `historyByCollector`, customer chains for custom fields) must give
/// exactly what reading `history` itself gives, also after customers change collector.
@Suite struct HistoryTabTests {
    static let queries: [AgendaQuery] = [
        AgendaQuery(today: Dataset.today, limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(2), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), statuses: [.planned, .error], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), channels: [.email], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), from: Day(iso: "2026-11-19"), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(2), from: Day(iso: "2026-11-01"),
                    to: Day(iso: "2026-11-18"), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1),
                    customerFields: ["segment": "retail", "credit_insurance_limit": "1000"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(2), customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, from: Day(iso: "2026-11-18"),
                    customerFields: ["segment": "retail", "credit_insurance_limit": "1000"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), statuses: [.error], from: Day(iso: "2026-11-01"),
                    customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), customer: CustomerID(1), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), limit: 2, offset: 1),
        AgendaQuery(today: Dataset.today, collector: UserID(1), customerFields: ["segment": "retail"], limit: 1,
                    offset: 2),
    ]

    /// Fast and direct answers for every query: totals, red counts and the page's sequence numbers.
    static func compare(_ store: SQLiteAgendaStore, _ step: String) async throws {
        for query in queries {
            let (fast, direct) = try await store.pool.read { db in
                (try AgendaSQL.history(db, query), try AgendaSQL.history(db, query, direct: true))
            }
            #expect(fast.total == direct.total && fast.toDo == direct.toDo, "\(step): \(query)")
            #expect(fast.rows == direct.rows, "\(step): \(query)")
            #expect(fast.rows.count == min(query.limit, max(0, direct.total - query.offset)), "\(step): \(query)")
        }
        let mismatches = try await store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM (
                    SELECT c.collectorId, h.id, h.customerId, substr(h.at, 1, 10), h.status, h.channel
                    FROM history h JOIN customer c ON c.id = h.customerId WHERE c.collectorId IS NOT NULL
                    EXCEPT SELECT collectorId, id, customerId, day, status, channel FROM historyByCollector))
                  + (SELECT count(*) FROM (
                    SELECT collectorId, id, customerId, day, status, channel FROM historyByCollector
                    EXCEPT SELECT c.collectorId, h.id, h.customerId, substr(h.at, 1, 10), h.status, h.channel
                    FROM history h JOIN customer c ON c.id = h.customerId))
                  + (SELECT count(*) FROM historyCollectorTally WHERE n < 0)
                """)!
        }
        #expect(mismatches == 0, "\(step)")
    }

    @Test func fastPathsEqualReadingTheHistoryAfterEveryKindOfWrite() async throws {
        let data = try await Dataset.make(.sqlite)
        let store = try #require(data.store as? SQLiteAgendaStore)
        let later = Date(timeIntervalSince1970: 1_795_100_000)  // 2026-11-19
        _ = try await store.plan(on: Dataset.today, at: Dataset.now)
        let rows = try await store.automaticActions(AgendaQuery(today: Dataset.today)).rows
        try await store.updateAction(rows[0].action, .failed(.bounced, detail: nil), by: nil, at: later)
        try await store.updateAction(rows[1].action, .done(Dataset.today), by: nil, at: later)
        _ = try await store.plan(on: Day(iso: "2026-11-30")!, at: later)
        try await Self.compare(store, "planned")
        #expect(try await store.history(AgendaQuery(today: Dataset.today, collector: data.alice)).total > 0)

        // Acme moves from Alice to Bob, Delta (no collector) goes to Alice: their events follow.
        let acme = try await data.customer("C1"), delta = try await data.customer("C4")
        let acmeEvents = try await store.history(AgendaQuery(today: Dataset.today, customer: acme.id)).total
        let bobBefore = try await store.history(AgendaQuery(today: Dataset.today, collector: data.bob)).total
        try await store.assign(acme.id, collector: data.bob, scenario: nil)
        try await store.assign(delta.id, collector: data.alice, scenario: nil)
        let bobAfter = try await store.history(AgendaQuery(today: Dataset.today, collector: data.bob)).total
        #expect(bobAfter == bobBefore + acmeEvents + 1)  // + the "assigned" event
        try await Self.compare(store, "reassigned")

        // A re-import takes Gamma's collector away: its events leave Alice's history.
        let reimport = "key;name;collector\nC3;Gamma BV;\n"
        let report = try await store.importCSV(Data(reimport.utf8), configuration: .identity(.customers), at: later)
        #expect(report.committed)
        #expect(try await data.customer("C3").collector == nil)
        try await Self.compare(store, "unassigned")
    }

    @Test func exportPagesByKeysetWithoutLosingOrRepeatingRows() async throws {
        let data = try await AgendaTabsContractTests.planned(.sqlite)
        let store = try #require(data.store as? SQLiteAgendaStore)
        for query in [AgendaQuery(today: Dataset.today), AgendaQuery(today: Dataset.today, collector: data.alice)] {
            let (all, paged) = try await store.pool.read { db in
                let clause = AgendaSQL.historyPageClause(query)
                let all = try AgendaSQL.historyRows(db, clause, limit: 1_000).map(\.sequence)
                var paged: [Int64] = [], before: Int64?
                while true {
                    let batch = try AgendaSQL.historyRows(db, clause, limit: 2, before: before)
                    paged += batch.map(\.sequence)
                    guard batch.count == 2 else { break }
                    before = batch.last?.sequence
                }
                return (all, paged)
            }
            if query.collector == nil { #expect(all.count >= 6) }  // several batches of 2
            #expect(!all.isEmpty && paged == all, "\(query)")
        }
    }
}
