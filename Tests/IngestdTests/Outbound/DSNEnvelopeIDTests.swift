import Foundation
import Testing
@testable import ingestd

/// Original-Envelope-Id (RFC 3464 section 2.2.1) found in a DSN's bytes, xtext decoded (RFC 3461 section 4).
@Suite struct DSNEnvelopeIDTests {
    @Test(arguments: [
        ("Reporting-MTA: dns; mail.test.example\r\nOriginal-Envelope-Id: action-42\r\n\r\n", "action-42"),
        ("X: y\nORIGINAL-ENVELOPE-ID:   action-7\n", "action-7"),
        ("Original-Envelope-Id: a+2Bb+3Dc\r\n", "a+b=c"),
        ("Original-Envelope-Id: action-9", "action-9"),
    ] as [(String, String)])
    func found(text: String, id: String) {
        #expect(DSNEnvelopeID.find(in: Data(text.utf8)) == id)
    }

    @Test(arguments: ["", "Subject: Original-Envelope-Id: action-1\r\n", "Original-Envelope-Id:\r\n",
                      "X-Original-Envelope-Id: action-1\r\n"])
    func absent(text: String) {
        #expect(DSNEnvelopeID.find(in: Data(text.utf8)) == nil)
    }
}
