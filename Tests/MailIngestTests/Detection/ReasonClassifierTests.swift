import Testing
@testable import MailIngest

/// Reasons from servers' words, status codes and the SMTP command that failed.
@Suite struct ReasonClassifierTests {
    @Test(arguments: [
        ("550 5.1.1 <a@b.example>: Recipient address rejected: User unknown in local recipient table", BounceReason.userUnknown),
        ("552 5.2.2 Mailbox full", .mailboxFull),
        ("554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org", .blocked),
        ("550 5.7.1 Message rejected as spam by Content Filtering", .spamDetected),
        ("553 sorry, that domain isn't in my list of allowed rcpthosts", .noRelaying),
        ("550 5.7.26 This message does not pass DMARC authentication", .authFailure),
        ("550 5.7.25 The IP address sending this message does not have a PTR record", .requirePTR),
        ("552 5.3.4 Message size exceeds fixed limit", .mesgTooBig),
        ("550 5.2.1 The email account that you tried to reach is disabled", .suspend),
        ("Host or domain name not found. Name service error for name=nx.example type=MX", .hostUnknown),
        ("Messages with multiple addresses in From: header are not accepted", .notCompliantRFC),
        ("554 Transaction failed: Duplicate header 'DKIM-Signature'.", .contentError),
        ("Message expired: unable to deliver in 840 minutes. <421 4.4.2 Connection timed out>", .expired),
        ("554 5.7.1 Virus found in attachment", .virusDetected),
    ])
    func textNamesTheReason(_ text: String, _ expected: BounceReason) {
        #expect(ReasonClassifier.reason(forText: text) == expected)
    }

    static func evidence(_ diagnostic: String, status: String = "", replyCode: String = "", action: String = "failed",
                         block: String = "") -> ReasonClassifier.Evidence {
        ReasonClassifier.Evidence(diagnostic: diagnostic, block: block, status: status, replyCode: replyCode,
                                  action: action, notice: "")
    }

    @Test func unknownUserAfterDataIsFiltered() {
        let reason = ReasonClassifier.reason(Self.evidence(
            "550 Unknown user kijitora@example.net (in reply to end of DATA command)", status: "5.0.0",
            replyCode: "550"))
        #expect(reason == .filtered)
    }

    @Test func preciseUnknownUserCodeSurvivesData() {
        let reason = ReasonClassifier.reason(Self.evidence(
            "550 5.1.1 <a@b.example>... User Unknown", status: "5.1.1", replyCode: "550",
            block: ">>> DATA\n<<< 550 5.1.1 <a@b.example>... User Unknown"))
        #expect(reason == .userUnknown)
    }

    @Test func temporaryHostLookupIsANetworkError() {
        let reason = ReasonClassifier.reason(Self.evidence(
            "Name service error for domain example.com: Host not found, try again"))
        #expect(reason == .networkError)
    }

    @Test func codesDecideWhenWordsSayNothing() {
        #expect(ReasonClassifier.reason(Self.evidence("550 5.1.6 see you", status: "5.1.6")) == .hasMoved)
        #expect(ReasonClassifier.reason(Self.evidence("x", status: "5.2.2")) == .mailboxFull)
        #expect(ReasonClassifier.reason(Self.evidence("", action: "delivered")) == .delivered)
        #expect(ReasonClassifier.reason(Self.evidence("", action: "delayed")) == .expired)
        #expect(ReasonClassifier.reason(Self.evidence("550 Rejected after MAIL FROM:<a@b.example>")) == .rejected)
        #expect(ReasonClassifier.reason(Self.evidence("")) == .onHold)
    }

    @Test func hardBouncesFollowSisimai() {
        #expect(BounceReason.userUnknown.isHard(status: "5.1.1", replyCode: "550"))
        #expect(BounceReason.hostUnknown.isHard(status: "", replyCode: ""))
        #expect(!BounceReason.mailboxFull.isHard(status: "5.2.2", replyCode: "552"))
        #expect(BounceReason.notAccept.isHard(status: "5.1.10", replyCode: "556"))
        #expect(!BounceReason.notAccept.isHard(status: "4.0.0", replyCode: "451"))
    }
}
