import Testing
@testable import MailIngest

/// Header, subject and body evidence of automatic replies (RFC 3834), and what must not count.
@Suite struct AutoReplyDetectorTests {
    static func headers(_ pairs: [(String, String)]) -> HeaderFields {
        HeaderFields(pairs.map { HeaderField(name: $0.0, rawValue: $0.1) })
    }

    @Test(arguments: [
        ("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"), ("X-Autorespond", "vacation"),
        ("Precedence", "auto_reply"), ("X-Mailer", "Vacation 1.2"),
    ])
    func strongHeaders(_ name: String, _ value: String) {
        #expect(AutoReplyHeaders.isAutoReply(Self.headers([(name, value)])))
    }

    @Test func autoSubmittedNoAndBulkAloneAreNotEnough() {
        #expect(!AutoReplyHeaders.isAutoReply(Self.headers([("Auto-Submitted", "no")])))
        let bulk = Self.headers([("Precedence", "bulk")])
        #expect(!AutoReplyHeaders.isAutoReply(bulk))
        #expect(AutoReplyDetector.detect(headers: bulk, subject: "Newsletter", body: "Our autumn offers.", date: nil) == nil)
    }

    @Test(arguments: [
        "Automatic reply: Invoice F-118", "Réponse automatique : Relance", "Automatische Antwort: Mahnung",
        "Abwesenheitsnotiz: Mahnung", "Risposta automatica: Sollecito", "Automatisch antwoord: Herinnering",
        "Resposta automática: Fatura", "Odpowiedź automatyczna: Faktura", "Răspuns automat: Factura",
        "Automatiskt svar: Påminnelse", "Otomatik yanıt: Fatura", "Automatski odgovor: Opomena",
        "自動応答: ご請求", "自动回复：付款提醒", "Out of Office: Reminder",
    ])
    func subjectPrefixes(_ subject: String) {
        #expect(AutoReplyDetector.detect(headers: HeaderFields(), subject: subject, body: "Thanks.", date: nil) != nil)
    }

    @Test func subjectWordInsideTheOriginalSubjectDoesNotCount() {
        let info = AutoReplyDetector.detect(headers: HeaderFields(), subject: "Re: our absence policy question",
                                            body: "Can you send the invoice again?", date: nil)
        #expect(info == nil)
    }

    /// The message date is asked for only when the message is an auto-reply, and then resolves its return date
    /// as the date given directly does.
    @Test func messageDateIsReadOnlyForAnAutoReply() {
        var asked = 0
        let reply = AutoReplyDetector.detect(headers: HeaderFields(), subject: "Re: F-118", body: "We paid.",
                                             messageDate: { asked += 1; return nil })
        #expect(reply == nil)
        #expect(asked == 0)
        let date = DetectionTestSupport.date("2026-12-01")
        let body = "I am out of the office until Monday. Please write to ap@customer.example."
        let lazy = AutoReplyDetector.detect(headers: HeaderFields(), subject: "Out of Office: F-118", body: body,
                                            messageDate: { asked += 1; return date })
        #expect(asked == 1)
        #expect(lazy != nil)
        #expect(lazy == AutoReplyDetector.detect(headers: HeaderFields(), subject: "Out of Office: F-118", body: body,
                                                 date: date))
        #expect(lazy?.returnDate == "2026-12-07")
    }

    @Test func quotedDunningTextIsIgnored() {
        let body = "We paid yesterday.\n\nOn Tue, Dec 1, 2026 at 9:00, Credit Team wrote:\n> This is an automated reply"
        #expect(AutoReplyDetector.ownText(body) == "We paid yesterday.\n")
        #expect(AutoReplyDetector.detect(headers: HeaderFields(), subject: "Re: F-118", body: body, date: nil) == nil)
    }

    @Test func redirectSkipsTheSenderAndRetiredAddresses() {
        let text = "The address old@customer.example is no longer used. Please write to ap@customer.example."
        #expect(RedirectContact.find(in: text, excluding: []) == "ap@customer.example")
        #expect(RedirectContact.find(in: "Write to me@customer.example", excluding: ["me@customer.example"]) == nil)
    }
}
