import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// Migration `ui-speed-collector-indexes` and the paths built on it: a collector's replies from `inboundByCollector`,
/// a collector's manual actions from `action_assignee_open`, and custom-field filters without a collector
/// (FieldScopedTabs: capped counts, pages in index order or through the customers) must give exactly what reading the
/// rows themselves gives.
@Suite struct CollectorIndexesTests {
    static let repliesQueries: [AgendaQuery] = [
        AgendaQuery(today: Dataset.today, collector: UserID(1), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(2), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), from: Day(iso: "2026-11-19"), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), to: Day(iso: "2026-11-18"), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1),
                    customerFields: ["segment": "retail", "credit_insurance_limit": "1000"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), customer: CustomerID(1), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), limit: 1, offset: 1),
    ]

    /// Custom fields without a collector (and one query of each other kind, which must not change).
    static let fieldQueries: [AgendaQuery] = [
        AgendaQuery(today: Dataset.today, customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, customerFields: ["segment": "wholesale"], limit: 500),
        AgendaQuery(today: Dataset.today, customerFields: ["segment": "retail", "credit_insurance_limit": "1000"],
                    limit: 500),
        AgendaQuery(today: Dataset.today, statuses: [.error, .planned], channels: [.email],
                    customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, statuses: [.done, .cancelled, .planned],
                    customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, from: Day(iso: "2026-11-18"), to: Day(iso: "2026-11-30"),
                    customerFields: ["segment": "retail"], limit: 500),
        AgendaQuery(today: Dataset.today, customerFields: ["segment": "retail"], limit: 1, offset: 1),
        AgendaQuery(today: Dataset.today, customerFields: ["segment": "none"], limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(1), statuses: [.planned], from: Day(iso: "2026-11-19"),
                    limit: 500),
        AgendaQuery(today: Dataset.today, collector: UserID(2), limit: 1, offset: 1),
    ]

    /// A dataset with planned actions, replies and comments of three customers, one unmatched, one auto-reply.
    static func dataset() async throws -> (Dataset, SQLiteAgendaStore) {
        let data = try await Dataset.make(.sqlite)
        let store = try #require(data.store as? SQLiteAgendaStore)
        let later = Date(timeIntervalSince1970: 1_795_100_000)  // 2026-11-19
        _ = try await store.plan(on: Dataset.today, at: Dataset.now)
        let rows = try await store.automaticActions(AgendaQuery(today: Dataset.today)).rows
        try await store.updateAction(rows[0].action, .failed(.bounced, detail: nil), by: nil, at: later)
        _ = try await store.plan(on: Day(iso: "2026-11-30")!, at: later)
        for (n, key) in ["C1", "C2", "C3", "C1", "C4"].enumerated() {
            let customer = try await data.customer(key).id
            _ = try await store.storeInbound(
                InboundMessage(raw: Data("reply \(n)".utf8), kind: n == 3 ? .comment : .reply,
                               receivedAt: n % 2 == 0 ? later : Dataset.now, customer: customer),
                analysis: n == 1 ? nil : InboundContractTests.analysis())
        }
        _ = try await store.storeInbound(InboundMessage(raw: Data("unmatched".utf8), kind: .reply, receivedAt: later),
                                         analysis: nil)
        _ = try await store.storeInbound(InboundMessage(raw: Data("away".utf8), kind: .autoReply, receivedAt: later,
                                                        customer: try await data.customer("C1").id), analysis: nil)
        return (data, store)
    }

    /// Rows of `inboundByCollector` that reading the messages with their customers does not give, and the reverse;
    /// the same between `inboundCollectorTally` and counting `inboundByCollector`.
    static func inboundMismatches(_ store: SQLiteAgendaStore) async throws -> Int {
        try await store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM (
                    SELECT c.collectorId, m.receivedAt, m.id, m.customerId, m.kind, m.openProposals
                    FROM inboundMessage m JOIN customer c ON c.id = m.customerId
                    WHERE c.collectorId IS NOT NULL AND m.kind IN ('reply','comment')
                    EXCEPT SELECT collectorId, receivedAt, id, customerId, kind, openProposals FROM inboundByCollector))
                  + (SELECT count(*) FROM (
                    SELECT collectorId, receivedAt, id, customerId, kind, openProposals FROM inboundByCollector
                    EXCEPT SELECT c.collectorId, m.receivedAt, m.id, m.customerId, m.kind, m.openProposals
                    FROM inboundMessage m JOIN customer c ON c.id = m.customerId WHERE m.kind IN ('reply','comment')))
                  + (SELECT count(*) FROM (
                    SELECT collectorId, day, kind, open, n FROM inboundCollectorTally WHERE n <> 0
                    EXCEPT SELECT collectorId, substr(receivedAt, 1, 10), kind, openProposals > 0, count(*)
                    FROM inboundByCollector GROUP BY 1, 2, 3, 4))
                  + (SELECT count(*) FROM (
                    SELECT collectorId, substr(receivedAt, 1, 10), kind, openProposals > 0, count(*)
                    FROM inboundByCollector GROUP BY 1, 2, 3, 4
                    EXCEPT SELECT collectorId, day, kind, open, n FROM inboundCollectorTally))
                """)!
        }
    }

    /// The replies tab and the oldest reply to review, fast and direct, for every collector query.
    static func compareReplies(_ store: SQLiteAgendaStore, _ step: String) async throws {
        for query in repliesQueries {
            let (fast, direct) = try await store.pool.read { db in
                (try AgendaSQL.replies(db, query), try AgendaSQL.replies(db, query, direct: true))
            }
            #expect(fast.total == direct.total && fast.toDo == direct.toDo && !fast.capped, "\(step): \(query)")
            #expect(fast.rows.map(\.message) == direct.rows.map(\.message), "\(step): \(query)")
            #expect(fast.rows.count == min(query.limit, max(0, direct.total - query.offset)), "\(step): \(query)")
        }
        for collector in [UserID(1), UserID(2)] {
            let oldest = try await store.oldestUnreviewed(collector: collector)
            let direct = try await store.pool.read { db in
                try Date.fetchOne(db, sql: """
                    SELECT min(m.receivedAt) FROM customer c JOIN inboundMessage m ON m.customerId = c.id
                    WHERE c.collectorId = ? AND m.kind IN ('reply','comment') AND m.openProposals > 0
                    """, arguments: [collector.rawValue])
            }
            #expect(oldest == direct, "\(step): \(collector)")
        }
        #expect(try await inboundMismatches(store) == 0, "\(step)")
    }

    @Test func repliesByCollectorEqualJoiningTheCustomerAfterEveryKindOfWrite() async throws {
        let (data, store) = try await Self.dataset()
        let alice = try await store.replies(AgendaQuery(today: Dataset.today, collector: data.alice))
        #expect(alice.total == 3)  // C1 twice (reply, comment) and C3
        try await Self.compareReplies(store, "stored")

        // A decision closes proposals (openProposals changes), a message is attached to another customer, one deleted.
        let detail = try #require(try await store.inboundDetail(alice.rows[0].message))
        let proposals = try await store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM proposal WHERE messageId = ?", arguments: [detail.id.rawValue])
        }
        for proposal in proposals { try await store.decide(ProposalID(proposal), .reject, by: data.alice, at: Dataset.now) }
        try await Self.compareReplies(store, "decided")
        let bobsCustomer = try await data.customer("C2").id
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE inboundMessage SET customerId = ? WHERE id = ?",
                           arguments: [bobsCustomer.rawValue, alice.rows[1].message.rawValue])
            // Bob's reply without an analysis (so without proposals).
            try db.execute(sql: """
                DELETE FROM inboundMessage WHERE customerId = ? AND kind = 'reply'
                  AND id NOT IN (SELECT messageId FROM analysis)
                """, arguments: [bobsCustomer.rawValue])
            #expect(db.changesCount == 1)
        }
        try await Self.compareReplies(store, "moved")

        // Customers change collector: their messages follow.
        try await store.assign(try await data.customer("C1").id, collector: data.bob, scenario: nil)
        try await store.assign(try await data.customer("C4").id, collector: data.alice, scenario: nil)
        let reimport = "key;name;collector\nC3;Gamma BV;\n"
        #expect(try await store.importCSV(Data(reimport.utf8), configuration: .identity(.customers), at: Dataset.now)
            .committed)
        try await Self.compareReplies(store, "reassigned")
        #expect(try await store.replies(AgendaQuery(today: Dataset.today, collector: data.alice)).total == 1)  // C4
    }

    @Test func fieldScopedTabsEqualCountingTheRows() async throws {
        let (_, store) = try await Self.dataset()
        for query in Self.fieldQueries {
            for wideFrom in [0, Int.max] {
                let (fast, direct) = try await store.pool.read { db in
                    let fast = [try AgendaSQL.actionTab(db, query, manual: true, wideFrom: wideFrom).summary,
                                try AgendaSQL.actionTab(db, query, manual: false, wideFrom: wideFrom).summary,
                                try AgendaSQL.history(db, query, wideFrom: wideFrom).summary,
                                try AgendaSQL.replies(db, query, wideFrom: wideFrom).summary]
                    let direct = [try AgendaSQL.actionTab(db, query, manual: true, direct: true).summary,
                                  try AgendaSQL.actionTab(db, query, manual: false, direct: true).summary,
                                  try AgendaSQL.history(db, query, direct: true).summary,
                                  try AgendaSQL.replies(db, query, direct: true).summary]
                    return (fast, direct)
                }
                #expect(fast == direct, "wide from \(wideFrom): \(query)")
            }
        }
        // Some field-filtered tab has rows to count, or the comparison above proves little.
        let retail = AgendaQuery(today: Dataset.today, customerFields: ["segment": "retail"], limit: 500)
        #expect(try await store.history(retail).total > 2)
        #expect(try await store.automaticActions(retail).total >= 2)
    }

    @Test func fieldScopedCountsStopAtTheCapAndSayso() async throws {
        let (_, store) = try await Self.dataset()
        let query = AgendaQuery(today: Dataset.today, customerFields: ["segment": "retail"], limit: 500)
        for wideFrom in [0, Int.max] {
            let (capped, direct) = try await store.pool.read { db in
                (try AgendaSQL.history(db, query, cap: 2, wideFrom: wideFrom),
                 try AgendaSQL.history(db, query, direct: true))
            }
            #expect(direct.total > 2)
            #expect(capped.total == 2 && capped.capped, "wide from \(wideFrom)")
            #expect(capped.toDo == min(2, direct.toDo))
            #expect(capped.rows == direct.rows)  // the page itself is exact
            let exact = try await store.pool.read { db in
                try AgendaSQL.history(db, query, cap: direct.total, wideFrom: wideFrom)
            }
            #expect(exact.total == direct.total && exact.toDo == direct.toDo && !exact.capped)
        }
        // Tabs without custom fields (or with a collector) never cap.
        let plain = try await store.pool.read { db in
            try AgendaSQL.history(db, AgendaQuery(today: Dataset.today), cap: 1)
        }
        #expect(plain.total > 1 && !plain.capped)
    }

    @Test func migrationBuildsTheCollectorIndexesFromExistingRows() async throws {
        let (_, store) = try await Self.dataset()
        let names = try await store.appliedMigrations()
        #expect(names.contains("ui-speed-collector-indexes"))
        // Rebuild the table the way the migration does and compare with what the triggers kept.
        let rebuilt = try await store.pool.write { db -> Int in
            try db.execute(sql: "DELETE FROM inboundByCollector")
            try db.execute(sql: """
                INSERT INTO inboundByCollector (collectorId, receivedAt, id, customerId, kind, openProposals)
                SELECT c.collectorId, m.receivedAt, m.id, m.customerId, m.kind, m.openProposals
                FROM inboundMessage m JOIN customer c ON c.id = m.customerId
                WHERE c.collectorId IS NOT NULL AND m.kind IN ('reply','comment')
                """)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM inboundByCollector")!
        }
        #expect(rebuilt == 4)  // C1 x2 and C3 (alice), C2 (bob); not the unmatched, the auto-reply nor C4's
        #expect(try await Self.inboundMismatches(store) == 0)
    }
}

extension AgendaPage {
    /// Counts, the capped flag and the page's row descriptions, for comparing two answers.
    var summary: String { "\(total)/\(toDo)/\(capped) \(rows.map { "\($0)" })" }
}
