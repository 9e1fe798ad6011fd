public import Foundation
import GRDB

/// The SQLite backend (GRDB `DatabasePool`: WAL, one writer, concurrent readers, foreign keys on).
/// Durability: the writer runs with `synchronous = FULL`, so a commit survives power loss before the caller goes on
/// (and, say, moves the stored message out of the server's mailbox). GRDB sets NORMAL when it opens a pool in WAL
/// mode, which survives a crash of the process but may lose the last commits on power loss.
public final class SQLiteAgendaStore: AgendaStore {
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and applies every pending migration.
    public convenience init(path: String) throws {
        try self.init(path: path, migrateUpTo: nil)
    }

    /// Opens the database and migrates up to the named migration (all when nil). For migration tests.
    init(path: String, migrateUpTo last: String?) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(60)
        configuration.maximumReaderCount = 8
        // A 32 MB page cache per connection instead of SQLite's 2 MB: planning and the triggers that keep the tallies
        // and `historyByCollector` update indexes at random customers, and with 2 MB nearly every such write read
        // its pages back through the OS (83,164 history rows with their triggers: 5.2 s CPU with 2 MB, 3.4 s with
        // 64 MB, measured on the benchmark database). Only pages actually read take memory.
        // Statement journals in memory: an insert with triggers inside a batch transaction journals the pages it
        // changes (about 7 per inbound message); with SQLite's default they spill to a file under /var/tmp, two
        // pwrite calls per page (21 a message, 9% of the IMAP benchmark's CPU). Temp tables are small here.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        if let last {
            try AgendaSchema.migrator.migrate(pool, upTo: last)
        } else {
            try AgendaSchema.migrator.migrate(pool)
        }
    }

    /// Names of the migrations applied to this database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await pool.read { db in try AgendaSchema.migrator.appliedMigrations(db) }
    }

    /// The database file's size in bytes (main file plus WAL), after a checkpoint.
    public func databaseSize() async throws -> Int64 {
        try await pool.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * size
        }
    }

    // MARK: Reference data

    public func createUser(login: String, name: String, role: Role) async throws -> UserID {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO user (login, name, role) VALUES (?, ?, ?)",
                           arguments: [login, name, role.rawValue])
            return UserID(db.lastInsertedRowID)
        }
    }

    public func createScenario(_ definition: ScenarioDefinition) async throws -> ScenarioID {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO scenario (name, pauseOnDispute, pauseOnPromise) VALUES (?, ?, ?)",
                           arguments: [definition.name, definition.pauseOnDispute, definition.pauseOnPromise])
            let id = db.lastInsertedRowID
            for (position, step) in definition.steps.enumerated() {
                try db.execute(sql: """
                    INSERT INTO scenarioStep (scenarioId, position, dayOffset, dayBase, channel, mode, template)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, position, step.dayOffset, step.dayBase.rawValue, step.channel.rawValue,
                                     step.mode.rawValue, step.template])
            }
            try History.append(db, entity: "scenario", entityID: id, event: "created",
                               detail: ["steps": definition.steps.count])
            return ScenarioID(id)
        }
    }

    public func steps(of scenario: ScenarioID) async throws -> [(id: StepID, step: ScenarioStep)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenarioStep WHERE scenarioId = ? ORDER BY position",
                             arguments: [scenario.rawValue]).map { row in
                (StepID(row["id"]), try Decode.step(row))
            }
        }
    }

    public func assign(_ customer: CustomerID, collector: UserID?, scenario: ScenarioID?) async throws {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [customer.rawValue])
                    != nil else { throw AgendaStoreError(.notFound, "customer \(customer)") }
            if let collector {
                try db.execute(sql: "UPDATE customer SET collectorId = ? WHERE id = ?",
                               arguments: [collector.rawValue, customer.rawValue])
            }
            if let scenario {
                try db.execute(sql: "UPDATE customer SET scenarioId = ? WHERE id = ?",
                               arguments: [scenario.rawValue, customer.rawValue])
            }
            try History.append(db, entity: "customer", entityID: customer.rawValue, event: "assigned",
                               customer: customer.rawValue,
                               detail: ["collector": collector?.rawValue as Any, "scenario": scenario?.rawValue as Any])
        }
    }

    public func customer(externalKey: String) async throws -> Customer? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE externalKey = ?",
                                             arguments: [externalKey]) else { return nil }
            let id: Int64 = row["id"]
            var fields: [String: String] = [:]
            for field in try Row.fetchAll(db, sql: "SELECT name, value FROM customerField WHERE customerId = ?",
                                          arguments: [id]) {
                fields[field["name"]] = field["value"]
            }
            return Customer(id: CustomerID(id), externalKey: row["externalKey"], name: row["name"],
                            language: row["language"], collector: (row["collectorId"] as Int64?).map(UserID.init),
                            scenario: (row["scenarioId"] as Int64?).map(ScenarioID.init), fields: fields)
        }
    }

    public func contacts(of customer: CustomerID) async throws -> [Contact] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact WHERE customerId = ? ORDER BY externalKey",
                             arguments: [customer.rawValue]).map(Decode.contact)
        }
    }

    public func items(of customer: CustomerID) async throws -> [Item] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM item WHERE customerId = ? ORDER BY number",
                             arguments: [customer.rawValue]).map(Decode.item)
        }
    }

    public func item(number: String) async throws -> Item? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM item WHERE number = ?", arguments: [number]).map(Decode.item)
        }
    }

    public func qualificationChanges(of item: ItemID) async throws
        -> [(at: Date, before: QualificationState, after: QualificationState, user: UserID?)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM qualificationChange WHERE itemId = ? ORDER BY id",
                             arguments: [item.rawValue]).map { row in
                (row["at"], try Snapshot.decode(row["before"]), try Snapshot.decode(row["after"]),
                 (row["userId"] as Int64?).map(UserID.init))
            }
        }
    }

    public func qualify(_ item: ItemID, as state: QualificationState, by user: UserID?, at: Date) async throws {
        try await pool.write { db in
            _ = try Qualifier.apply(db, item: item.rawValue, state: state, source: "manual", user: user?.rawValue,
                                    at: at)
        }
    }

    public func setOpenAmount(_ item: ItemID, minorUnits: Int64, at: Date) async throws {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT customerId, openAmountMinor FROM item WHERE id = ?",
                                             arguments: [item.rawValue]) else {
                throw AgendaStoreError(.notFound, "item \(item)")
            }
            try db.execute(sql: "UPDATE item SET openAmountMinor = ? WHERE id = ?",
                           arguments: [minorUnits, item.rawValue])
            try History.append(db, at: at, entity: "item", entityID: item.rawValue, event: "open_amount_changed",
                               customer: row["customerId"],
                               detail: ["before": row["openAmountMinor"] as Int64, "after": minorUnits])
        }
    }
}
