import Testing
@testable import MailIngest

/// Failed recipients named in the text of bounces that carry no RFC 3464 part.
@Suite struct NoticeRecipientsTests {
    @Test func eximListWithIndentedErrors() {
        let notice = """
        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          ap@customer.example
            SMTP error from remote mail server after RCPT TO:<ap@customer.example>:
            550 5.1.1 User unknown
          sales@other.example
            SMTP error from remote mail server after RCPT TO:<sales@other.example>:
            552 5.2.2 Mailbox full
        """
        let found = NoticeRecipients.find(in: notice, excluding: [])
        #expect(found.map(\.address) == ["ap@customer.example", "sales@other.example"])
        #expect(found.first?.block.contains("User unknown") == true)
        #expect(found.last?.block.contains("Mailbox full") == true)
        #expect(found.first?.block.contains("Mailbox full") == false)
    }

    @Test func senderAndDaemonsAreNotRecipients() {
        let notice = """
        From: credit@example-supplier.com
        postmaster@mx.example.net
        <ap@customer.example>: host mx said: 550 no such user
        """
        let found = NoticeRecipients.find(in: notice, excluding: ["credit@example-supplier.com"])
        #expect(found.map(\.address) == ["ap@customer.example"])
    }

    @Test func addressesInsideSentencesAreNotRecipients() {
        let notice = "Please contact help@example.net if you need assistance with this message."
        #expect(NoticeRecipients.find(in: notice, excluding: []).isEmpty)
    }

    @Test func smtpCommandFromPhrasesAndTranscripts() {
        #expect(SMTPCommand.find(in: "550 User unknown (in reply to end of DATA\n    command)") == .data)
        #expect(SMTPCommand.find(in: "SMTP error from remote mail server after MAIL FROM:<a@b.example>") == .mailFrom)
        #expect(SMTPCommand.find(in: ">>> RCPT To:<a@b.example>\n<<< 550 5.1.1 unknown\n>>> DATA\n<<< 503 no") == .rcptTo)
        #expect(SMTPCommand.find(in: "550 User unknown") == nil)
    }
}
