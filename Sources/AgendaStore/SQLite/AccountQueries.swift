public import Foundation
import GRDB

extension SQLiteAgendaStore: AccountStore {
    public func setPasswordHash(_ user: UserID, hash: String, at: Date) async throws {
        guard hash.hasPrefix("$"), hash.utf8.count >= 59 else {
            throw AgendaStoreError(.invalidArgument, "password hash of user \(user) is not a bcrypt string")
        }
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE id = ?", arguments: [user.rawValue]) != nil
            else { throw AgendaStoreError(.notFound, "user \(user)") }
            try db.execute(sql: """
                INSERT INTO userCredential (userId, passwordHash, updatedAt) VALUES (?, ?, ?)
                ON CONFLICT (userId) DO UPDATE SET passwordHash = excluded.passwordHash, updatedAt = excluded.updatedAt
                """, arguments: [user.rawValue, hash, at])
            try History.append(db, at: at, entity: "user", entityID: user.rawValue, event: "password_set",
                               detail: [:])
        }
    }

    public func account(login: String) async throws -> Account? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT u.*, c.passwordHash FROM user u LEFT JOIN userCredential c ON c.userId = u.id WHERE u.login = ?
                """, arguments: [login]).map { row in
                Account(user: try Self.user(row), passwordHash: row["passwordHash"], active: row["active"])
            }
        }
    }

    public func user(_ id: UserID) async throws -> User? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id.rawValue]).map(Self.user)
        }
    }

    public func users() async throws -> [User] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY login").map(Self.user) }
    }

    static func user(_ row: Row) throws -> User {
        User(id: UserID(row["id"]), login: row["login"], name: row["name"], role: try Decode.required(Role.self, row["role"]))
    }
}
