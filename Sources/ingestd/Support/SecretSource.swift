import Foundation

/// Secrets (IMAP/SMTP passwords, gateway tokens, the admin password) never sit in a configuration file: a
/// `*_file` setting names a file holding the secret (trailing line breaks dropped), a `*_env` setting an environment
/// variable. One reader for every part, so they all refuse the same mistakes; errors name where it looked, never the
/// value.
enum SecretSource {
    /// Why a secret could not be read.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file is missing or unreadable.
        case unreadableFile(String)
        /// The variable is unset or empty.
        case unsetVariable(String)
        /// Both a file and a variable were given.
        case both

        /// The sentence for an operator when the setting's name is not known.
        var description: String {
            switch self {
            case .unreadableFile(let path): "cannot read the secret file \(path)"
            case .unsetVariable(let name): "the environment variable \(name) is not set"
            case .both: "set only one of the *_file and *_env settings"
            }
        }

        /// The sentence for an operator, with `key` the setting's prefix (e.g. `password`).
        func describe(_ key: String) -> String {
            switch self {
            case .unreadableFile(let path): "cannot read \(key)_file \(path)"
            case .unsetVariable(let name): "the environment variable \(name) is not set"
            case .both: "set only one of \(key)_file and \(key)_env"
            }
        }
    }

    /// The secret from `file` or `env`; nil when neither is set.
    static func read(file: String?, env: String?,
                     environment: [String: String] = ProcessInfo.processInfo.environment,
                     readFile: (String) -> Data? = { FileManager.default.contents(atPath: $0) }) throws(Failure) -> String? {
        switch (file, env) {
        case (nil, nil):
            return nil
        case (_?, _?):
            throw .both
        case (let file?, nil):
            guard let data = readFile(file), let text = String(data: data, encoding: .utf8) else {
                throw .unreadableFile(file)
            }
            var value = Substring(text)
            while value.last == "\n" || value.last == "\r" || value.last == "\r\n" { value.removeLast() }
            return String(value)
        case (nil, let name?):
            guard let value = environment[name], !value.isEmpty else { throw .unsetVariable(name) }
            return value
        }
    }
}
