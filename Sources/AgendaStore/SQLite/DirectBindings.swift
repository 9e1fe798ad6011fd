import Foundation
import GRDB
import GRDBSQLite

/// Runs a prepared statement with its values bound straight through SQLite's C API (`sqlite3_bind_*`), for the
/// few inserts made once per stored message: GRDB's `StatementArguments` box every value in an existential and
/// were about a quarter of the store's CPU on the mail path. Only for statements that return no rows.
struct DirectBindings {
    private let statement: OpaquePointer
    private var index: Int32 = 1

    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private init(_ statement: OpaquePointer) { self.statement = statement }

    /// Binds the values `bind` gives, in parameter order, then steps `statement` to its end in `db`.
    static func execute(_ statement: Statement, in db: Database, _ bind: (inout DirectBindings) -> Void) throws {
        let raw = statement.sqliteStatement
        // Every parameter is bound again below (checked), so the previous values need no clearing first.
        sqlite3_reset(raw)
        var bindings = DirectBindings(raw)
        bind(&bindings)
        precondition(bindings.index - 1 == sqlite3_bind_parameter_count(raw), "every parameter is bound once")
        let code = sqlite3_step(raw)
        sqlite3_reset(raw)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage,
                                sql: statement.sql)
        }
    }

    /// An integer, or NULL.
    mutating func bind(_ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
        index += 1
    }

    /// An integer, or NULL.
    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    /// An integer, or NULL.
    mutating func bind(_ value: UInt32?) { bind(value.map(Int64.init)) }

    /// Text, or NULL.
    mutating func bind(_ value: String?) {
        if var value {
            value.withUTF8 { bytes in
                let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                _ = sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                      Self.transient)
            }
        } else {
            sqlite3_bind_null(statement, index)
        }
        index += 1
    }

    /// A blob, or NULL.
    mutating func bind(_ value: Data?) {
        if let value {
            value.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                                      Int32(bytes.count), Self.transient)
            }
        } else {
            sqlite3_bind_null(statement, index)
        }
        index += 1
    }
}
