import AgendaStore
import Foundation
import Logging
import WebUI

/// Creates the configured first administrator when the store has no user yet, so a new installation can log in.
enum AdminBootstrap {
    static func ensureAdmin(file: ConfigurationFile, store: SQLiteAgendaStore, logger: Logger) async throws {
        guard let admin = file.serve.admin, try await store.users().isEmpty else { return }
        guard let password = try file.secret(file: admin.passwordFile, env: admin.passwordEnv) else {
            throw ConfigurationError("admin needs password_file or password_env")
        }
        guard password.count >= 8 else { throw ConfigurationError("the admin password must have at least 8 characters") }
        let id = try await store.createUser(login: admin.login, name: admin.name ?? admin.login, role: .admin)
        try await store.setPasswordHash(id, hash: Passwords.hash(password, cost: UInt8(file.serve.web.bcryptCost)),
                                        at: Date())
        logger.notice("first administrator created", metadata: ["user.id": "\(id)"])
    }
}
