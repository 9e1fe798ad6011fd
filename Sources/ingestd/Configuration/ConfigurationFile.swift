import Foundation
import Yams

/// A loaded configuration file: the YAML text, the decoded `ServeConfiguration`, and the environment secrets are
/// read from. Other areas decode their own sections (`mailboxes:`, `outbound:`) with `section(_:as:)`.
struct ConfigurationFile: Sendable {
    /// The daemon's settings.
    var serve: ServeConfiguration
    /// The YAML text (kept to decode other sections).
    let text: String
    /// The environment `*_env` secrets are read from.
    let environment: [String: String]

    /// Reads and checks the file at `path`; nil `path` gives the embedded defaults.
    static func load(path: String?, environment: [String: String]) throws -> ConfigurationFile {
        guard let path else { return try parse("{}", environment: environment) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("cannot read the configuration file \(path)")
        }
        return try parse(String(decoding: data, as: UTF8.self), environment: environment)
    }

    /// Decodes and checks YAML text.
    static func parse(_ text: String, environment: [String: String]) throws -> ConfigurationFile {
        let top: Any?
        do {
            top = try Yams.load(yaml: text)
        } catch {
            throw ConfigurationError("the configuration is not valid YAML")
        }
        if let top, !(top is [AnyHashable: Any]) { throw ConfigurationError("the configuration must be a mapping") }
        let known = Set(ServeConfiguration.CodingKeys.allCases.map(\.stringValue) + ServeConfiguration.foreignSections)
        let keys = ((top as? [AnyHashable: Any]) ?? [:]).keys.map { "\($0)" }
        if let unknown = keys.filter({ !known.contains($0) }).sorted().first {
            throw ConfigurationError("unknown key '\(unknown)' in the configuration")
        }
        let serve: ServeConfiguration
        do {
            serve = top == nil ? ServeConfiguration() : try YAMLDecoder().decode(ServeConfiguration.self, from: text)
        } catch let error as DecodingError {
            throw ConfigurationError("bad value in the configuration at \(Self.path(of: error))")
        }
        let file = ConfigurationFile(serve: serve, text: text, environment: environment)
        try file.validate()
        return file
    }

    /// Decodes a top-level section into another area's type; nil when the section is absent.
    func section<T: Decodable>(_ key: String, as type: T.Type) throws -> T? {
        do {
            return try YAMLDecoder().decode(SectionWrapper<T>.self, from: text.isEmpty ? "{}" : text,
                                            userInfo: [SectionKey.userInfoKey: key]).value
        } catch let error as DecodingError {
            throw ConfigurationError("bad value in the configuration at \(Self.path(of: error))")
        }
    }

    /// Reads a secret from a file (trailing newline dropped) or an environment variable; nil when neither is set.
    /// The error names where it looked, never the value.
    func secret(file: String?, env: String?) throws -> String? {
        do { return try SecretSource.read(file: file, env: env, environment: environment) } catch {
            throw ConfigurationError(error.description)
        }
    }

    func validate() throws {
        guard (1...65_535).contains(serve.listen.port) else { throw ConfigurationError("listen.port must be 1...65535") }
        guard !serve.listen.host.isEmpty else { throw ConfigurationError("listen.host is empty") }
        guard (4...31).contains(serve.web.bcryptCost) else { throw ConfigurationError("web.bcrypt_cost must be 4...31") }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(serve.logLevel) else {
            throw ConfigurationError("log_level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard (0...1).contains(serve.web.confidentThreshold) else {
            throw ConfigurationError("web.confident_threshold must be within 0...1")
        }
        guard serve.web.loginAttempts > 0, serve.web.loginWindowMinutes > 0, serve.web.sessionLifetimeMinutes > 0,
              (1...1000).contains(serve.web.pageSize) else {
            throw ConfigurationError("web: attempts, window, lifetime and page size must be positive")
        }
        if serve.sessionKeyFile != nil && serve.sessionKeyEnv != nil {
            throw ConfigurationError("set session_key_file or session_key_env, not both")
        }
        if let admin = serve.admin, admin.passwordFile != nil && admin.passwordEnv != nil {
            throw ConfigurationError("set admin.password_file or admin.password_env, not both")
        }
    }

    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default: return "?"
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        if case .keyNotFound(let key, _) = error { return (path.isEmpty ? "" : path + ".") + key.stringValue }
        return path.isEmpty ? "top level" : path
    }
}

/// A configuration problem, said in one sentence naming the key or file (never a secret's value).
struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A top-level key chosen at run time.
private struct SectionKey: CodingKey {
    static let userInfoKey = CodingUserInfoKey(rawValue: "ingestd.section")!
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Decodes only the section named in the decoder's user info.
private struct SectionWrapper<T: Decodable>: Decodable {
    var value: T?
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SectionKey.self)
        let name = decoder.userInfo[SectionKey.userInfoKey] as? String ?? ""
        value = try container.decodeIfPresent(T.self, forKey: SectionKey(stringValue: name))
    }
}
