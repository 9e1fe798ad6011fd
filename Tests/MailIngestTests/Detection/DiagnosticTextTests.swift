import Testing
@testable import MailIngest

/// DiagnosticText's white-space collapse: its ASCII byte path must give what the character path gives.
@Suite struct DiagnosticTextTests {
    static let inputs = [
        "", "   ", "550 5.1.1  user\tunknown\n", "a\r\nb", "a\r\n\r\nb", " x \r y\n\tz ", "\r\n", "a\rb\n\rc",
        "Grüße\n  aus  Köln", "x\u{00A0} y",
    ]

    @Test(arguments: inputs)
    func collapseMatchesTheCharacterSplit(_ text: String) {
        let reference = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        #expect(DiagnosticText.collapse(text) == reference)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect(DiagnosticText.collapseASCII(text) == reference) }
    }

    @Test func asciiFoldComparesWithoutCase() {
        #expect(ASCIIFold.hasPrefix("Message-ID: <a@b>", Array("message-id:".utf8)))
        #expect(!ASCIIFold.hasPrefix("Message", Array("message-id:".utf8)))
        #expect(!ASCIIFold.hasPrefix("MESSAGE-İD:", Array("message-id:".utf8)))
        #expect(ASCIIFold.contains("a\nX-HmXmrOriginalRecipient: b", Array("x-hmxmroriginalrecipient:".utf8)))
        #expect(!ASCIIFold.contains("x-hmxmr", Array("x-hmxmroriginalrecipient:".utf8)))
    }
}
