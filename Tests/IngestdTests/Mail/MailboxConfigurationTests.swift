import Foundation
@testable import ingestd
import MailIngest
import Testing

@Suite("MailboxConfiguration")
struct MailboxConfigurationTests {
    private static func resolve(_ json: String, environment: [String: String] = ["PW": "s3cret"],
                                files: [String: String] = ["/pw": "filepw\n"]) throws -> [PolledMailbox] {
        let configuration = try JSONDecoder().decode(MailboxConfiguration.self, from: Data(json.utf8))
        return try configuration.resolve(environment: environment) { path in
            guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return Data(text.utf8)
        }
    }

    @Test("A full account with two mailboxes and every default")
    func full() throws {
        let mailboxes = try Self.resolve("""
            {"accounts": [{"name": "eu", "host": "imap.example.test", "user": "replies", "password_env": "PW",
              "ca_file": "/ca.pem", "mailboxes": [
                {"name": "INBOX"},
                {"name": "Replies", "mark": "move", "target": "Replies/Done", "batch_size": 50,
                 "poll_interval_seconds": 5, "idle": false, "separate_mark_session": false, "max_unmarked": 500}]}]}
            """)
        #expect(mailboxes.count == 2)
        let inbox = mailboxes[0], replies = mailboxes[1]
        #expect(inbox.key == "eu/INBOX")
        #expect(inbox.account.port == 993 && inbox.account.security == .tls && inbox.account.auth == .login)
        #expect(inbox.account.secret == "s3cret")
        #expect(inbox.account.caFile == "/ca.pem" && !inbox.account.allowInvalidCertificates)
        #expect(inbox.markMode == .keyword("$Captured") && inbox.batchSize == 200)
        #expect(inbox.waitPolicy == WaitPolicy(useIdle: true, pollInterval: .seconds(60)))
        #expect(replies.markMode == .move(to: "Replies/Done") && replies.batchSize == 50)
        #expect(inbox.separateMarkSession && !replies.separateMarkSession)
        #expect(inbox.maxUnmarked == 200_000 && replies.maxUnmarked == 500)
        #expect(replies.waitPolicy.wait(capabilities: ["IDLE"]) == .poll(.seconds(5)))
        #expect(!inbox.account.description.contains("s3cret"))
    }

    @Test("Password from a file, trailing newline dropped; STARTTLS defaults to port 143")
    func passwordFile() throws {
        let mailbox = try #require(try Self.resolve("""
            {"accounts": [{"name": "a", "host": "h", "user": "u", "password_file": "/pw", "security": "starttls",
              "auth": "xoauth2", "mailboxes": [{"name": "INBOX", "mark": "seen"}]}]}
            """).first)
        #expect(mailbox.account.secret == "filepw")
        #expect(mailbox.account.port == 143 && mailbox.account.auth == .xoauth2)
        #expect(mailbox.markMode == .seen)
    }

    @Test("A token command makes the account XOAUTH2, with the account's timeout and no stored secret")
    func tokenCommand() throws {
        let mailbox = try #require(try Self.resolve("""
            {"accounts": [{"name": "a", "host": "h", "user": "u", "timeout_seconds": 7,
              "xoauth2_token_command": ["/usr/local/bin/token", "--account", "a"], "mailboxes": [{"name": "INBOX"}]}]}
            """).first)
        #expect(mailbox.account.auth == .xoauth2 && mailbox.account.secret.isEmpty)
        #expect(mailbox.account.tokenCommand == TokenCommand(arguments: ["/usr/local/bin/token", "--account", "a"],
                                                            timeout: .seconds(7)))
    }

    @Test("Refused configurations name the problem and never the secret", arguments: [
        (#""password": "inline", "password_env": "PW""#, "inline passwords"),
        (#""user2": 1"#, "set password_file or password_env"),
        (#""password_env": "PW", "password_file": "/pw""#, "only one"),
        (#""password_env": "MISSING""#, "MISSING is not set"),
        (#""password_file": "/nope""#, "cannot read password_file /nope"),
        (#""password_env": "PW", "timeout_seconds": 0"#, "timeout_seconds"),
        (#""xoauth2_token_command": ["/bin/echo"], "password_env": "PW""#, "only one of xoauth2_token_command"),
        (#""xoauth2_token_command": ["/bin/echo"], "auth": "login""#, "needs auth xoauth2"),
        (#""xoauth2_token_command": ["echo", "t"]"#, "absolute program path"),
        (#""xoauth2_token_command": []"#, "absolute program path"),
    ])
    func refusedAccounts(fields: String, message: String) {
        let json = """
            {"accounts": [{"name": "a", "host": "h", "user": "u", \(fields), "mailboxes": [{"name": "INBOX"}]}]}
            """
        #expect {
            try Self.resolve(json)
        } throws: { error in
            String(describing: error).contains(message) && !String(describing: error).contains("s3cret")
        }
    }

    @Test("Refused mailboxes", arguments: [
        (#"{"name": "INBOX", "mark": "move"}"#, "move needs a target"),
        (#"{"name": "INBOX", "mark": "move", "target": "INBOX"}"#, "move needs a target"),
        (#"{"name": "INBOX", "keyword": "bad word"}"#, "invalid keyword"),
        (#"{"name": "INBOX", "batch_size": 0}"#, "batch_size"),
        (#"{"name": "INBOX", "max_unmarked": 0}"#, "max_unmarked"),
        (#"{"name": "INBOX", "poll_interval_seconds": 0}"#, "poll_interval_seconds"),
        (#"{"name": "INBOX"}, {"name": "INBOX"}"#, "twice"),
    ])
    func refusedMailboxes(mailboxes: String, message: String) {
        let json = """
            {"accounts": [{"name": "a", "host": "h", "user": "u", "password_env": "PW", "mailboxes": [\(mailboxes)]}]}
            """
        #expect {
            try Self.resolve(json)
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test("Account names must be unique")
    func duplicateAccounts() {
        let account = #"{"name": "a", "host": "h", "user": "u", "password_env": "PW", "mailboxes": []}"#
        #expect(throws: MailboxConfigurationError.self) { try Self.resolve(#"{"accounts": [\#(account), \#(account)]}"#) }
    }

    @Test("load() reports the file and the field")
    func loadErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mbx-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"accounts": [{"name": "a"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try MailboxConfiguration.load(path: path)
        } throws: { error in
            String(describing: error).contains(path) && String(describing: error).contains("host")
        }
        #expect(throws: MailboxConfigurationError.self) { try MailboxConfiguration.load(path: path + ".missing") }
    }
}
