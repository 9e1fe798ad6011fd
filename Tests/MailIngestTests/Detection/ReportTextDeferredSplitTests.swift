import Foundation
import Testing
@testable import MailIngest

/// The deferred returned-copy split (``ReportText/init(message:deferringSplit:)``) gives what the split made at once
/// gives: the same parts once split, the same own text for the auto-reply test, and the same detection as the
/// former order of tests over an eagerly split report (kept here as the reference), on every shared fixture and on
/// crafted messages with the copy's marker, the report words and CRs around the lines the auto-reply rule reads.
@Suite struct ReportTextDeferredSplitTests {
    /// Every shared `.eml` fixture, parsed.
    static let fixtureMessages: [ParsedMessage] = MIMETestSupport.allFiles(under: MIMETestSupport.fixtures)
        .filter { $0.pathExtension == "eml" }
        .compactMap { try? Data(contentsOf: $0) }
        .map { MessageParser().parse($0) }

    /// Bodies around the marker line ("Original message follows") and the words whose place before or after it
    /// the report tests read.
    static let craftedBodies: [String] = {
        let marker = "----- Original message follows -----"
        var bodies = [
            "Hello,\nwe paid.\n\n\(marker)\nFrom: a@b.example\nSubject: x",
            "\(marker)\nnothing before",
            "We paid.\nOriginal message\n> quoted",
            "We paid.\n> quoted\n\(marker)\nx",
            "We paid.\n\nOn Tue, Ann wrote:\n> quoted\n\nOriginal message follows\nx",
            "I am out of the office until Monday.\n\(marker)\nThis is an automatic reply",
            "Out of office.\nOriginal message:\nx-hmxmroriginalrecipient: ap@customer.example",
            "Complaint.\n\(marker)\nX-HmXmrOriginalRecipient: <ap@customer.example>",
            "Notice.\n\(marker)\n{\"notificationType\":\"Bounce\",\"bounce\":{\"bouncedRecipients\":"
                + "[{\"emailAddress\":\"ap@customer.example\",\"status\":\"5.1.1\"}]}}",
            "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":"
                + "[{\"emailAddress\":\"ap@customer.example\"}]}}\n\(marker)\nx",
            "Delivery failed.\n\(marker)\nFinal-Recipient: rfc822; ap@customer.example\nStatus: 5.1.1",
            "Final-Recipient: rfc822; ap@customer.example\nStatus: 5.1.1\n\(marker)\nx",
            "Report.\n\(marker)\nFeedback-Type: abuse\nUser-Agent: x\nVersion: 1",
            "Feedback-Type: abuse\nUser-Agent: x\nVersion: 1\n\(marker)\nx",
            "This is the mail system at host mx.example.\n\(marker)\nx",
            "Hi\n\(marker)\nThis is the mail system at host mx.example. I'm afraid I wasn't able to deliver",
            "line\r\nwith CRLF\r\n\(marker)\r\n> q", "lone\rCR\n\(marker)\nx", "We paid.\n\u{301}\(marker)\nx",
            "Gruß\n-----Ursprüngliche Nachricht-----\nVon: x", "以下のメッセージは\n本文", "元のメッセージ\n> x",
        ]
        let line = "We will pay the invoice next week, thanks and regards from the accounts team.\n"
        for count in [50, 52, 60, 104, 110] {
            // Marker lines near and across the 4,000 and 8,000 character bounds of the own-text rule.
            bodies.append(String(repeating: line, count: count) + marker + "\nx")
            bodies.append(String(repeating: line, count: count) + "> q\n" + marker)
        }
        bodies.append(String(repeating: "\n", count: 7995) + "abc\n" + marker + "\nx")
        bodies.append(String(repeating: "x", count: 8100) + "\n" + marker)
        return bodies
    }()

    /// Header sets: a person's reply, a delivery system's notice (so the bounce wording is read), an auto-reply.
    static let headerSets = [
        "From: Ann <ann@customer.example>\nSubject: Re: invoice F-118\n",
        "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\n",
        "From: Ann <ann@customer.example>\nSubject: Out of Office: invoice F-118\nAuto-Submitted: auto-replied\n",
    ]

    /// The crafted bodies under each header set, as a text leaf, and as the first part of a multipart/mixed.
    static let craftedMessages: [ParsedMessage] = craftedBodies.flatMap { body in
        headerSets.flatMap { headers in
            [headers + "Content-Type: text/plain; charset=utf-8\n\n" + body,
             headers + "Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n" + body
                + "\n--B\nContent-Type: text/rfc822-headers\n\nFrom: x@y.example\nMessage-ID: <m1@y.example>\n--B--\n"]
        }
    }.map(DetectionTestSupport.message)

