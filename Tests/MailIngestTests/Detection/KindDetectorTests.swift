import Foundation
import Testing
@testable import MailIngest

/// The kind decision and what comes with it, on small hand-written messages.
@Suite struct KindDetectorTests {
    /// A Postfix DSN that also carries `Auto-Submitted` (a third of real DSNs do): a bounce, not an auto-reply.
    static let postfixDSN = """
    From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
    To: credit@example-supplier.com
    Subject: Undelivered Mail Returned to Sender
    Auto-Submitted: auto-replied
    MIME-Version: 1.0
    Content-Type: multipart/report; report-type=delivery-status; boundary="B"

    --B
    Content-Type: text/plain

    This is the mail system at host mx.example.net.

    <ap@customer.example>: host mx.customer.example[192.0.2.7] said: 550 5.1.1
        <ap@customer.example>: Recipient address rejected: User unknown (in reply to
        RCPT TO command)

    --B
    Content-Type: message/delivery-status

    Reporting-MTA: dns; mx.example.net

    Final-Recipient: rfc822; ap@customer.example
    Action: failed
    Status: 5.1.1
    Diagnostic-Code: smtp; 550 5.1.1 <ap@customer.example>: Recipient address
        rejected: User unknown

    --B
    Content-Type: text/rfc822-headers

    From: credit@example-supplier.com
    To: ap@customer.example
    Subject: Reminder: invoice F-118
    Message-ID: <action-4711@example-supplier.com>

    --B--
    """

    @Test func dsnIsABounceWithItsRecipientAndOriginalMessageID() throws {
        let detection = DetectionTestSupport.detect(Self.postfixDSN)
        #expect(detection.kind == .bounce)
        let report = try #require(detection.bounce)
        #expect(report.originalMessageID == "action-4711@example-supplier.com")
        let recipient = try #require(report.recipients.first)
        #expect(report.recipients.count == 1)
        #expect(recipient.address == "ap@customer.example")
        #expect(recipient.status == "5.1.1")
        #expect(recipient.replyCode == "550")
        #expect(recipient.reason == .userUnknown)
        #expect(recipient.hard)
    }

    @Test func crlfAndCRLineEndsGiveTheSameReport() {
        let lf = DetectionTestSupport.detect(Self.postfixDSN)
        let crlf = DetectionTestSupport.detect(Self.postfixDSN.replacingOccurrences(of: "\n", with: "\r\n"))
        let cr = DetectionTestSupport.detect(Self.postfixDSN.replacingOccurrences(of: "\n", with: "\r"))
        #expect(crlf.bounce?.recipients.map(\.reason) == lf.bounce?.recipients.map(\.reason))
        #expect(cr.kind == .bounce)
        #expect(cr.bounce?.recipients.first?.address == "ap@customer.example")
    }

    @Test func qmailTextBounceWithoutMIME() throws {
        let text = """
        From: MAILER-DAEMON@mx4.example.jp
        To: credit@example-supplier.com
        Subject: failure notice

        Hi. This is the qmail-send program at mx4.example.jp.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <ap@customer.example>:
        192.0.2.32 does not like recipient.
        Remote host said: 552 5.2.2 Mailbox quota exceeded
        Giving up on 192.0.2.32.

        --- Below this line is a copy of the message.

        Message-ID: <action-99@example-supplier.com>
        From: credit@example-supplier.com
        To: ap@customer.example

        Please pay.
        """
        let detection = DetectionTestSupport.detect(text)
        #expect(detection.kind == .bounce)
        let report = try #require(detection.bounce)
        #expect(report.recipients.map(\.address) == ["ap@customer.example"])
        #expect(report.recipients.first?.reason == .mailboxFull)
        #expect(report.recipients.first?.status == "5.2.2")
        #expect(report.originalMessageID == "action-99@example-supplier.com")
    }

    @Test func arfReportIsAFeedbackReport() {
        let text = """
        From: abuse@mailbox.example
        To: postmaster@example-supplier.com
        Subject: FW: complaint
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="F"

        --F
        Content-Type: text/plain

        This is an email abuse report.
        --F
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: SomeGenerator/1.0
        Version: 1
        Original-Rcpt-To: ap@customer.example

        --F--
        """
        let detection = DetectionTestSupport.detect(text)
        #expect(detection.kind == .feedbackReport)
        #expect(detection.bounce?.recipients.map(\.address) == ["ap@customer.example"])
        #expect(detection.bounce?.recipients.first?.reason == .feedback)
    }

    @Test func sesJSONNotificationIsABounce() {
        let text = """
        From: no-reply@sns.amazonaws.com
        To: ops@example-supplier.com
        Subject: AWS Notification Message
        Content-Type: text/plain

        {"Type" : "Notification", "Message" : "{\\"notificationType\\":\\"Bounce\\",\\"bounce\\":{\\"bouncedRecipients\\":[{\\"emailAddress\\":\\"ap@customer.example\\",\\"action\\":\\"failed\\",\\"status\\":\\"5.1.1\\",\\"diagnosticCode\\":\\"smtp; 550 5.1.1 user unknown\\"}]}}"}
        """
        let detection = DetectionTestSupport.detect(text)
        #expect(detection.kind == .bounce)
        #expect(detection.bounce?.recipients.first?.address == "ap@customer.example")
        #expect(detection.bounce?.recipients.first?.reason == .userUnknown)
    }

    @Test func humanReplyIsAReply() {
        let text = """
        From: Jane Buyer <jane@customer.example>
        To: credit@example-supplier.com
        Subject: Re: Reminder: invoice F-118
        Content-Type: text/plain

        Hello, we will pay F-118 on Friday. Sorry for the delay, the payment run failed last week.

        > Please note this is an automated reminder.
        """
        let detection = DetectionTestSupport.detect(text)
        #expect(detection.kind == .reply)
        #expect(detection.bounce == nil)
        #expect(detection.autoReply == nil)
    }

    @Test func bareBodyAutoReply() {
        let detection = KindDetector().detect(body: "I am out of the office until 14 December.",
                                             date: DetectionTestSupport.date("2026-12-01"))
        #expect(detection.kind == .autoReply)
        #expect(detection.autoReply?.returnDate == "2026-12-14")
    }
}
