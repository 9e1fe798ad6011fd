import Foundation
import Testing
@testable import MailIngest

/// CPython's email test messages (Debian `libpython3.11-testsuite`): every one parses, and a table of facts checked by
/// hand against the files holds.
@Suite struct CPythonCorpusTests {
    static let folder = URL(fileURLWithPath: "/usr/lib/python3.11/test/test_email/data")

    static var messages: [String] { MIMETestSupport.files(in: folder).filter { $0.hasPrefix("msg_") } }

    @Test func corpusIsInstalled() {
        #expect(FileManager.default.fileExists(atPath: Self.folder.path),
                "\(Self.folder.path) is missing: run scripts/install (it installs Debian's libpython3.11-testsuite)")
        #expect(Self.messages.count >= 40, "expected CPython's msg_*.txt files in \(Self.folder.path)")
    }

    @Test func everyFileParses() throws {
        for name in MIMETestSupport.files(in: Self.folder) {
            let parsed = MessageParser().parse(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            #expect(parsed.root.path == "1", "\(name)")
            #expect(!parsed.root.allParts.isEmpty, "\(name)")
        }
    }

    /// One hand-checked fact about one part of one message.
    struct Fact: Sendable, CustomTestStringConvertible {
        var file: String
        var partCount: Int
        var path: String
        var mimeType: String
        var filename: String? = nil
        var size: Int? = nil
        /// The decoded leaf starts with these bytes.
        var starts: [UInt8]? = nil
        var defect: String? = nil
        var testDescription: String { "\(file) \(path)" }
    }

    static let facts: [Fact] = [
        Fact(file: "msg_01.txt", partCount: 1, path: "1", mimeType: "text/plain", starts: Array("\nHi,\n\nDo you like".utf8)),
        // A digest inside a mixed: its parts default to message/rfc822 (RFC 2046 §5.1.5).
        Fact(file: "msg_02.txt", partCount: 15, path: "1.3.1", mimeType: "message/rfc822"),
        Fact(file: "msg_02.txt", partCount: 15, path: "1.3.1.1", mimeType: "text/plain", starts: Array("\nhello\n\n".utf8)),
        Fact(file: "msg_04.txt", partCount: 3, path: "1.2", mimeType: "text/plain", filename: "msg.txt"),
        Fact(file: "msg_05.txt", partCount: 5, path: "1.3.1", mimeType: "text/plain", starts: Array("Yadda yadda yadda\n".utf8)),
        Fact(file: "msg_07.txt", partCount: 3, path: "1.2", mimeType: "image/gif", filename: "dingusfish.gif", size: 3512,
             starts: Array("GIF87a".utf8)),
        // Quoted-printable `=A1` at the start, then base64 parts, then a part with no Content-Type.
        Fact(file: "msg_10.txt", partCount: 6, path: "1.2", mimeType: "text/html", starts: [0xA1] + Array("This is a Quoted".utf8)),
        Fact(file: "msg_10.txt", partCount: 6, path: "1.4", mimeType: "text/plain", starts: Array("This is a Base64 enc".utf8)),
        Fact(file: "msg_10.txt", partCount: 6, path: "1.5", mimeType: "text/plain", starts: Array("This has no Content-".utf8)),
        // `Content-Type: text` (no subtype) falls back to text/plain (RFC 2045 §5.2).
        Fact(file: "msg_14.txt", partCount: 1, path: "1", mimeType: "text/plain", defect: "malformed_header@1"),
        // Upper-case `message/DELIVERY-STATUS` and `MESSAGE/RFC822`; the status is a leaf with its bytes kept.
        Fact(file: "msg_16.txt", partCount: 5, path: "1.2", mimeType: "message/delivery-status",
             starts: Array("Original-envelope-id".utf8)),
        Fact(file: "msg_16.txt", partCount: 5, path: "1.3.1", mimeType: "text/plain", starts: Array("I always love".utf8)),
        Fact(file: "msg_22.txt", partCount: 5, path: "1.2", mimeType: "image/jpeg", filename: "wibble.JPG", size: 272,
             starts: [0xFF, 0xD8, 0xFF, 0xE0]),
        // Disposition `filename="clock.bmp"` wins over Content-Type `name="clock.bmp,69c"`.
        Fact(file: "msg_26.txt", partCount: 3, path: "1.2", mimeType: "application/riscos", filename: "clock.bmp",
             size: 630, starts: Array("BM".utf8)),
        Fact(file: "msg_28.txt", partCount: 5, path: "1.2.1", mimeType: "text/plain", starts: Array("message 2\n".utf8)),
        // No blank line after the header block: the first non-field line starts the body.
        Fact(file: "msg_35.txt", partCount: 1, path: "1", mimeType: "text/plain",
             starts: Array("counter to RFC 2822".utf8), defect: "malformed_header@1"),
        // Outer boundaries at line starts inside inner text end the inner multiparts.
        Fact(file: "msg_38.txt", partCount: 7, path: "1.1.1.1", mimeType: "text/plain", starts: Array("\nUnlike the test".utf8)),
        // multipart/alternative without a boundary parameter: read as text, reported.
        Fact(file: "msg_41.txt", partCount: 1, path: "1", mimeType: "text/plain", starts: Array("Blah blah blah".utf8),
             defect: "missing_boundary@1"),
        Fact(file: "msg_42.txt", partCount: 4, path: "1.2.1", mimeType: "multipart/mixed"),
        Fact(file: "msg_43.txt", partCount: 4, path: "1.3", mimeType: "text/rfc822-headers",
             starts: Array("Received: from kgsav".utf8)),
        Fact(file: "msg_45.txt", partCount: 3, path: "1.2", mimeType: "application/pgp-signature", filename: "signature.asc",
             starts: Array("-----BEGIN PGP".utf8)),
        Fact(file: "msg_46.txt", partCount: 2, path: "1.1", mimeType: "text/plain", starts: Array("Testing email forwar".utf8)),
    ]

    @Test(arguments: facts)
    func handCheckedFacts(_ fact: Fact) throws {
        let parsed = MessageParser().parse(try Data(contentsOf: Self.folder.appendingPathComponent(fact.file)))
        #expect(parsed.root.allParts.count == fact.partCount)
        let part = try #require(MIMETestSupport.partsByPath(parsed)[fact.path])
        #expect(part.contentType.mimeType == fact.mimeType)
        if let filename = fact.filename { #expect(part.filename == filename) }
        if let size = fact.size { #expect(part.data?.count == size) }
        if let starts = fact.starts { #expect(part.data.map { Array($0.prefix(starts.count)) } == starts) }
        if let defect = fact.defect { #expect(parsed.defects.map(\.description).contains(defect)) }
    }
}
