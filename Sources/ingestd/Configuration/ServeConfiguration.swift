import Foundation

/// The settings of `ingestd serve` with their defaults, as decoded from the YAML configuration file
/// (`config/ingestd.example.yaml` documents every key). Secrets are never values here: only where to read them
/// (`*_file`, `*_env`); `ConfigurationFile` resolves them. The `mailboxes:` and `outbound:` sections belong to the
/// IMAP poller and the outbound scheduler: read them with `ConfigurationFile.section(_:as:)`.
struct ServeConfiguration: Sendable, Decodable, Equatable {
    /// Folder of the daemon's files (database, uploads). Created if missing.
    var dataDirectory: String = "data"
    /// SQLite database file; relative paths are under `dataDirectory`.
    var database: String = "ingestd.sqlite"
    /// Where the HTTP server listens.
    var listen = Listen()
    /// The classifier model file.
    var model: String = "models/feedback.igdm"
    /// Log level (trace, debug, info, notice, warning, error, critical).
    var logLevel: String = "info"
    /// Web UI settings.
    var web = Web()
    /// The server key (signed customer links): a file holding it, or an environment variable.
    var sessionKeyFile: String?
    /// Environment variable holding the server key.
    var sessionKeyEnv: String?
    /// A first administrator, created when the store has no user yet.
    var admin: Admin?

    /// Bind address (loopback by default: put a TLS proxy in front to serve others).
    struct Listen: Sendable, Decodable, Equatable {
        var host: String = "127.0.0.1"
        var port: Int = 8080
    }

    /// Web UI settings (see `WebOptions`).
    struct Web: Sendable, Decodable, Equatable {
        var secureCookies = false
        var sessionLifetimeMinutes = 480
        var bcryptCost = 12
        var loginAttempts = 5
        var loginWindowMinutes = 15
        var confidentThreshold = 0.85
        var pageSize = 50
    }

    /// The first administrator: login, display name, where the password is.
    struct Admin: Sendable, Decodable, Equatable {
        var login: String
        var name: String?
        var passwordFile: String?
        var passwordEnv: String?
    }

    /// Defaults only.
    init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataDirectory = "data_dir", database, listen, model, logLevel = "log_level", web
        case sessionKeyFile = "session_key_file", sessionKeyEnv = "session_key_env", admin
    }

    /// Top-level keys other areas own.
    static let foreignSections = ["mailboxes", "outbound", "maildirs"]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        dataDirectory = try c.decodeIfPresent(String.self, forKey: .dataDirectory) ?? dataDirectory
        database = try c.decodeIfPresent(String.self, forKey: .database) ?? database
        listen = try c.decodeIfPresent(Listen.self, forKey: .listen) ?? listen
        model = try c.decodeIfPresent(String.self, forKey: .model) ?? model
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? logLevel
        web = try c.decodeIfPresent(Web.self, forKey: .web) ?? web
        sessionKeyFile = try c.decodeIfPresent(String.self, forKey: .sessionKeyFile)
        sessionKeyEnv = try c.decodeIfPresent(String.self, forKey: .sessionKeyEnv)
        admin = try c.decodeIfPresent(Admin.self, forKey: .admin)
    }

    /// The database path, resolved against the data directory.
    var databasePath: String {
        database.hasPrefix("/") ? database : (dataDirectory as NSString).appendingPathComponent(database)
    }
}

extension ServeConfiguration.Listen {
    enum CodingKeys: String, CodingKey { case host, port }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? host
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? port
    }
}

extension ServeConfiguration.Web {
    enum CodingKeys: String, CodingKey {
        case secureCookies = "secure_cookies", sessionLifetimeMinutes = "session_lifetime_minutes"
        case bcryptCost = "bcrypt_cost", loginAttempts = "login_attempts", loginWindowMinutes = "login_window_minutes"
        case confidentThreshold = "confident_threshold", pageSize = "page_size"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        secureCookies = try c.decodeIfPresent(Bool.self, forKey: .secureCookies) ?? secureCookies
        sessionLifetimeMinutes = try c.decodeIfPresent(Int.self, forKey: .sessionLifetimeMinutes) ?? sessionLifetimeMinutes
        bcryptCost = try c.decodeIfPresent(Int.self, forKey: .bcryptCost) ?? bcryptCost
        loginAttempts = try c.decodeIfPresent(Int.self, forKey: .loginAttempts) ?? loginAttempts
        loginWindowMinutes = try c.decodeIfPresent(Int.self, forKey: .loginWindowMinutes) ?? loginWindowMinutes
        confidentThreshold = try c.decodeIfPresent(Double.self, forKey: .confidentThreshold) ?? confidentThreshold
        pageSize = try c.decodeIfPresent(Int.self, forKey: .pageSize) ?? pageSize
    }
}

extension ServeConfiguration.Admin {
    enum CodingKeys: String, CodingKey {
        case login, name, passwordFile = "password_file", passwordEnv = "password_env"
    }
}
