import Foundation
import Testing
@testable import MailIngest

/// Transfer encodings (RFC 2045 §6), lenient decoding and its defects.
extension MessageParserTests {
    static func leaf(_ encoding: String, _ body: String) -> ParsedMessage {
        MIMETestSupport.parse("Content-Type: application/octet-stream\nContent-Transfer-Encoding: \(encoding)\n\n\(body)")
    }

    @Test func base64WithLineBreaks() {
        let parsed = Self.leaf("BASE64", "SGVs\r\nbG8g\nd29y bGQ=\n")
        #expect(parsed.root.testText == "Hello world")
        #expect(parsed.root.transferEncoding == "base64")
        #expect(parsed.defects.isEmpty)
    }

    @Test(arguments: ["SGVsbG8*gd29ybGQ=", "SGVsbG8gd29ybGQ", "SGVsbG8gd29ybGQ===", "SGVsbG8gd29ybGQ=A"])
    func badBase64IsDecodedAndReported(_ body: String) {
        let parsed = Self.leaf("base64", body)
        #expect(parsed.root.testText?.hasPrefix("Hello world") == true)
        #expect(parsed.defects == [Defect(.invalidBase64, at: "1")])
    }

    @Test func quotedPrintableSoftBreaksAndHex() {
        let parsed = Self.leaf("quoted-printable", "caf=C3=a9 soft=\r\nbreak=  \nend   \nx=3D1")
        #expect(parsed.root.testText == "café softbreakend\nx=1")
        #expect(parsed.defects.isEmpty)
    }

    @Test func badQuotedPrintableKeepsTheEqualsSign() {
        let parsed = Self.leaf("quoted-printable", "a=ZZb")
        #expect(parsed.root.testText == "a=ZZb")
        #expect(parsed.defects == [Defect(.invalidQuotedPrintable, at: "1")])
    }

    @Test func uuencodeWithFilename() {
        // "Hello, uuencode!" as binascii.b2a_uu writes it.
        let body = "begin 644 hello.txt\n02&5L;&\\L('5U96YC;V1E(0``\n`\nend\n"
        let parsed = Self.leaf("x-uuencode", body)
        #expect(parsed.root.testText == "Hello, uuencode!")
        #expect(parsed.root.filename == "hello.txt")
        #expect(parsed.defects.isEmpty)
    }

    @Test func unknownEncodingKeepsRawBytes() {
        let parsed = Self.leaf("x-gzip64", "raw stuff")
        #expect(parsed.root.testText == "raw stuff")
        #expect(parsed.defects == [Defect(.unknownTransferEncoding, at: "1")])
    }

    @Test func identityEncodingsKeepBytesIncludingNUL() {
        var bytes = Data("Content-Transfer-Encoding: binary\n\n".utf8)
        bytes.append(contentsOf: [0, 1, 0xFF, 0, 10, 13])
        let parsed = MessageParser().parse(bytes)
        #expect(parsed.root.data == Data([0, 1, 0xFF, 0, 10, 13]))
    }
}
