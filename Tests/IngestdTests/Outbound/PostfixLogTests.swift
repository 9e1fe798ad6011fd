import Testing
@testable import ingestd

/// Reading a Postfix mail log for actions left "to verify": queued, seen but not queued, never received.
@Suite struct PostfixLogTests {
    static let log = """
        2026-11-29T09:30:01.120001+00:00 mail postfix/smtpd[101]: connect from localhost[127.0.0.1]
        2026-11-29T09:30:01.130001+00:00 mail postfix/smtpd[101]: 4QA1B2C3D4: client=localhost[127.0.0.1]
        2026-11-29T09:30:01.140001+00:00 mail postfix/cleanup[102]: 4QA1B2C3D4: message-id=<action-1.ab12@acme.example>
        2026-11-29T09:30:01.150001+00:00 mail postfix/qmgr[99]: 4QA1B2C3D4: from=<collections@acme.example>, size=2100, nrcpt=1 (queue active)
        Nov 29 09:30:02 mail postfix/cleanup[102]: 4QE5F6A7B8: message-id=<action-2.cd34@acme.example>
        Nov 29 09:30:02 mail postfix/smtpd[101]: lost connection after DATA (512 bytes) from localhost[127.0.0.1]
        Nov 29 09:30:03 mail postfix/cleanup[102]: 4QC9D0E1F2: message-id=<action-3.ef56@acme.example>
        Nov 29 09:30:03 mail postfix/qmgr[99]: 4QC9D0E1F2: from=<collections@acme.example>, size=2100, nrcpt=1 (queue active)
        Nov 29 09:30:04 mail postfix/cleanup[102]: 4QB0B0B0B0: message-id=<action-4.0000@acme.example>
        Nov 29 09:30:05 mail other/cleanup[1]: 4QD1D1D1D1: message-id=<action-5.0000@acme.example>
        Nov 29 09:30:05 mail postfix/qmgr[99]: 4QD1D1D1D1: from=<collections@acme.example>, size=1, nrcpt=1
        """

    @Test(arguments: [
        ("action-1.ab12@acme.example", PostfixLog.Verdict.accepted(queueID: "4QA1B2C3D4")),
        ("action-2.cd34@acme.example", .notQueued),
        ("action-3.ef56@acme.example", .accepted(queueID: "4QC9D0E1F2")),
        ("action-4.0000@acme.example", .notQueued),
        ("action-5.0000@acme.example", .absent),
        ("action-6.0000@acme.example", .absent),
    ])
    func verdicts(messageID: String, verdict: PostfixLog.Verdict) {
        #expect(PostfixLog(Self.log[...]).verdict(messageID) == verdict)
    }

    @Test func aMessageSentAgainIsAcceptedIfAnyCopyWasQueued() {
        let text = Self.log + "\nNov 29 09:31:00 mail postfix/cleanup[102]: 4QF0F0F0F0: message-id=<action-2.cd34@acme.example>\n"
            + "Nov 29 09:31:00 mail postfix/qmgr[99]: 4QF0F0F0F0: from=<collections@acme.example>, size=9, nrcpt=1\n"
        #expect(PostfixLog(text[...]).verdict("action-2.cd34@acme.example") == .accepted(queueID: "4QF0F0F0F0"))
    }
}
