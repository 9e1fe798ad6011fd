import Foundation
import Testing
@testable import MailIngest

/// The pipelined envelope commands: the text libetpan's calls would send, DSN parameters only when offered.
@Suite struct SMTPCommandsTests {
    static let envelope = SMTPEnvelope(from: "relances@acme.example", recipients: ["a@c.example", "b@c.example"],
                                       envelopeID: "action-12.ab+c=d", returnFull: false, notify: [.failure, .delay])

    @Test func withDSN() {
        let commands = SMTPCommands.envelope(Self.envelope, dsn: true)
        #expect(commands.lines == [
            "MAIL FROM:<relances@acme.example> RET=HDRS ENVID=action-12.ab+2Bc+3Dd",
            "RCPT TO:<a@c.example> NOTIFY=FAILURE,DELAY",
            "RCPT TO:<b@c.example> NOTIFY=FAILURE,DELAY",
            "DATA",
        ])
        #expect(commands.stages == [.mail, .rcpt, .rcpt, .data])
        #expect(commands.joined.hasSuffix("DATA\r\n") && commands.joined.components(separatedBy: "\r\n").count == 5)
    }

    @Test func withoutDSN() {
        #expect(SMTPCommands.envelope(Self.envelope, dsn: false).lines == [
            "MAIL FROM:<relances@acme.example>", "RCPT TO:<a@c.example>", "RCPT TO:<b@c.example>", "DATA",
        ])
    }

    @Test func neverStandsAlone() {
        var envelope = Self.envelope
        envelope.notify = [.never, .failure]
        envelope.returnFull = true
        envelope.envelopeID = nil
        let lines = SMTPCommands.envelope(envelope, dsn: true).lines
        #expect(lines[0] == "MAIL FROM:<relances@acme.example> RET=FULL")
        #expect(lines[1] == "RCPT TO:<a@c.example> NOTIFY=NEVER")
    }

    @Test func xtextEncodesWhatIsNotPrintable() {
        #expect(SMTPCommands.xtext("a b\u{7F}é") == "a+20b+7F+C3+A9")
    }
}
