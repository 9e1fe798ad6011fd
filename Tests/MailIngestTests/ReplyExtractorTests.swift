import Foundation
import Testing
@testable import MailIngest
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ReplyExtractorTests {
    static func extract(_ text: String, hints: ReplyHints = ReplyHints()) -> ExtractedReply {
        ReplyExtractor.extract(BodyText(plain: text), hints: hints)
    }

    /// Bodies and the visible text expected from each.
    static let visibleCases: [(String, String)] = [
        // Quote markers.
        ("Paid.\n\n> > Old\n> Older\n", "Paid."),
        ("> Please pay F-1.\nDone, paid today.\n", "Done, paid today."),
        ("Ok\n\nOn 04/19/2026 07:10 AM, Ann Lee wrote:\n\n>\n> Pay F-1\nPaid yesterday\n", "Ok\n\nPaid yesterday"),
        ("> Invoice F-118: 1,250.00 EUR, due 2026-11-01, please pay it now.\nPaid on 2026-11-20.\n" +
         "> Invoice F-119: 300.00 EUR, due 2026-11-05, please pay it now.\nWrong amount.\n",
         "Paid on 2026-11-20.\n\nWrong amount."),
        ("New\n\n> Lorem ipsum dolor sit amet, consectetur adipiscing elit. Nullam pharetra d\nignissim odio?\n>\n",
         "New"),
        ("Top\n\n｜ not a quote\n", "Top\n\n｜ not a quote"),
        ("Table:\n| a | b |\n| 1 | 2 |\n", "Table:\n| a | b |\n| 1 | 2 |"),
        // Attributions split over lines, without colon, glued to the address.
        ("Fine\n\n2026-10-17 11:28 GMT+03:00 Acme <\nar@acme.example>:\n\n> Pay\n", "Fine"),
        ("Fine\n2026/4/7 Ann Lee <ann@example.com>\n\n> Pay\n", "Fine"),
        ("Noted\n\nOn Nov 30, 2026, at 12:47 PM, Acme <\nar@acme.example>\nwrote:\n\nPay F-1\n", "Noted"),
        ("Sure\n\nSent from Samsung MobileAnn <ann@example.com> wrote:\n\nPay\n", "Sure"),
        ("Wir zahlen.\n\nAm 23.06.2026 um 10:20 schrieb Acme <ar@acme.example>:\n\n> Bitte\n", "Wir zahlen."),
        ("Betaald.\n\nOp 17-feb.-2026, om 13:18 heeft Acme <ar@acme.example> het volgende geschreven:\n\n> Betaal\n",
         "Betaald."),
        ("Ok.\n\n15.03.2026 12:45, Acme пишет:\n\n> Оплатите\n", "Ok."),
        ("Fizetve.\n\nAcme <ar@acme.example> ezt írta (időpont: 2026. nov. 23., H, 10:14):\n\n> Fizessen\n", "Fizetve."),
        ("Ödendi.\n\nAcme <ar@acme.example> şu yazıyı yazdı (23 Kas 2026 10:14):\n\n> Ödeyin\n", "Ödendi."),
        ("Maksettu.\n\nAcme <ar@acme.example> kirjoitti 23.11.2026 kello 10.14:\n\n> Maksakaa\n", "Maksettu."),
        ("Zapłacone.\n\nWiadomość napisana przez Acme <ar@acme.example> w dniu 23.11.2026, o godz. 10:14:\n\n> Proszę\n",
         "Zapłacone."),
        ("Plaćeno.\n\n23. stu 2026. u 10:14, Acme <ar@acme.example> je napisao/la:\n\n> Platite\n", "Plaćeno."),
        ("支払いました。\n\n2026/11/23 10:14、Acme <ar@acme.example>のメール:\n\n> お支払いください\n", "支払いました。"),
        ("Оплачено.\n\nпн, 23 нояб. 2026 г. в 10:14, Acme <ar@acme.example>:\n\n> Оплатите\n", "Оплачено."),
        ("Betalt.\n\nman. 23. nov. 2026 kl. 10:14 skrev Acme <ar@acme.example>:\n\n> Betal\n", "Betalt."),
        ("Bezahlt.\n\nAm Montag, 23. November 2026, 10:14:02 MEZ hat Acme <ar@acme.example> Folgendes geschrieben:\n\n" +
         "Bitte zahlen\n", "Bezahlt."),
        ("Ödendi.\n\n-----Özgün İleti-----\nKimden: Acme\n", "Ödendi."),
        ("已付款。\n\n-----邮件原件-----\n发件人: Acme\n", "已付款。"),
        ("Paid.\n\nOn Mon, 23 Nov 2026 at 10:14, Acme <ar@acme.example> wrote: Dear customer, please pay F-1.\n", "Paid."),
        ("On Monday we paid: 500 EUR for F-1.\n", "On Monday we paid: 500 EUR for F-1."),
        // Header blocks.
        ("Blah\n\nDate: Wed, 16 May 2026 00:15:02 -0600\nTo: ar@acme.example\n\nPay F-1\n", "Blah"),
        ("Hi\n\n  *From:* ar@acme.example [mailto:\n  ar@acme.example]\n  *Sent:* Wednesday, June 27, 2026 3:05 PM\n" +
         "  *To:* ann@example.com\n  *Subject:* Hello\n\nPay\n", "Hi"),
        ("Blah\nDate: Fri=2C 28 Sep 2026 10:55:48 +0000\nFrom: ar@acme.example\nTo: ann@example.com\nSubject: Re\n\nPay\n",
         "Blah"),
        ("Paid.\n\nFrom: Acme <ar@acme.example> Sent: Monday, 23 November 2026 10:14 To: Ann Subject: F-1\nPay\n",
         "Paid."),
        ("Paid.\n\n## Please reply above this line ##\n\nTicket 42: invoice F-1\n", "Paid."),
        ("From: my side it is settled.\nTo: be clear, F-1 is paid.\n", "From: my side it is settled.\nTo: be clear, F-1 is paid."),
        // Signatures.
        ("Paid.\n\n-- \nAnn\n", "Paid."),
        ("Paid.\n\nBest regards,\nAnn Lee\nHead of Finance\nContoso Ltd\n", "Paid."),
        ("Paid.\n\nThanks,\nAnn\n", "Paid.\n\nThanks,\nAnn"),
        ("Thanks!\n\nWe paid F-1 today.\nWe will pay F-2 next week.\nCheers\nAnn\n",
         "Thanks!\n\nWe paid F-1 today.\nWe will pay F-2 next week.\nCheers\nAnn"),
        ("Paid.\n\nAnn Lee\n+44 20 7946 0321\n", "Paid.\n\nAnn Lee\n+44 20 7946 0321"),
        ("We will pay.\n\nSent from my iPad\n", "We will pay."),
        ("Paid, details:\n-----\nIBAN: FR76 3000 6000 0112 3456 7890 189\nAmount: 500 EUR\n",
         "Paid, details:\n-----\nIBAN: FR76 3000 6000 0112 3456 7890 189\nAmount: 500 EUR"),
        ("Thanks\n\nI'll pay:\n- F-118\n- F-119\n", "Thanks\n\nI'll pay:\n- F-118\n- F-119"),
        ("Die Zahlung erfolgt am Freitag.\n\nMit freundlichen Grüßen\n\ni.A. Hans Müller\nBuchhaltung\nMuster GmbH\n",
         "Die Zahlung erfolgt am Freitag."),
        ("来週お支払いします。\n\n-----------------------------\n山田太郎\n株式会社サンプル 経理部\nTEL: 03-1234-5678\n" +
         "-----------------------------\n", "来週お支払いします。"),
        ("Pagato.\n\nInviato da Marco ieri\n", "Pagato.\n\nInviato da Marco ieri"),
        ("Fatura dün gönderildi\n", "Fatura dün gönderildi"),
        ("We dispute this:\n> Invoice F-1: 500 EUR\nThe price was 400 EUR as agreed.\n",
         "We dispute this:\n\nThe price was 400 EUR as agreed."),
        ("Sent from my desk, is much easier then my mobile phone.\n", "Sent from my desk, is much easier then my mobile phone."),
        ("Bonjour,\n\nAcest mesaj confirmă plata.\n", "Bonjour,\n\nAcest mesaj confirmă plata."),
        ("Paid.\n\nCONFIDENTIALITY NOTICE: this message is intended only for the named recipient.\n", "Paid."),
        // A closing in two languages, with a place; a closing with words after it that are not a place.
        ("Betaald.\n\nMet vriendelijke groet / Kind regards\nJoost Smit\nCrediteuren\n+31 10 412 77 30\n", "Betaald."),
        ("Bezahlt.\n\nViele Grüße aus Bad Homburg\nNina Roth\nEinkauf\nTel. 06172 123 456\n", "Bezahlt."),
        ("Paid.\n\nThanks from all of us\nAnn Lee\nHead of Finance\nContoso Ltd\n",
         "Paid.\n\nThanks from all of us\nAnn Lee\nHead of Finance\nContoso Ltd"),
        // A sender's block with a server's disclaimer under it; a disclaimer opening without a confidentiality word.
        ("Pagado.\n\nSaludos,\nJuan Gil\nAdministración\nTel. 91 356 78 12\n\nAVISO LEGAL: Este mensaje es " +
         "confidencial y va dirigido exclusivamente a su destinatario, que es el único autorizado a leerlo.\n", "Pagado."),
        ("Bu ileti ile ödemeyi bildiriyoruz.\n", "Bu ileti ile ödemeyi bildiriyoruz."),
        // Full-width punctuation after a closing; a "sent from" line worded after the device.
        ("已付款。\n\n顺祝商祺！\n王伟\n财务部\n电话：+86 10 1234 5678\n", "已付款。"),
        ("Ödendi.\n\nSamsung Galaxy akıllı telefonumdan gönderildi\n", "Ödendi."),
        // A rule under the text, above the quote, is the history's; a rule closing a box is the signature's.
        ("Paid.\n----------\n\nOn Mon, 1 Jan 2026 at 10:00, Acme <ar@acme.example> wrote:\n> Pay F-1\n", "Paid."),
    ]

    @Test(arguments: visibleCases)
    func visibleText(_ input: String, _ expected: String) {
        #expect(Self.extract(input).visible == expected)
    }

    @Test func quotedAndSignatureKeepTheRest() {
        let reply = Self.extract("Paid.\n\n-- \nAnn\n\nOn Mon, 1 Jan 2026 at 10:00, Acme <ar@acme.example> wrote:\n> Pay F-1\n")
        #expect(reply.visible == "Paid.")
        #expect(reply.signature == "-- \nAnn")
        #expect(reply.quoted == "On Mon, 1 Jan 2026 at 10:00, Acme <ar@acme.example> wrote:\n> Pay F-1")
    }

    @Test func ruleClosingASignatureBoxStaysWithIt() {
        let reply = Self.extract("来週お支払いします。\n\n――――――――\n山田太郎\n株式会社サンプル\nTEL: 03-1234-5678\n" +
                                 "――――――――\n\n2026/11/24 9:30 に アクメ さんは書きました:\n> お支払いください\n")
        #expect(reply.visible == "来週お支払いします。")
        #expect(reply.signature == "――――――――\n山田太郎\n株式会社サンプル\nTEL: 03-1234-5678\n――――――――")
        #expect(reply.quoted == "2026/11/24 9:30 に アクメ さんは書きました:\n> お支払いください")
    }

    @Test func markupQuotedLinesAreQuoted() {
        let body = BodyText(lines: [.init("Paid yesterday."), .init(""), .init("Dear customer,", quoted: true),
                                    .init("please pay F-1.", quoted: true)])
        let reply = ReplyExtractor.extract(body)
        #expect(reply.visible == "Paid yesterday.")
        #expect(reply.quoted == "Dear customer,\nplease pay F-1.")
    }

    @Test func markupSignatureLinesGoToTheSignature() {
        let body = BodyText(lines: [.init("We will pay on Friday."), .init(""), .init("Ann Lee", signature: true),
                                    .init("Contoso Ltd", signature: true), .init("Pay F-1", quoted: true)])
        let reply = ReplyExtractor.extract(body)
        #expect(reply.visible == "We will pay on Friday.")
        #expect(reply.signature == "Ann Lee\nContoso Ltd")
        #expect(reply.quoted == "Pay F-1")
    }

    @Test func closingAboveAMarkedSignatureJoinsIt() {
        let marked = BodyText(lines: [.init("Paid."), .init(""), .init("Cordialement,"),
                                      .init("Marie Dupont", signature: true), .init("Comptabilité", signature: true)])
        #expect(ReplyExtractor.extract(marked).visible == "Paid.")
        #expect(ReplyExtractor.extract(marked).signature == "Cordialement,\nMarie Dupont\nComptabilité")
        let nameOnly = BodyText(lines: [.init("Paid."), .init(""), .init("Thanks,"), .init("Alex", signature: true)])
        #expect(ReplyExtractor.extract(nameOnly).visible == "Paid.\n\nThanks,")
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndsDoNotMatter(_ end: String) {
        let text = ["Paid.", "", "On Mon, 1 Jan 2026 at 10:00, Acme <ar@acme.example> wrote:", "> Pay F-1", ""]
            .joined(separator: end)
        #expect(Self.extract(text).visible == "Paid.")
    }

    @Test func senderNameStartsTheSignatureBlock() {
        let text = "We will pay on Friday.\n\nAnn Lee\nwww.contoso.example\n"
        #expect(Self.extract(text, hints: ReplyHints(senderName: "Ann Lee")).visible == "We will pay on Friday.")
        #expect(Self.extract(text).visible == "We will pay on Friday.\n\nAnn Lee\nwww.contoso.example")
    }

    @Test func pathologicalBodiesStayLinear() {
        let rules = BodyText(plain: String(repeating: "-----\nBest regards,\n", count: 20_000))
        let markers = BodyText(plain: "Hi\n" + String(repeating: ">", count: 100_000) + "\n")
        let start = Self.threadCPUSeconds()
        #expect(ReplyExtractor.extract(markers).visible == "Hi")
        _ = ReplyExtractor.extract(rules)
        #expect(Self.threadCPUSeconds() - start < 5)
    }

    @Test func emptyAndWhitespaceBodies() {
        #expect(Self.extract("").visible == "")
        #expect(Self.extract("\n \n\t\n") == ExtractedReply(visible: ""))
    }

    @Test func typicalMessageTakesWellUnderAMillisecond() {
        let text = """
        Hello,

        We paid invoice F-118 yesterday by bank transfer, the remittance is attached.

        Kind regards,
        Tom Baker
        Accounts Payable Lead
        +44 20 7946 0321

        On Mon, Nov 23, 2026 at 10:14 AM Sarah Collins <ar@acme.example> wrote:

        > Dear customer,
        >
        > Invoice F-118 of 1,250.00 EUR is now 15 days overdue.
        > Please pay at your earliest convenience.
        """
        let body = BodyText(plain: text)
        let rounds = 50
        // CPU time of this thread, so that other processes on the shared cores do not count; fastest of 5 batches.
        let fastest = (0..<5).map { _ in
            let start = Self.threadCPUSeconds()
            for _ in 0..<rounds { _ = ReplyExtractor.extract(body) }
            return Self.threadCPUSeconds() - start
        }.min() ?? 0
        // Debug build: release is several times faster still.
        #expect(fastest / Double(rounds) < 0.001)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

@Suite struct ReplyPatternTablesTests {
    @Test func tablesAreLowercaseAndNonEmpty() {
        let strings = AttributionPatterns.all.flatMap { $0.leads + $0.endings + $0.middles }
            + SeparatorPatterns.replyAbove.map { String(decoding: $0.bytes, as: UTF8.self) }
            + SeparatorPatterns.all + Array(OutlookHeaderFields.kindByName.keys) + Array(SignaturePatterns.closings)
            + SignaturePatterns.disclaimers + SignaturePatterns.mobileLines.flatMap { [$0.prefix, $0.suffix] }
        for text in strings { #expect(text == text.lowercased(), "\(text)") }
        #expect(!strings.isEmpty)
    }

    @Test func everyLanguageHasEveryTable() {
        let languages = ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "tr", "hr", "ja", "zh"]
        let attributed = Set(AttributionPatterns.all.map(\.language))
        for language in languages {
            #expect(attributed.contains(language), "\(language) attribution")
            #expect(SeparatorPatterns.byLanguage[language] != nil, "\(language) separators")
            #expect(OutlookHeaderFields.byLanguage[language]?[.from] != nil, "\(language) header fields")
            #expect(SignaturePatterns.closingsByLanguage[language] != nil, "\(language) closings")
            #expect(SignaturePatterns.mobileByLanguage[language] != nil, "\(language) mobile lines")
            #expect(SignaturePatterns.disclaimersByLanguage[language] != nil, "\(language) disclaimers")
        }
    }
}
