import Foundation
import MailIngest

/// A configuration problem, named by account and field; never carries a secret.
struct MailboxConfigurationError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What is wrong.
    var description: String
}

/// One mailbox ready to poll: where, how to log in (secret resolved), how to sync.
struct PolledMailbox: Sendable {
    /// `account/mailbox`: the name the store keys the sync state by.
    var key: String
    /// The mailbox name on the server.
    var mailbox: String
    /// The account's connection settings (with the secret, never printed).
    var account: IMAPConnectionSettings
    /// How stored messages are marked.
    var markMode: MarkMode
    /// UIDs per FETCH.
    var batchSize: Int
    /// IDLE or poll.
    var waitPolicy: WaitPolicy
    /// Marks sent while batches remain to fetch (once `maxUnmarked` wait) go over a second connection
    /// (``MarkLane``); false keeps one connection per mailbox at all times.
    var separateMarkSession = true
    /// Stored messages whose mark may wait while a pass catches up (see `MailboxConfiguration.Mailbox.maxUnmarked`).
    var maxUnmarked = 200_000
}

/// Connection settings for one account with its secret resolved. `description` omits the secret.
struct IMAPConnectionSettings: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var port: UInt16
    var security: MailboxConfiguration.Account.Security
    var auth: MailboxConfiguration.Account.Auth
    var user: String
    var secret: String
    var caFile: String?
    var allowInvalidCertificates: Bool
    var timeout: Duration
    /// For `xoauth2`: the command run before each login for a fresh token (then `secret` is empty).
    var tokenCommand: TokenCommand? = nil

    var description: String {
        "\(host):\(port) \(security.rawValue) \(auth.rawValue) \(user)"
            + (allowInvalidCertificates ? " (certificate verification OFF)" : "")
    }
}

extension MailboxConfiguration {
    /// Reads a JSON configuration file.
    static func load(path: String) throws -> MailboxConfiguration {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw MailboxConfigurationError(description: "cannot read mailbox configuration \(path)")
        }
        do { return try JSONDecoder().decode(MailboxConfiguration.self, from: data) } catch let error as DecodingError {
            throw MailboxConfigurationError(description: "mailbox configuration \(path): \(Self.describe(error))")
        }
    }

    /// Validates the file and resolves every secret; `environment` and `readFile` are injectable for tests.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment,
                 readFile: (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: $0)) })
        throws -> [PolledMailbox] {
        var names = Set<String>()
        var result: [PolledMailbox] = []
        for account in accounts {
            guard !account.name.isEmpty, !account.name.contains("/"), names.insert(account.name).inserted else {
                throw MailboxConfigurationError(description: "account names must be unique, non-empty, without '/'")
            }
            let settings = try account.settings(environment: environment, readFile: readFile)
            var mailboxNames = Set<String>()
            for mailbox in account.mailboxes {
                guard mailboxNames.insert(mailbox.name).inserted else {
                    throw MailboxConfigurationError(description: "account \(account.name): mailbox \(mailbox.name) twice")
                }
                result.append(try mailbox.polled(account: account.name, settings: settings))
            }
        }
        return result
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
             .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : path + ": ") + context.debugDescription
        @unknown default:
            return "invalid"
        }
    }
}

extension MailboxConfiguration.Account {
    func settings(environment: [String: String], readFile: (String) throws -> Data) throws -> IMAPConnectionSettings {
        let security = security ?? .tls
        let timeout = timeoutSeconds ?? 30
        guard timeout >= 1 else { throw MailboxConfigurationError(description: "account \(name): timeout_seconds < 1") }
        var secret = ""
        var tokenCommand: TokenCommand?
        if let command = xoauth2TokenCommand {
            guard (auth ?? .xoauth2) == .xoauth2 else {
                throw MailboxConfigurationError(description: "account \(name): xoauth2_token_command needs auth xoauth2")
            }
            guard passwordFile == nil, passwordEnv == nil else {
                throw MailboxConfigurationError(description:
                    "account \(name): set only one of xoauth2_token_command, password_file and password_env")
            }
            guard let program = command.first, program.hasPrefix("/") else {
                throw MailboxConfigurationError(description:
                    "account \(name): xoauth2_token_command must start with an absolute program path")
            }
            tokenCommand = TokenCommand(arguments: command, timeout: .seconds(timeout))
        } else {
            do {
                guard let value = try SecretSource.read(file: passwordFile, env: passwordEnv, environment: environment,
                                                        readFile: { try? readFile($0) }) else {
                    throw MailboxConfigurationError(description: "account \(name): set password_file or password_env")
                }
                secret = value
            } catch let failure as SecretSource.Failure {
                throw MailboxConfigurationError(description: "account \(name): \(failure.describe("password"))")
            }
        }
        return IMAPConnectionSettings(host: host, port: port ?? (security == .tls ? 993 : 143), security: security,
                                      auth: auth ?? (tokenCommand == nil ? .login : .xoauth2), user: user,
                                      secret: secret, caFile: caFile,
                                      allowInvalidCertificates: allowInvalidCertificates ?? false,
                                      timeout: .seconds(timeout), tokenCommand: tokenCommand)
    }
}

extension MailboxConfiguration.Mailbox {
    func polled(account: String, settings: IMAPConnectionSettings) throws -> PolledMailbox {
        let markMode: MarkMode
        switch mark ?? .keyword {
        case .keyword: markMode = .keyword(keyword ?? "$Captured")
        case .seen: markMode = .seen
        case .move:
            guard let target, !target.isEmpty, target != name else {
                throw MailboxConfigurationError(description:
                    "account \(account): mailbox \(name): move needs a target other than the mailbox")
            }
            markMode = .move(to: target)
        }
        if case .keyword(let word) = markMode,
           word.isEmpty || word.contains(where: { " (){%*\"\\]".contains($0) || $0.asciiValue.map { $0 < 0x21 } ?? true }) {
            throw MailboxConfigurationError(description: "account \(account): mailbox \(name): invalid keyword")
        }
        let batch = batchSize ?? 200
        guard (1...5000).contains(batch) else {
            throw MailboxConfigurationError(description: "account \(account): mailbox \(name): batch_size not in 1...5000")
        }
        let interval = pollIntervalSeconds ?? 60
        guard interval > 0 else {
            throw MailboxConfigurationError(description: "account \(account): mailbox \(name): poll_interval_seconds <= 0")
        }
        let unmarked = maxUnmarked ?? 200_000
        guard unmarked >= 1 else {
            throw MailboxConfigurationError(description: "account \(account): mailbox \(name): max_unmarked < 1")
        }
        return PolledMailbox(key: account + "/" + name, mailbox: name, account: settings, markMode: markMode,
                             batchSize: batch,
                             waitPolicy: WaitPolicy(useIdle: idle ?? true,
                                                    pollInterval: .milliseconds(Int(interval * 1000))),
                             separateMarkSession: separateMarkSession ?? true, maxUnmarked: unmarked)
    }
}
