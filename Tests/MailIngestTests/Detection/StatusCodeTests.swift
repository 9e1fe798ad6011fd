import Testing
@testable import MailIngest

/// Enhanced status codes (RFC 3463) and reply codes (RFC 5321) read from text, and what they imply.
@Suite struct StatusCodeTests {
    @Test(arguments: [
        ("550 5.1.1 <a@b.example>: User unknown", "5.1.1"),
        ("host 192.0.2.1 said: 550-5.7.1 blocked", "5.7.1"),
        ("(#5.4.4)", "5.4.4"),
        ("relayed via 192.0.2.45 only", nil),
        ("by mxl_mta-5.5.0-3 with ESMTP", nil),
        ("Status: 4.7.650", "4.7.650"),
    ] as [(String, String?)])
    func statusInText(_ text: String, _ expected: String?) {
        #expect(StatusCode.first(in: text) == expected)
    }

    @Test(arguments: [
        ("550 5.1.1 user unknown", "550"),
        ("said: 421-4.7.0 try later", "421"),
        ("queued for 400 days", nil),
        ("no code here", nil),
    ] as [(String, String?)])
    func replyCodeInText(_ text: String, _ expected: String?) {
        #expect(StatusCode.replyCode(in: text) == expected)
    }

    @Test func codesImplyReasons() {
        #expect(StatusCode.reason(for: "5.1.1") == .userUnknown)
        #expect(StatusCode.reason(for: "5.2.2") == .mailboxFull)
        #expect(StatusCode.reason(for: "4.4.7") == .expired)
        #expect(StatusCode.reason(for: "5.7.26") == .authFailure)
        #expect(StatusCode.reason(for: "5.0.0") == nil)
        #expect(StatusCode.definitiveReason(for: "5.1.6") == .hasMoved)
        #expect(StatusCode.definitiveReason(for: "5.1.1") == nil)
        #expect(StatusCode.reason(forReplyCode: "552") == .mailboxFull)
    }
}
