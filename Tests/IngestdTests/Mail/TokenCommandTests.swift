import Foundation
@testable import ingestd
import MailIngest
import Testing

/// The XOAUTH2 token command: its trimmed stdout is the token; failures, silence and slowness are errors that never
/// carry what it printed.
@Suite("TokenCommand")
struct TokenCommandTests {
    private static func command(_ script: String, timeout: Duration = .seconds(10)) -> TokenCommand {
        TokenCommand(arguments: ["/bin/sh", "-c", script], timeout: timeout)
    }

    @Test("stdout trimmed is the token")
    func token() throws {
        #expect(try Self.command("printf '  ya29.tok-en_1  \\n\\n'").token() == "ya29.tok-en_1")
        #expect(try Self.command("echo abc; echo 'noise' >&2").token() == "abc")
    }

    @Test("A failing, silent or multi-line command is refused without its output", arguments: [
        ("echo secret-token; exit 3", "status 3"),
        ("true", "no single-line token"),
        ("printf 'secret-a\\nsecret-b\\n'", "no single-line token"),
    ])
    func refused(script: String, message: String) {
        #expect {
            try Self.command(script).token()
        } throws: { error in
            let text = String(describing: error)
            return text.contains(message) && !text.contains("secret")
        }
    }

    @Test("A command over its timeout is stopped and reported as a timeout")
    func timeout() {
        let started = ContinuousClock.now
        #expect(throws: IMAPError.timeout(step: "xoauth2 token command")) {
            try Self.command("sleep 30", timeout: .milliseconds(300)).token()
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("A program that does not exist is a configuration error")
    func missingProgram() {
        #expect(throws: IMAPError.authentication("xoauth2_token_command cannot start")) {
            try TokenCommand(arguments: ["/nonexistent/token-helper"], timeout: .seconds(5)).token()
        }
    }

    @Test("Large output is read while the command runs, so it never blocks on a full pipe")
    func largeOutput() {
        #expect(throws: IMAPError.authentication("xoauth2_token_command printed too much")) {
            try Self.command("head -c 300000 /dev/zero | tr '\\0' 'a'").token()
        }
    }
}
