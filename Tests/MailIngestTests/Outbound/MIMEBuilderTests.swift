import Foundation
import Testing
@testable import MailIngest

/// Outgoing MIME: every message built is parsed back with the project's own `MessageParser` and must give back what
/// went in (headers, bodies, attachments), with CRLF lines of at most 998 characters.
@Suite struct MIMEBuilderTests {
    static let date = Date(timeIntervalSince1970: 1_795_000_000)

    static func message(subject: String = "Reminder", name: String? = "Acme Collections", text: String = "Hello",
                        html: String? = nil, attachments: [OutgoingMessage.Attachment] = []) -> OutgoingMessage {
        OutgoingMessage(from: MailAddress(name: name, address: "collections@acme.example"),
                        to: [MailAddress(name: "Anne Dupont", address: "anne@customer.example")],
                        cc: [MailAddress(address: "replies+c1.a42@acme.example")],
                        replyTo: [MailAddress(address: "replies+c1.a42@acme.example")],
                        subject: subject, date: date, messageID: "action-42.7f3a@acme.example", text: text,
                        html: html, attachments: attachments)
    }

    static func lines(_ data: Data) -> [Substring] {
        String(decoding: data, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    static func checkLines(_ data: Data) {
        let bytes = Array(data)
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)")
        }
        for (index, byte) in bytes.enumerated() where byte == 13 {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "bare CR at \(index)")
        }
        let longest = lines(data).map(\.utf8.count).max() ?? 0
        #expect(longest <= 998)
    }

    @Test(arguments: [
        "Reminder: invoice F-118 is overdue",
        "Relance : facture n° F-118 échue depuis le 1er octobre, merci de régulariser",
        "Erinnerung – Rechnung F-118 überfällig (Mahnstufe 2) – bitte begleichen Sie den offenen Betrag bis Freitag",
        "付款提醒：发票 F-118 已逾期，请尽快付款。如有疑问请回复此邮件。我们的团队将在两个工作日内回复您。",
        "Ψ =?not an encoded word?= 🙂 emoji and \"quotes\"",
        "A plain ASCII subject that is long enough to need folding because it goes on and on past seventy-eight chars",
        "=?UTF-8?B?looks encoded?=",
    ])
    func subjectsRoundTrip(subject: String) throws {
        let data = try MIMEBuilder().build(Self.message(subject: subject))
        Self.checkLines(data)
        for line in Self.lines(data).prefix(while: { !$0.isEmpty }) {
            let ascii = line.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(line.utf8.count <= 78, "header line of \(line.utf8.count)")
            #expect(ascii)
        }
        let parsed = MessageParser().parse(data)
        #expect(parsed.subject == subject)
    }

    @Test(arguments: [
        "Acme Collections", "Société Générale — Recouvrement", "O'Brien, \"Credit\" Dept.", "王小明", "back\\slash",
    ])
    func displayNamesRoundTrip(name: String) throws {
        let data = try MIMEBuilder().build(Self.message(name: name))
        let parsed = MessageParser().parse(data)
        #expect(parsed.from?.name == name)
        #expect(parsed.from?.address == "collections@acme.example")
    }

    @Test func headersNameTheActionAndTheCaptureAddress() throws {
        let data = try MIMEBuilder(secondsFromGMT: 3600).build(Self.message())
        let parsed = MessageParser().parse(data)
        #expect(parsed.messageID == "action-42.7f3a@acme.example")
        #expect(parsed.replyTo.map(\.address) == ["replies+c1.a42@acme.example"])
        #expect(parsed.cc.map(\.address) == ["replies+c1.a42@acme.example"])
        #expect(parsed.to == [MailAddress(name: "Anne Dupont", address: "anne@customer.example")])
        #expect(parsed.date == Self.date)
        #expect(parsed.headers.first("Date") == "Wed, 18 Nov 2026 12:06:40 +0100")
        #expect(parsed.headers.first("MIME-Version") == "1.0")
        #expect(parsed.defects.isEmpty && parsed.headerDefects.isEmpty)
    }

    @Test func textAndHTMLAreAlternatives() throws {
        let text = "Bonjour Anne,\n\nLa facture F-118 (1 250,00 €) reste due.\n. a dot line\nFrom the team\ntrailing space \n"
            + String(repeating: "très long ", count: 120) + "\n=3D is not an escape"
        let html = "<html><body><p>Bonjour Anne,</p><table><tr><td>F-118</td><td>1 250,00 €</td></tr></table>"
            + String(repeating: "<p>très long</p>", count: 200) + "</body></html>"
        let data = try MIMEBuilder().build(Self.message(text: text, html: html))
        Self.checkLines(data)
        let parsed = MessageParser().parse(data)
        #expect(parsed.root.contentType.mimeType == "multipart/alternative")
        let leaves = parsed.root.leaves
        #expect(leaves.map(\.contentType.mimeType) == ["text/plain", "text/html"])
        let plain = try #require(leaves[0].decodedText()?.text)
        // The CRLF before a boundary belongs to the boundary (RFC 2046 section 5.1.1).
        #expect(plain.replacing("\r\n", with: "\n") == text)
        #expect(try #require(leaves[1].decodedText()?.text).replacing("\r\n", with: "") == html)
        #expect(parsed.defects.isEmpty)
        // Quoted-printable keeps every body line within 76 characters.
        let bodyLines = Self.lines(data).drop { !$0.isEmpty }
        #expect((bodyLines.map(\.utf8.count).max() ?? 0) <= 76)
    }

    @Test(arguments: [
        "F-118.pdf",
        "Facture n° F-118 — relevé détaillé du compte client au 18 novembre 2026 (copie).pdf",
        "請求書 F-118.pdf",
        "a \"quoted\" name; with=specials.pdf",
    ])
    func attachmentsRoundTripWithTheirNames(filename: String) throws {
        let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let attachment = OutgoingMessage.Attachment(filename: filename, mimeType: "application/pdf", data: bytes)
        let data = try MIMEBuilder().build(Self.message(html: "<p>Hi</p>", attachments: [attachment]))
        Self.checkLines(data)
        let parsed = MessageParser().parse(data)
        #expect(parsed.root.contentType.mimeType == "multipart/mixed")
        #expect(parsed.root.leaves.map(\.contentType.mimeType) == ["text/plain", "text/html", "application/pdf"])
        let file = try #require(parsed.root.leaves.last)
        #expect(file.filename == filename && file.isAttachment)
        #expect(file.data == bytes)
        #expect(parsed.defects.isEmpty)
    }

    @Test func equalInputsGiveEqualBytes() throws {
        let message = Self.message(html: "<p>x</p>")
        #expect(try MIMEBuilder().build(message) == MIMEBuilder().build(message))
    }

    @Test(arguments: ["no-at-sign", "two@@example.com", "spa ce@example.com", "émile@example.com", "<a@b>"])
    func invalidAddressesAreRefused(address: String) {
        var message = Self.message()
        message.to = [MailAddress(address: address)]
        #expect(throws: MIMEBuildError.self) { try MIMEBuilder().build(message) }
    }

    @Test func aMessageWithoutRecipientOrWithABadMessageIDIsRefused() {
        var message = Self.message()
        message.to = []
        #expect(throws: MIMEBuildError(.noRecipient, field: "To")) { try MIMEBuilder().build(message) }
        message = Self.message()
        message.messageID = "<action-1@x>"
        #expect(throws: MIMEBuildError(.invalidMessageID, field: "Message-ID")) { try MIMEBuilder().build(message) }
    }

    @Test(arguments: [
        ("replies+{token}@acme.example", "c1.a42", "replies+c1.a42@acme.example"),
        ("{token}@capture.acme.example", "c7.a9", "c7.a9@capture.acme.example"),
    ])
    func captureAddressesWriteAndReadTheirToken(pattern: String, token: String, address: String) {
        let capture = CaptureAddress(pattern: pattern)
        #expect(capture.address(token: token, customer: "1") == address)
        #expect(capture.token(in: address) == token)
        #expect(capture.token(in: address.uppercased()) == token.uppercased())
        #expect(capture.token(in: "someone@else.example") == nil)
    }
}
