import Foundation
import Testing
@testable import MailIngest

/// The project's own auto-reply fixtures, one or more per customer language: kind, return date and alternative
/// contact; plus human replies that must stay replies.
@Suite struct AutoReplyFixtureTests {
    /// One fixture and what detection must find in it.
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var returnDate: String?
        var redirect: String?
        var description: String { file }
    }

    static let autoReplies: [Case] = [
        Case(file: "en-outlook.eml", returnDate: "2026-12-07", redirect: "payables@harbourline.co.uk"),
        Case(file: "fr-body.eml", returnDate: "2026-12-14", redirect: "compta@atelier-barret.fr"),
        Case(file: "de-subject.eml", returnDate: "2026-12-11", redirect: "rechnungen@weber-metallbau.de"),
        Case(file: "es-header.eml", returnDate: "2026-12-09", redirect: "administracion@ibanez-logistica.es"),
        Case(file: "it-body.eml", returnDate: "2026-12-17", redirect: "amministrazione@conti-ricambi.it"),
        Case(file: "nl-precedence.eml", returnDate: "2026-12-18", redirect: "administratie@dewit-bouw.nl"),
        Case(file: "pt-body.eml", returnDate: "2026-12-21", redirect: "financeiro@carvalho-texteis.pt"),
        Case(file: "pl-subject.eml", returnDate: "2027-01-04", redirect: "ksiegowosc@wisniewski-meble.pl"),
        Case(file: "ro-body.eml", returnDate: "2026-12-22", redirect: "contabilitate@dumitru-agro.ro"),
        Case(file: "sv-header.eml", returnDate: "2027-01-04", redirect: "ekonomi@lindqvist-trading.se"),
        Case(file: "tr-subject.eml", returnDate: "2026-12-28", redirect: "muhasebe@yildiz-makina.com.tr"),
        Case(file: "hr-body.eml", returnDate: "2027-01-08", redirect: "racunovodstvo@horvat-drvo.hr"),
        Case(file: "ja-subject.eml", returnDate: "2027-01-06", redirect: "keiri@yamada-seiki.co.jp"),
        Case(file: "zh-body.eml", returnDate: "2027-01-04", redirect: "wangfang@huaxin-parts.cn"),
    ]

    static func detect(_ file: String) throws -> MessageDetection {
        let url = DetectionTestSupport.fixtures.appendingPathComponent("autoreply/\(file)")
        return KindDetector().detect(MessageParser().parse(try Data(contentsOf: url)))
    }

    @Test(arguments: autoReplies)
    func autoReplyFound(_ expected: Case) throws {
        let detection = try Self.detect(expected.file)
        #expect(detection.kind == .autoReply)
        #expect(detection.bounce == nil)
        #expect(detection.autoReply?.returnDate == expected.returnDate)
        #expect(detection.autoReply?.redirectContact == expected.redirect)
    }

    @Test(arguments: ["human-de-quoting.eml", "human-fr-thirdperson.eml"])
    func humanRepliesStayReplies(_ file: String) throws {
        let detection = try Self.detect(file)
        #expect(detection.kind == .reply)
        #expect(detection.autoReply == nil)
    }

    @Test func everyLanguageHasAFixture() {
        let languages = Set(Self.autoReplies.map { String($0.file.prefix(2)) })
        #expect(languages == Set(AutoReplyPhrases.all.map(\.language)))
    }
}
