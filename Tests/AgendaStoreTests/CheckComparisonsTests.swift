import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// Migration 13: vocabulary CHECK constraints written as comparisons accept and refuse what the IN lists did.
@Suite struct CheckComparisonsTests {
    @Test func listsOfMoreThanTwoConstantsBecomeComparisons() {
        #expect(AgendaSchema.checksAsComparisons("kind TEXT CHECK (kind IN ('a','b', 'c'))")
                == "kind TEXT CHECK ((kind = 'a' OR kind = 'b' OR kind = 'c'))")
        #expect(AgendaSchema.checksAsComparisons("CHECK (k NOT IN ('a','b','c') OR x)")
                == "CHECK ((k <> 'a' AND k <> 'b' AND k <> 'c') OR x)")
        // Across lines, as the schema writes long lists.
        #expect(AgendaSchema.checksAsComparisons("CHECK (c IN\n    ('a','b',\n     'c'))")
                == "CHECK ((c = 'a' OR c = 'b' OR c = 'c'))")
        // Two constants, numbers and subqueries are left alone: SQLite compares those without a temporary table.
        for kept in ["CHECK (k IN ('a','b'))", "CHECK (active IN (0,1))", "CHECK (k IN (SELECT k FROM t))"] {
            #expect(AgendaSchema.checksAsComparisons(kept) == kept)
        }
    }

    @Test func noTableKeepsALongConstantList() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let sql = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
        }
        for table in sql { #expect(AgendaSchema.checksAsComparisons(table) == table) }
        #expect(sql.contains { $0.contains("compression = 'zstd'") })
    }

    /// Every table's vocabulary rules, before and after migration 13, over each value of the vocabulary, a value
    /// outside it and NULL: the same rows are accepted.
    @Test func theRulesAcceptAndRefuseTheSameValues() async throws {
        let before = try SQLiteAgendaStore(path: TemporaryDatabase.path(), migrateUpTo: "ui-speed-collector-indexes")
        let after = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let cases: [(table: String, column: String, values: [String])] = [
            ("inboundMessage", "kind", ["reply", "auto_reply", "bounce", "feedback_report", "comment", "other"]),
            ("inboundMessage", "correlation", ["capture_token", "in_reply_to", "sender_address", "sender_domain",
                                               "item_number", "unmatched"]),
            ("history", "channel", ["email", "sms", "letter", "call", "litigation"]),
            ("history", "status", ["planned", "confirmed", "sending", "done", "cancelled", "error"]),
        ]
        for (table, column, values) in cases {
            for value in values + ["Reply", "nope", ""] as [String?] + [nil] {
                let old = try await Self.accepts(before, table: table, column: column, value: value)
                let new = try await Self.accepts(after, table: table, column: column, value: value)
                #expect(old == new, "\(table).\(column) = \(value ?? "NULL")")
                #expect(old == (value.map(values.contains) ?? (column != "kind" && column != "correlation")))
            }
        }
        for compression in ["deflate", "none", "zstd", "gzip"] {
            let accepted = try await Self.accepts(after, table: "inboundRaw", column: "compression", value: compression)
            #expect(accepted == (compression != "gzip"), "\(compression)")
        }
    }

    /// Inserts one row with `column` set to `value` (inside a rolled-back transaction) and says if SQLite took it.
    static func accepts(_ store: SQLiteAgendaStore, table: String, column: String, value: String?) async throws -> Bool {
        let row: [String: DatabaseValue] = switch table {
        case "inboundMessage": ["contentHash": Data(repeating: 1, count: 32).databaseValue, "kind": "reply".databaseValue,
                                "receivedAt": "2026-01-01".databaseValue, "correlation": "unmatched".databaseValue]
        case "history": ["at": "2026-01-01".databaseValue, "entity": "x".databaseValue, "event": "y".databaseValue]
        default: ["messageId": 1.databaseValue, "compression": "none".databaseValue, "rawSize": 0.databaseValue,
                  "raw": Data().databaseValue]
        }
        var edited = row
        edited[column] = value?.databaseValue ?? .null
        let values = edited, columns = edited.keys.sorted()
        return try await store.pool.write { db in
            if table == "inboundRaw" {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO inboundMessage (id, contentHash, kind, receivedAt, correlation)
                    VALUES (1, zeroblob(32), 'reply', '2026-01-01', 'unmatched')
                    """)
            }
            do {
                try db.inSavepoint {
                    try db.execute(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
                                   + columns.map { _ in "?" }.joined(separator: ", ") + ")",
                                   arguments: StatementArguments(columns.map { values[$0] ?? .null }))
                    return .rollback
                }
                return true
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                return false
            }
        }
    }
}
