import Foundation
import Testing
@testable import MailIngest

/// Small inline messages, one per shape: line-end variants, headers, multipart layouts, nested messages, transfer
/// encodings, malformed input.
@Suite struct MessageParserTests {
    static let simple = "From: a@example.com\nSubject: Hello\n  world\nTo: b@example.com\n\nLine one\nLine two\n"

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndVariantsGiveTheSameTree(_ eol: String) throws {
        let parsed = MIMETestSupport.parse(Self.simple.replacingOccurrences(of: "\n", with: eol))
        #expect(parsed.headers.fields.map(\.name) == ["From", "Subject", "To"])
        #expect(parsed.headers.first("subject") == "Hello  world")
        let body = try #require(parsed.root.testText)
        #expect(BodyText(plain: body).lines.map(\.text) == ["Line one", "Line two"])
        #expect(parsed.defects.isEmpty)
    }

    @Test func headersKeepOrderSpellingAndDuplicates() {
        let parsed = MIMETestSupport.parse("Received: x\r\nX-CUSTOM : v\r\nreceived: y\r\n\r\nbody")
        #expect(parsed.headers.fields.map(\.name) == ["Received", "X-CUSTOM", "received"])
        #expect(parsed.headers.all("RECEIVED") == ["x", "y"])
        #expect(parsed.headers.first("x-custom") == "v")
    }

    @Test func latin1HeaderBytesReadAsISO88591() {
        var bytes = Data("Subject: caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("\r\n\r\nx".utf8))
        #expect(MessageParser().parse(bytes).headers.first("Subject") == "café")
    }

    @Test func multipartAlternativeWithPreambleAndEpilogue() throws {
        let message = """
            Content-Type: multipart/alternative; boundary="b1"\r
            \r
            preamble\r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            plain\r
            --b1\r
            Content-Type: text/html\r
            \r
            <p>html</p>\r
            --b1--\r
            epilogue\r

            """
        let parsed = MIMETestSupport.parse(message)
        guard case .multipart(let parts, let preamble, let epilogue) = parsed.root.body else {
            Issue.record("not a multipart"); return
        }
        #expect(parts.map(\.path) == ["1.1", "1.2"])
        #expect(parts.map(\.contentType.mimeType) == ["text/plain", "text/html"])
        #expect(parts[0].contentType.charset == "utf-8")
        #expect(parts[0].testText == "plain")
        #expect(parts[1].testText == "<p>html</p>")
        #expect(preamble == "preamble")
        #expect(epilogue == "epilogue\r\n")
        #expect(parsed.defects.isEmpty)
    }

    @Test func missingFinalBoundaryKeepsTheLastPart() {
        let parsed = MIMETestSupport.parse("Content-Type: multipart/mixed; boundary=zz\n\n--zz\n\nfirst\n--zz\n\nsecond\n")
        #expect(parsed.root.leaves.map(\.testText) == ["first", "second\n"])
        #expect(parsed.defects == [Defect(.unterminatedMultipart, at: "1")])
    }

    @Test func multipartWithoutBoundaryParameterIsALeaf() {
        let parsed = MIMETestSupport.parse("Content-Type: multipart/mixed\n\nsome text\n")
        #expect(parsed.root.testText == "some text\n")
        #expect(parsed.root.contentType.mimeType == "text/plain")
        #expect(parsed.defects == [Defect(.missingBoundary, at: "1")])
    }

    @Test func base64EncodedNestedMessageIsParsed() throws {
        let inner = "Subject: inner\r\nContent-Type: text/plain\r\n\r\nInner body\r\n"
        let message = "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\nouter\r\n"
            + "--o\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Data(inner.utf8).base64EncodedString(options: .lineLength76Characters) + "\r\n--o--\r\n"
        let parsed = MIMETestSupport.parse(message)
        let parts = MIMETestSupport.partsByPath(parsed)
        #expect(parsed.root.allParts.map(\.path) == ["1", "1.1", "1.2", "1.2.1"])
        #expect(parts["1.2.1"]?.headers.first("Subject") == "inner")
        #expect(parts["1.2.1"]?.testText == "Inner body\r\n")
        #expect(parsed.defects.isEmpty)
    }

    @Test func messageGlobalIsParsedAndDeliveryStatusKept() {
        let message = "Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n"
            + "--r\n\nNotice\n--r\nContent-Type: message/global-delivery-status\n\nReporting-MTA: dns; x\n"
            + "--r\nContent-Type: message/global\n\nSubject: é\n\nbody\n--r--\n"
        let parsed = MIMETestSupport.parse(message)
        let parts = MIMETestSupport.partsByPath(parsed)
        #expect(parts["1.2"]?.testText == "Reporting-MTA: dns; x")
        #expect(parts["1.3.1"]?.headers.first("Subject") == "é")
        #expect(parts["1.3.1"]?.testText == "body")
    }

    @Test func digestPartsDefaultToMessageRFC822() {
        let parsed = MIMETestSupport.parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nhi\n--d--\n")
        let parts = MIMETestSupport.partsByPath(parsed)
        #expect(parts["1.1"]?.contentType == .messageRFC822)
        #expect(parts["1.1.1"]?.headers.first("Subject") == "one")
        #expect(parts["1.1.1"]?.testText == "hi")
    }

    @Test func attachmentFilenameFromDispositionElseName() {
        let message = "Content-Type: multipart/mixed; boundary=m\n\n"
            + "--m\nContent-Type: application/pdf; name=\"n.pdf\"\nContent-Disposition: attachment; filename=\"d.pdf\"\n\nx\n"
            + "--m\nContent-Type: image/png; name=only-name.png\n\ny\n--m--\n"
        let leaves = MIMETestSupport.parse(message).root.leaves
        #expect(leaves.map(\.filename) == ["d.pdf", "only-name.png"])
        #expect(leaves[0].disposition == "attachment")
        #expect(leaves.allSatisfy { $0.isAttachment })
    }
}