    /// Detection as it was done before the split was deferred: every test over a report split at once.
    static func eagerDetect(_ message: ParsedMessage) -> MessageDetection {
        var report = ReportText(message: message)
        if let ses = SESNotification.parse(report.notice) {
            return MessageDetection(kind: ses.kind, bounce: ses.report)
        }
        if FeedbackReport.isFeedback(report) {
            return MessageDetection(kind: .feedbackReport, bounce: FeedbackReport.parse(report))
        }
        if BounceSignals.isBounce(&report) {
            return MessageDetection(kind: .bounce, bounce: BounceParser.parse(report))
        }
        if let info = AutoReplyDetector.detect(headers: message.headers, subject: message.subject, body: report.notice,
                                               date: message.date) {
            return MessageDetection(kind: .autoReply, autoReply: info)
        }
        return MessageDetection(kind: .reply)
    }

    /// The deferred report, split, has the eager report's parts; its own text (before any split) is the eager
    /// notice's.
    static func checkAgreement(_ message: ParsedMessage) {
        let eager = ReportText(message: message)
        var deferred = ReportText(message: message, deferringSplit: true)
        #expect(deferred.ownText() == AutoReplyDetector.ownText(eager.notice))
        deferred.split()
        #expect(deferred.isSplit && eager.isSplit)
        #expect(deferred.notice == eager.notice)
        #expect(deferred.returnedHeaders == eager.returnedHeaders)
        #expect(deferred.deliveryStatus == eager.deliveryStatus)
        #expect(deferred.feedbackReports == eager.feedbackReports)
        #expect(deferred.noticeHasFeedbackTypeField == eager.noticeHasFeedbackTypeField)
        #expect(deferred.returnedMessageID == eager.returnedMessageID)
        #expect(KindDetector().detect(message) == eagerDetect(message))
    }

    @Test func agreesOnEveryFixture() {
        #expect(Self.fixtureMessages.count > 300, "no fixtures under \(MIMETestSupport.fixtures.path)")
        for message in Self.fixtureMessages { Self.checkAgreement(message) }
    }

    @Test func agreesOnCraftedMessages() {
        for message in Self.craftedMessages { Self.checkAgreement(message) }
    }

    /// The crafted cases do reach both sides: some reports stay unsplit through the auto-reply test, and some
    /// marker lines among the own-text lines force the split.
    @Test func craftedMessagesTakeBothPaths() {
        var deferredToTheEnd = 0, splitForOwnText = 0
        for message in Self.craftedMessages {
            var report = ReportText(message: message, deferringSplit: true)
            guard !report.isSplit else { continue }
            _ = report.ownText()
            if report.isSplit { splitForOwnText += 1 } else { deferredToTheEnd += 1 }
        }
        #expect(deferredToTheEnd > 10)
        #expect(splitForOwnText > 10)
    }

    @Test func reportWordsAnywhereForceTheSplit() {
        let marker = "\nOriginal message follows\n"
        for word in ["notificationType", "Final-Recipient:", "feedback-type:", "X-HMXMRORIGINALRECIPIENT:"] {
            #expect(!ReportText.splitIsDeferrable("Hello" + marker + word))
            #expect(!ReportText.splitIsDeferrable(word + marker + "x"))
            #expect(ReportText.splitIsDeferrable(String(word.dropLast(2)) + marker + "x"))
        }
        #expect(ReportText.splitIsDeferrable("We paid invoice INV-3." + marker + "> x-y"))
    }

    @Test func dashPassFindsTheHotmailFieldAsTheFoldedSearchDoes() {
        let field = "x-hmxmroriginalrecipient:"
        var texts = ByteFastPathTests.fixtureTexts + ["", "-", "x-", "x-h", "-hmxmroriginalrecipient:", field.uppercased()]
        for offset in 0..<20 {
            let pad = String(repeating: "-", count: offset % 3) + String(repeating: "a", count: offset)
            texts += [pad + field, pad + field + "x", pad + String(field.dropLast()), "X-HmXmr" + pad + field.dropFirst(7),
                      pad + "X-HmXmrOriginalRecipient: <a@b.example>", pad + "x-hmxmroriginalrecipient\u{301}:"]
        }
        for text in texts {
            #expect(ReportText.dashNames(text).hmxmRecipient == ASCIIFold.contains(text, FeedbackReport.hmxmRecipientField))
        }
    }
}
