import Foundation
import Testing
@testable import MailIngest

@Suite struct ParsedMessageHeadersTests {
    static func message(_ fields: [(String, String)]) -> ParsedMessage {
        let headers = HeaderFields(fields.map { HeaderField(name: $0.0, rawValue: $0.1) })
        return ParsedMessage(root: MIMEPart(path: "1", headers: headers, contentType: .textPlain, body: .leaf(Data())))
    }

    @Test func decodesCommonHeaders() {
        let message = Self.message([
            ("From", "=?utf-8?Q?J=C3=B6rg_M=C3=BCller?= <jm@client.example>"),
            ("to", "Recouvrement <reply+c42@dunning.example>, Doe, John <j@x.com>"),
            ("To", "Group: a@x.com;"),
            ("CC", "b@x.com (Bob)"),
            ("Reply-To", "<jm@client.example>"),
            ("Subject", "  RE: =?iso-8859-1?Q?Facture_F-118_r=E9gl=E9e?=  "),
            ("Date", "Mon, 1 Jan 2024 12:00:00 +0200 (CEST)"),
            ("Message-ID", "<reply.1@client.example>"),
            ("In-Reply-To", "<act-118@dunning.example>"),
            ("References", "<act-100@dunning.example>\r\n <act-118@dunning.example>"),
            ("Delivered-To", "reply+c42@dunning.example"),
            ("Delivered-To", "<team@dunning.example>"),
        ])
        #expect(message.from == MailAddress(name: "Jörg Müller", address: "jm@client.example"))
        #expect(message.to == [
            MailAddress(name: "Recouvrement", address: "reply+c42@dunning.example"),
            MailAddress(name: "Doe, John", address: "j@x.com"),
            MailAddress(address: "a@x.com"),
        ])
        #expect(message.cc == [MailAddress(name: "Bob", address: "b@x.com")])
        #expect(message.replyTo == [MailAddress(address: "jm@client.example")])
        #expect(message.subject == "RE: Facture F-118 réglée")
        #expect(message.date == Date(timeIntervalSince1970: 1_704_103_200))
        #expect(message.messageID == "reply.1@client.example")
        #expect(message.inReplyTo == ["act-118@dunning.example"])
        #expect(message.references == ["act-100@dunning.example", "act-118@dunning.example"])
        #expect(message.deliveredTo == ["reply+c42@dunning.example", "team@dunning.example"])
        #expect(message.headerDefects == [Defect(.malformedAddress, at: "to")])
    }

    @Test func absentHeadersAreNilOrEmpty() {
        let message = Self.message([])
        #expect(message.subject == nil)
        #expect(message.from == nil)
        #expect(message.to.isEmpty)
        #expect(message.date == nil)
        #expect(message.messageID == nil)
        #expect(message.references.isEmpty)
        #expect(message.deliveredTo.isEmpty)
        #expect(message.headerDefects.isEmpty)
    }

    @Test func fallsBackToSenderAndReportsBadDate() {
        let message = Self.message([
            ("From", "undisclosed:;"), ("Sender", "list@x.com"), ("Date", "someday"),
            ("Subject", "=?utf-8?Q?broken"),
        ])
        #expect(message.from == MailAddress(address: "list@x.com"))
        #expect(message.date == nil)
        #expect(message.subject == "broken")
        #expect(message.headerDefects == [
            Defect(.malformedEncodedWord, at: "subject"), Defect(.malformedDate, at: "date"),
        ])
    }
}
