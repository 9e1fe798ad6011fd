import Testing
@testable import MailIngest

/// Reply classes and the queue id servers name in their `250` after DATA.
@Suite struct SMTPReplyTests {
    @Test(arguments: [
        (250, "2.0.0 Ok: queued as 4XyZ1F9207E", "4XyZ1F9207E"),            // Postfix
        (250, "2.0.0 3AT2Fx9K012345 Message accepted for delivery", nil),   // Sendmail words the id first: not named
        (250, "OK id=1qXyZa-0004Ab-2C", "1qXyZa-0004Ab-2C"),                // Exim
        (250, "2.6.0 <abc@host> [InternalId=123] Queued mail for delivery", "abc@host"), // Exchange
        (250, "2.0.0 OK  1700000000 x1-20020a05", nil),                     // no recognisable id
        (250, "Ok", nil),
    ] as [(Int, String, String?)])
    func queueIDsAreReadFromTheReply(code: Int, text: String, expected: String?) {
        #expect(SMTPReply(code: code, text: text).queueID == expected)
    }

    @Test(arguments: [(250, true, false, false), (354, false, false, false), (421, false, true, false),
                      (450, false, true, false), (550, false, false, true), (554, false, false, true)])
    func replyClasses(code: Int, positive: Bool, transient: Bool, permanent: Bool) {
        let reply = SMTPReply(code: code, text: "x")
        #expect(reply.isPositive == positive && reply.isTransient == transient && reply.isPermanent == permanent)
        #expect(reply.description == "\(code) x")
    }

    @Test func onlyALostConnectionAfterDataIsUncertain() {
        #expect(SMTPError(.connectionLost, stage: .data).isUncertain)
        #expect(!SMTPError(.connectionLost, stage: .rcpt).isUncertain)
        #expect(!SMTPError(.protocolError, stage: .data).isUncertain)
    }
}
