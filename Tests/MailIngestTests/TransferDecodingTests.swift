import Foundation
import Testing
@testable import MailIngest

/// The decoders themselves, against Foundation's base64 and hand-made inputs.
@Suite struct TransferDecodingTests {
    static func decode(_ text: String, _ mechanism: String) -> TransferDecoding.Result {
        Array(text.utf8).withUnsafeBufferPointer { TransferDecoding.decode($0, mechanism: mechanism) }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 57, 58, 59, 1_000])
    func base64RoundTripsFoundation(_ size: Int) {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let encoded = bytes.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let result = Self.decode(encoded, "base64")
        #expect(result.bytes == bytes)
        #expect(result.defect == nil)
    }

    @Test func base64DanglingCharacterIsReported() {
        let result = Self.decode("QUJD\nR", "base64")
        #expect(result.bytes == Data("ABC".utf8))
        #expect(result.defect == .invalidBase64)
    }

    @Test func quotedPrintableTransportPaddingAfterSoftBreak() {
        #expect(Self.decode("a=  \r\nb", "quoted-printable").bytes == Data("ab".utf8))
        #expect(Self.decode("end=", "quoted-printable").bytes == Data("end".utf8))
    }

    @Test func quotedPrintableKeepsInnerSpaces() {
        #expect(Self.decode("a  b\t c", "quoted-printable").bytes == Data("a  b\t c".utf8))
    }

    @Test func uuencodeWithoutBeginKeepsRawBytes() {
        let result = Self.decode("M86)C\n", "x-uuencode")
        #expect(result.bytes == Data("M86)C\n".utf8))
        #expect(result.defect == .unparsable)
    }

    @Test func uuencodeWithoutEndIsDecodedAndReported() {
        let result = Self.decode("begin 600 x.bin\n#86)C\n", "x-uuencode")
        #expect(result.bytes == Data("abc".utf8))
        #expect(result.filename == "x.bin")
        #expect(result.defect == .unparsable)
    }

    @Test(arguments: [(nil, "7bit"), ("BASE64 ", "base64"), ("Quoted-Printable (qp)", "quoted-printable"), ("", "7bit")])
    func mechanismNames(_ header: String?, _ expected: String) {
        #expect(TransferDecoding.mechanism(header) == expected)
    }
}
