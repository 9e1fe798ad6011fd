import Testing
@testable import MailIngest

/// RFC 3464 per-recipient groups, in the orders and shapes servers write them.
@Suite struct DeliveryStatusFieldsTests {
    @Test func standardGroups() {
        let text = """
        Reporting-MTA: dns; mx.example.jp
        Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0900

        Final-Recipient: rfc822; kijitora@example.jp
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <kijitora@example.jp>... User unknown

        Original-Recipient: rfc822;mikeneko@example.org
        Final-Recipient: RFC822; <mikeneko@example.org>
        Action: delayed
        Status: 4.4.1 (connection timed out)
        """
        let recipients = DeliveryStatusFields(text).recipients
        #expect(recipients.count == 2)
        #expect(recipients.first?.address == "kijitora@example.jp")
        #expect(recipients.first?.diagnostic == "550 5.1.1 <kijitora@example.jp>... User unknown")
        #expect(recipients.last?.address == "mikeneko@example.org")
        #expect(recipients.last?.action == "delayed")
        #expect(recipients.last?.status == "4.4.1")
    }

    @Test func actionBeforeRecipientAndFoldedLines() {
        let text = """
        Action: failed
        Status: 5.0.0 (Remote SMTP server has rejected address)
        Final-recipient: rfc822;sabineko@example.org
        Diagnostic-code: smtp; 550 5.7.1 550 User Unknown:
         sabineko@example.org
        """
        let recipients = DeliveryStatusFields(text).recipients
        #expect(recipients.count == 1)
        #expect(recipients.first?.address == "sabineko@example.org")
        #expect(recipients.first?.diagnostic == "550 5.7.1 550 User Unknown: sabineko@example.org")
    }

    @Test func gluedGroupsSplitAtTheSecondFinalRecipient() {
        let text = """
        Final-Recipient: rfc822; a@example.com
        Status: 5.2.2
        Final-Recipient: rfc822; b@example.com
        Status: 5.1.1
        """
        #expect(DeliveryStatusFields(text).recipients.map(\.address) == ["a@example.com", "b@example.com"])
    }
}
