import AgendaStore
import ArgumentParser
import Foundation
import WebUI

/// `ingestd user`: creates a web UI user or sets a user's password, in the store of a configuration file.
/// The password comes from an environment variable or standard input, never from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create a web UI user or set a user's password (password from --password-env or standard input)."
    )

    @Option(name: .long, help: "YAML configuration file (the store it names).")
    var config: String?

    @Argument(help: "Login name.")
    var login: String

    @Option(name: .long, help: "Display name (new users).")
    var name: String?

    @Option(name: .long, help: "Role of a new user: collector, operator or admin.")
    var role: String = "collector"

    @Option(name: .long, help: "Environment variable holding the password; without it, the first line of standard input.")
    var passwordEnv: String?

    func run() async throws {
        let file: ConfigurationFile
        do {
            file = try ConfigurationFile.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        guard let role = Role(rawValue: role) else { throw ValidationError("role must be collector, operator or admin") }
        let password: String
        if let passwordEnv {
            guard let value = ProcessInfo.processInfo.environment[passwordEnv] else {
                throw ValidationError("the environment variable \(passwordEnv) is not set")
            }
            password = value
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard password.count >= 8 else { throw ValidationError("the password must have at least 8 characters") }
        try FileManager.default.createDirectory(atPath: file.serve.dataDirectory, withIntermediateDirectories: true)
        let store = try SQLiteAgendaStore(path: file.serve.databasePath)
        let id: UserID
        if let account = try await store.account(login: login) {
            id = account.user.id
        } else {
            id = try await store.createUser(login: login, name: name ?? login, role: role)
        }
        try await store.setPasswordHash(id, hash: Passwords.hash(password, cost: UInt8(file.serve.web.bcryptCost)),
                                        at: Date())
        print("user \(login) (id \(id)): password set")
    }
}
