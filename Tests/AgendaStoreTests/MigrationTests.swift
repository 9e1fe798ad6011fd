import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// Migrations: from an empty database to the current schema, and from every earlier schema with data in it.
@Suite struct MigrationTests {
    static func schema(_ store: SQLiteAgendaStore) async throws -> [String] {
        try await store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY type, name
                """)
        }
    }

    @Test func emptyDatabaseMigratesToTheCurrentSchema() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        #expect(try await store.appliedMigrations() == AgendaSchema.migrationNames)
        #expect(AgendaStoreInfo.schemaVersion == 14)
        let names = try await Self.schema(store).map { $0.split(separator: ":")[0] }
        for table in ["user", "customer", "customerField", "contact", "item", "qualificationChange", "scenario",
                      "scenarioStep", "action", "actionItem", "history", "inboundMessage", "inboundRaw", "analysis",
                      "proposal", "decision", "mailboxSync", "alertRule", "alert", "modelVersion", "outboundSend",
                      "replyLabel", "quarantineDisposition", "upload", "inboundByCollector"] {
            #expect(names.contains("table \(table)"[...]), "missing table \(table)")
        }
        let journal = try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test(arguments: AgendaSchema.migrationNames.dropLast())
    func anEarlierSchemaWithDataUpgradesToTheCurrentOne(last: String) async throws {
        let path = TemporaryDatabase.path()
        do {
            let old = try SQLiteAgendaStore(path: path, migrateUpTo: last)
            #expect(try await old.appliedMigrations().last == last)
            try await old.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO user (id, login, name, role) VALUES (1, 'alice', 'Alice', 'collector');
                    INSERT INTO customer (id, externalKey, name, collectorId, createdAt, updatedAt)
                        VALUES (1, 'C1', 'Acme', 1, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
                    INSERT INTO item (id, customerId, kind, number, issueDate, dueDate, amountMinor, openAmountMinor,
                        currency) VALUES (1, 1, 'invoice', 'F-1', '2026-01-01', '2026-02-01', 1000, 1000, 'EUR');
                    INSERT INTO action (id, customerId, origin, channel, mode, status, plannedDate, createdAt)
                        VALUES (1, 1, 'manual', 'call', 'manual', 'planned', '2026-02-10', '2026-02-10 00:00:00.000');
                    """)
            }
        }
        let upgraded = try SQLiteAgendaStore(path: path)
        #expect(try await upgraded.appliedMigrations() == AgendaSchema.migrationNames)
        let fresh = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        #expect(try await Self.schema(upgraded) == Self.schema(fresh))
        let item = try #require(try await upgraded.item(number: "F-1"))
        #expect(item.amount == Money(minorUnits: 1000, currency: "EUR"))
        #expect(try await upgraded.action(ActionID(1))?.channel == .call)
        // The later tables work on the upgraded data.
        let stored = try await upgraded.storeInbound(InboundMessage(raw: Data("x".utf8), kind: .reply, receivedAt: Date(),
                                                                    customer: item.customer), analysis: nil)
        #expect(stored.created)
        _ = try await upgraded.createAlertRule(AlertRule(name: "old", kind: .overdueMoreThan, days: 1))
        #expect(try await upgraded.evaluateAlertRules(on: Day(iso: "2026-03-01")!, at: Date()).count == 1)
    }

    /// Constraints that must hold in the database itself, whatever code writes to it.
    @Test(arguments: [
        "INSERT INTO item (customerId, kind, number, issueDate, dueDate, amountMinor, openAmountMinor, currency) VALUES (999, 'invoice', 'X', '2026-01-01', '2026-01-01', 1, 1, 'EUR')",
        "INSERT INTO user (login, name, role) VALUES ('x', 'X', 'superuser')",
        "INSERT INTO customer (externalKey, name, createdAt, updatedAt) VALUES ('C1', 'Dup', '', '')",
        "INSERT INTO item (customerId, kind, number, issueDate, dueDate, amountMinor, openAmountMinor, currency) VALUES (1, 'invoice', 'X', '2026-01-01', '2026-01-01', 1, 1, 'eur')",
        "INSERT INTO item (customerId, kind, number, issueDate, dueDate, amountMinor, openAmountMinor, currency) VALUES (1, 'invoice', 'X', '01/01/2026', '2026-01-01', 1, 1, 'EUR')",
        "INSERT INTO action (customerId, origin, channel, mode, status, plannedDate, createdAt) VALUES (1, 'manual', 'call', 'manual', 'error', '2026-01-01', '')",
        "INSERT INTO action (customerId, origin, channel, mode, status, plannedDate, createdAt) VALUES (1, 'scenario', 'call', 'manual', 'planned', '2026-01-01', '')",
        "UPDATE history SET event = 'x'",
        "DELETE FROM history",
        "INSERT INTO contact (customerId, externalKey, isCollectionContact) VALUES (1, 'K2', 1)",
        "INSERT INTO modelVersion (version, metrics, createdAt, promoted) VALUES ('b', '{}', '', 1)",
    ])
    func theDatabaseRefusesInvalidRows(sql: String) async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        try await store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO customer (id, externalKey, name, createdAt, updatedAt) VALUES (1, 'C1', 'Acme', '', '');
                INSERT INTO contact (customerId, externalKey, isCollectionContact) VALUES (1, 'K1', 1);
                INSERT INTO history (at, entity, event) VALUES ('', 'test', 'created');
                INSERT INTO modelVersion (version, metrics, createdAt, promoted) VALUES ('a', '{}', '', 1);
                """)
        }
        await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in try db.execute(sql: sql) }
        }
    }
}
