import Testing
@testable import ingestd

/// Enhanced status codes (RFC 3463) in words, for bounced actions' error details.
@Suite struct DeliveryStatusTextTests {
    @Test(arguments: [
        ("5.1.1", "mailbox unknown"), ("5.1.2", "domain unknown"), ("5.2.2", "mailbox full"),
        ("4.2.2", "mailbox full"), ("5.7.1", "delivery not authorized"), ("5.4.7", "delivery time expired"),
        ("5.1.99", "address problem"), ("5.9.9", "permanent failure"), ("4.9.9", "temporary failure"),
    ])
    func knownCodesHaveWords(status: String, words: String) {
        #expect(DeliveryStatusText.words(status) == words)
    }

    @Test(arguments: ["", "5", "5.1", "550", "5.1.1.1", "x.1.1", "3.1.1", "5.a.1", "5..1"])
    func otherTextIsNotAStatusCode(text: String) {
        #expect(DeliveryStatusText.words(text) == nil)
    }
}
