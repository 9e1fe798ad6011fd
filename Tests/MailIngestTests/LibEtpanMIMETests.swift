import Foundation
import Testing
@testable import MailIngest

/// ``LibEtpanMIME`` on minimal inline messages: it reads a well-formed message as we do, and libetpan 1.9.4's
/// defects that made ``MessageParser`` build its own tree are pinned here, each next to what we do instead. If a
/// libetpan upgrade fixes one, its test fails and the decision can be revisited.
@Suite struct LibEtpanMIMETests {
    /// libetpan's summary of an inline message; `\n` is written as CRLF unless `lf`.
    static func libetpan(_ text: String, lf: Bool = false) -> LibEtpanMIME.Summary {
        LibEtpanMIME.parse(bytes(text, lf: lf))
    }

    static func ours(_ text: String, lf: Bool = false) -> ParsedMessage {
        MessageParser().parse(bytes(text, lf: lf))
    }

    static func bytes(_ text: String, lf: Bool) -> Data {
        Data((lf ? text : text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    /// True when libetpan reports a preamble whose length runs past the input (it would be read out of bounds).
    static func libetpanPreambleLengthIsCorrupt(_ text: String, lf: Bool = false) -> Bool {
        let summary = libetpan(text, lf: lf)
        return summary.anomalies.contains { $0.code == .outOfBounds && $0.field == "preamble" }
    }

    static func leafSummary(_ leaves: [(String, String, Data?)]) -> [String] {
        leaves.map { "\($0.0) \($0.1) \(String(decoding: $0.2 ?? Data(), as: UTF8.self))" }
    }

    static func libetpanLeaves(_ summary: LibEtpanMIME.Summary) -> [String] {
        leafSummary(summary.leaves.map { ($0.path, $0.mimeType, $0.decoded) })
    }

    static func ourLeaves(_ message: ParsedMessage) -> [String] {
        leafSummary(message.root.leaves.map { ($0.path, $0.contentType.mimeType, $0.data) })
    }

    static let wellFormed = """
        From: a@example.com
        Content-Type: multipart/mixed; boundary="outer"

        preamble
        --outer
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Caf=C3=A9 soft=
        break
        --outer
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: base64

        aGVsbG8gd29ybGQ=
        --outer
        Content-Type: message/rfc822

        Subject: inner
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain

        inner text
        --inner
        Content-Type: text/html

        <p>inner</p>
        --inner--
        --outer--
        epilogue
        """

    @Test func wellFormedMessageReadsAsOurs() {
        let summary = Self.libetpan(Self.wellFormed)
        #expect(summary.isSound, "\(summary.anomalies)")
        #expect(summary.allNodes.map(\.path) == ["1", "1.1", "1.2", "1.3", "1.3.1", "1.3.1.1", "1.3.1.2"])
        #expect(summary.allNodes.map(\.kind) == [.multipart, .single, .single, .message, .multipart, .single, .single])
        #expect(Self.libetpanLeaves(summary) == [
            "1.1 text/plain Café softbreak", "1.2 application/octet-stream hello world",
            "1.3.1.1 text/plain inner text", "1.3.1.2 text/html <p>inner</p>",
        ])
        #expect(summary.leaves.map(\.transferEncoding) == ["quoted-printable", "base64", "8bit", "8bit"])
        #expect(Self.libetpanLeaves(summary) == Self.ourLeaves(Self.ours(Self.wellFormed)))
        let input = Self.bytes(Self.wellFormed, lf: false)
        let preamble = summary.root?.preamble
        #expect(preamble.map { String(decoding: input[$0.offset..<($0.offset + $0.length)], as: UTF8.self) } == "preamble")
    }

    @Test(arguments: ["", "no header at all", "Subject: x", "\r\n\r\n", "Content-Type: multipart/mixed; boundary=b\r\n\r\n"])
    func degenerateInputIsSafe(_ text: String) {
        let summary = LibEtpanMIME.parse(Data(text.utf8))
        for node in summary.allNodes {
            if let decoded = node.decoded { #expect(decoded.count <= text.utf8.count) }
        }
        #expect(summary.root != nil || summary.status != 0 || !summary.anomalies.isEmpty)
    }

    /// The bounds check itself: a span is accepted only inside `[base, base + count]`; anything else is reported
    /// with its raw offset and length and never read.
    @Test func spansOutsideTheBufferAreReportedNotRead() {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 16)
        defer { buffer.deallocate() }
        let base = UInt(bitPattern: buffer)
        var walk = LibEtpanMIMEWalk(base: base, count: 16)
        #expect(walk.region(buffer + 4, 12, path: "1", field: "body") == LibEtpanMIME.Region(offset: 4, length: 12))
        #expect(walk.region(buffer + 16, 0, path: "1", field: "body") == LibEtpanMIME.Region(offset: 16, length: 0))
        #expect(walk.anomalies.isEmpty)
        #expect(walk.region(buffer + 4, 13, path: "1", field: "body") == nil)
        #expect(walk.region(buffer + 4, Int(bitPattern: UInt.max - 2), path: "1.2", field: "preamble") == nil)
        #expect(walk.region(UnsafePointer(bitPattern: base - 3), 1, path: "1", field: "entity") == nil)
        #expect(walk.region(UnsafePointer(bitPattern: base + 17), 0, path: "1", field: "epilogue") == nil)
        #expect(walk.region(nil, 0, path: "1", field: "body") == nil)
        #expect(walk.anomalies.map(\.code) == [.outOfBounds, .outOfBounds, .outOfBounds, .outOfBounds, .nullPointer])
        #expect(walk.anomalies.map(\.offset) == [4, 4, -3, 17, 0])
        #expect(walk.anomalies[1].length == UInt.max - 2)
        #expect(walk.anomalies[1].path == "1.2" && walk.anomalies[1].field == "preamble")
    }

    @Test func deepNestingStopsTheWalkWithAnAnomaly() {
        // Boundaries `b0x`, `b1x`, ...: none is a prefix of another (libetpan matches delimiters by prefix); every
        // multipart closed (libetpan cuts unterminated parts short, see below).
        let levels = LibEtpanMIME.maxDepth + 20
        var text = "Content-Type: multipart/mixed; boundary=b0x\n\n"
        for level in 1...levels {
            text += "--b\(level - 1)x\nContent-Type: multipart/mixed; boundary=b\(level)x\n\n"
        }
        text += "--b\(levels)x\n\ninnermost\n"
        for level in (0...levels).reversed() { text += "--b\(level)x--\n" }
        let summary = Self.libetpan(text)
        let sound = summary.isSound
        #expect(summary.anomalies.map(\.code) == [.tooDeep])
        #expect(!sound)
        #expect(summary.allNodes.count == LibEtpanMIME.maxDepth + 1)
    }

    // MARK: The defects named in MessageParser's doc comment

    static let missingBoundary = """
        Content-Type: multipart/alternative; boundary="never-used"

        AAA
        """

    @Test func preambleLengthIsCorruptWhenNoDelimiterIsFound() {
        #expect(Self.libetpanPreambleLengthIsCorrupt(Self.missingBoundary))
        #expect(Self.libetpanPreambleLengthIsCorrupt(Self.missingBoundary, lf: true))
        // SIZE_MAX - 2 with CRLF, SIZE_MAX - 1 with LF: an underflow (`preamble_end -= 2`), read as is by a
        // naive walk.
        #expect(Self.libetpan(Self.missingBoundary).anomalies.map(\.length) == [UInt.max - 2])
        #expect(Self.libetpan(Self.missingBoundary, lf: true).anomalies.map(\.length) == [UInt.max - 1])
        #expect(!Self.libetpan(Self.missingBoundary).isSound)
        // Ours: no part, the whole body kept as preamble, reported.
        let ours = Self.ours(Self.missingBoundary)
        #expect(ours.root.children.isEmpty)
        #expect(ours.defects.map(\.code).contains(.unterminatedMultipart))
        guard case .multipart(_, let preamble, _) = ours.root.body else {
            Issue.record("our root is not a multipart")
            return
        }
        #expect(preamble == "AAA")
    }

    static let emptyPart = """
        Content-Type: multipart/mixed; boundary=b

        --b
        --b
        Content-Type: text/html

        second
        --b--
        """

    /// The second delimiter starts the part that the first one opened, without a line break before it, so libetpan
    /// does not see it: the empty part is lost and the next part's delimiter and headers become body text.
    @Test func dropsAnEmptyPart() {
        #expect(Self.libetpanLeaves(Self.libetpan(Self.emptyPart))
                == ["1.1 text/plain --b\r\nContent-Type: text/html\r\n\r\nsecond"])
        #expect(Self.ourLeaves(Self.ours(Self.emptyPart)) == ["1.1 text/plain ", "1.2 text/html second"])
    }

