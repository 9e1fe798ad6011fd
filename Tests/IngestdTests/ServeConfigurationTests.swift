import Foundation
import Testing
@testable import ingestd

/// The YAML configuration of `ingestd serve`: defaults, the example file, secrets, other areas' sections, errors.
@Suite struct ServeConfigurationTests {
    @Test func noFileGivesTheEmbeddedDefaults() throws {
        let file = try ConfigurationFile.load(path: nil, environment: [:])
        #expect(file.serve == ServeConfiguration())
        #expect(file.serve.listen.host == "127.0.0.1" && file.serve.listen.port == 8080)
        #expect(file.serve.databasePath == "data/ingestd.sqlite")
        #expect(try file.section("mailboxes", as: [String].self) == nil)
    }

    @Test func theExampleFileDecodesToTheDefaults() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("config/ingestd.example.yaml").path
        let file = try ConfigurationFile.load(path: path, environment: [:])
        #expect(file.serve == ServeConfiguration())
    }

    @Test func valuesOverrideDefaults() throws {
        let file = try ConfigurationFile.parse("""
            data_dir: /var/lib/ingestd
            database: /srv/db.sqlite
            listen: {port: 9090}
            log_level: debug
            web: {bcrypt_cost: 10, secure_cookies: true}
            """, environment: [:])
        #expect(file.serve.databasePath == "/srv/db.sqlite")
        #expect(file.serve.listen.host == "127.0.0.1" && file.serve.listen.port == 9090)
        #expect(file.serve.logLevel == "debug" && file.serve.web.bcryptCost == 10 && file.serve.web.secureCookies)
        #expect(file.serve.web.loginAttempts == 5)
    }

    @Test func secretsComeFromFilesOrTheEnvironmentAndErrorsNeverShowThem() throws {
        let secretFile = FileManager.default.temporaryDirectory.appendingPathComponent("ingestd-secret-\(UUID())")
        try Data("s3cret-from-file\n".utf8).write(to: secretFile)
        defer { try? FileManager.default.removeItem(at: secretFile) }
        let file = try ConfigurationFile.parse("admin: {login: root, password_env: ADMIN_PW}",
                                               environment: ["ADMIN_PW": "s3cret-from-env"])
        #expect(try file.secret(file: nil, env: "ADMIN_PW") == "s3cret-from-env")
        #expect(try file.secret(file: secretFile.path, env: nil) == "s3cret-from-file")
        #expect(try file.secret(file: nil, env: nil) == nil)
        #expect(file.serve.admin == ServeConfiguration.Admin(login: "root", name: nil, passwordFile: nil,
                                                              passwordEnv: "ADMIN_PW"))
        let error = #expect(throws: ConfigurationError.self) { try file.secret(file: nil, env: "MISSING") }
        #expect(error?.description == "the environment variable MISSING is not set")
    }

    /// Another area's section decodes into its own type.
    struct Mailbox: Decodable, Equatable {
        var name: String
        var port: Int
    }

    @Test func otherAreasDecodeTheirSections() throws {
        let file = try ConfigurationFile.parse("""
            mailboxes:
              - {name: collections, port: 993}
              - {name: disputes, port: 143}
            outbound: {anything: [1, 2]}
            """, environment: [:])
        #expect(try file.section("mailboxes", as: [Mailbox].self)
                == [Mailbox(name: "collections", port: 993), Mailbox(name: "disputes", port: 143)])
        #expect(throws: ConfigurationError.self) { try file.section("outbound", as: [Mailbox].self) }
    }

    @Test(arguments: [
        ("listne: {port: 1}", "unknown key 'listne' in the configuration"),
        ("listen: {port: 70000}", "listen.port must be 1...65535"),
        ("listen: {port: eighty}", "bad value in the configuration at listen.port"),
        ("web: {bcrypt_cost: 3}", "web.bcrypt_cost must be 4...31"),
        ("log_level: loud", "log_level must be one of trace, debug, info, notice, warning, error, critical"),
        ("session_key_file: a\nsession_key_env: B", "set session_key_file or session_key_env, not both"),
        ("- a list", "the configuration must be a mapping"),
        ("a: [unclosed", "the configuration is not valid YAML"),
        ("admin: {name: x}", "bad value in the configuration at admin.login"),
    ])
    func badConfigurationsAreRefusedWithTheirKey(yaml: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationFile.parse(yaml, environment: [:]) }
        #expect(error?.description == message)
    }
}