    static let noPart = """
        Content-Type: multipart/mixed; boundary=b

        preamble only
        --b--
        epilogue
        """

    @Test func inventsAPartInAMultipartWithoutOne() {
        let summary = Self.libetpan(Self.noPart)
        #expect(summary.isSound)
        #expect(Self.libetpanLeaves(summary) == ["1.1 text/plain --\r\nepilogue"])
        #expect(Self.ours(Self.noPart).root.children.isEmpty)
    }

    static let digest = """
        Content-Type: multipart/digest; boundary=d

        --d

        Subject: carried
        Content-Type: text/plain

        carried text
        --d--
        """

    @Test func ignoresTheDigestDefaultType() {
        let summary = Self.libetpan(Self.digest)
        #expect(summary.allNodes.map(\.mimeType) == ["multipart/digest", "text/plain"])
        #expect(Self.ourLeaves(Self.ours(Self.digest)) == ["1.1.1 text/plain carried text"])
        #expect(Self.ours(Self.digest).root.children.first?.contentType.mimeType == "message/rfc822")
    }

    /// mime4j's `weird-boundary`, `very-long-boundary` and `very-very-long-boundary` use boundaries over 70
    /// characters or ending in spaces, but what libetpan trips on is `=?` inside them (legal `bchars`, RFC 2046
    /// §5.1.1): its parameter parser takes it for an RFC 2047 encoded word and the boundary is lost, so the
    /// multipart stays one leaf. Long and space-ending boundaries without `=?` split fine (the control below).
    static let encodedWordBoundaries = ["a=?b", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFLMNOPRSTUVWXYZ'()+_,-./:=?"]
    static let controlBoundaries = [String(repeating: "0123456789abcde", count: 5), "ends with space ", "a?b:c=d"]

    static func singlePartMessage(boundary: String) -> String {
        """
        Content-Type: multipart/mixed; boundary="\(boundary)"

        --\(boundary)
        Content-Type: text/plain

        part
        --\(boundary)
        Content-Type: text/html

        second
        --\(boundary)--
        """
    }

    @Test(arguments: encodedWordBoundaries)
    func losesABoundaryContainingAnEncodedWordOpener(_ boundary: String) {
        let message = Self.singlePartMessage(boundary: boundary)
        let summary = Self.libetpan(message)
        #expect(summary.allNodes.map(\.kind) == [.single])
        #expect(summary.allNodes.map(\.mimeType) == ["multipart/mixed"])
        #expect(Self.ourLeaves(Self.ours(message)) == ["1.1 text/plain part", "1.2 text/html second"])
    }

    @Test(arguments: controlBoundaries)
    func splitsOnALongOrSpaceEndingBoundary(_ boundary: String) {
        let message = Self.singlePartMessage(boundary: boundary)
        #expect(Self.libetpanLeaves(Self.libetpan(message)) == ["1.1 text/plain part", "1.2 text/html second"])
        #expect(Self.ourLeaves(Self.ours(message)) == ["1.1 text/plain part", "1.2 text/html second"])
    }

    // MARK: Further defects the differential run found

    @Test func quotedPrintableWritesCRLFForEveryLineBreak() {
        let message = "Content-Transfer-Encoding: quoted-printable\n\none\ntwo\n"
        #expect(Self.libetpan(message, lf: true).leaves.first?.decoded == Data("one\r\ntwo\r\n".utf8))
        #expect(Self.ours(message, lf: true).root.data == Data("one\ntwo\n".utf8))
    }

    @Test func quotedPrintableKeepsTrailingWhiteSpace() {
        let message = "Content-Transfer-Encoding: quoted-printable\n\nend  \nnext=20\n"
        #expect(Self.libetpan(message).leaves.first?.decoded == Data("end  \r\nnext \r\n".utf8))
        #expect(Self.ours(message).root.data == Data("end\r\nnext \r\n".utf8))
    }

    @Test func quotedPrintableDecodesEqualsBeforeNonHex() {
        let message = "Content-Transfer-Encoding: quoted-printable\n\ncharset=\"us-ascii\"\n"
        #expect(Self.libetpan(message).leaves.first?.decoded == Data("charset\0s-ascii\"\r\n".utf8))
        #expect(Self.ours(message).root.data == Data("charset=\"us-ascii\"\r\n".utf8))
    }

    static let reusedBoundary = """
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        first
        --b--
        --b
        Content-Type: text/plain

        after the end
        --b--
        """

    @Test func readsPartsPastTheCloseDelimiter() {
        #expect(Self.libetpan(Self.reusedBoundary).leaves.map(\.path) == ["1.1", "1.2"])
        #expect(Self.ourLeaves(Self.ours(Self.reusedBoundary)) == ["1.1 text/plain first"])
    }

    static let unterminated = """
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        last line

        """

    @Test func trimsTheLastLineBreakOfAnUnterminatedPart() {
        #expect(Self.libetpanLeaves(Self.libetpan(Self.unterminated)) == ["1.1 text/plain last line"])
        #expect(Self.ourLeaves(Self.ours(Self.unterminated)) == ["1.1 text/plain last line\r\n"])
    }

    static let encodedMessage = """
        Content-Type: message/rfc822
        Content-Transfer-Encoding: base64

        U3ViamVjdDogaW5uZXIKCmJvZHkK
        """

    @Test func keepsAnEncodedMessageAsALeaf() {
        #expect(Self.libetpanLeaves(Self.libetpan(Self.encodedMessage)) == ["1 message/rfc822 Subject: inner\n\nbody\n"])
        #expect(Self.ourLeaves(Self.ours(Self.encodedMessage)) == ["1.1 text/plain body\n"])
    }

    @Test func ignoresAnRFC2231Boundary() {
        let message = """
            Content-Type: multipart/mixed; boundary*=us-ascii''b

            --b
            Content-Type: text/plain

            part
            --b--
            """
        #expect(Self.libetpan(message).allNodes.map(\.kind) == [.single])
        #expect(Self.ourLeaves(Self.ours(message)) == ["1.1 text/plain part"])
    }
}
