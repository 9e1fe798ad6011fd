import Foundation
import Testing
@testable import MailIngest

/// The header block scan: unfolding, field names, where the body starts, lenient repairs.
@Suite struct RawHeaderScannerTests {
    static func scan(_ text: String, limits: ParseLimits = .default) -> (fields: [HeaderField], body: String, defects: [Defect.Code]) {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { mutable in
            let buf = UnsafeBufferPointer(mutable)
            let result = RawHeaderScanner(limits: limits).scan(buf, 0..<buf.count)
            let body = String(decoding: buf[result.bodyStart...], as: UTF8.self)
            return (result.fields, body, result.defects)
        }
    }

    @Test func unfoldsAndTrims() {
        let result = Self.scan("Subject:  a\r\n\tb \r\n c\r\n\r\nbody")
        #expect(result.fields == [HeaderField(name: "Subject", rawValue: "a\tb  c")])
        #expect(result.body == "body")
        #expect(result.defects.isEmpty)
    }

    @Test func obsoleteSpaceBeforeColon() {
        #expect(Self.scan("Subject \t: x\n\n").fields == [HeaderField(name: "Subject", rawValue: "x")])
    }

    @Test func emptyValue() {
        #expect(Self.scan("X-Empty:\nY: 1\n\n").fields.map(\.rawValue) == ["", "1"])
    }

    @Test func mboxSeparatorIsSkipped() {
        let result = Self.scan("From someone@example.com Sat Jan  3 01:05:34 1996\nSubject: s\n\nbody")
        #expect(result.fields.map(\.name) == ["Subject"])
        #expect(result.body == "body")
    }

    @Test func proseLineStartsTheBody() {
        let result = Self.scan("Subject: s\nHello there, no blank line\nsecond line\n")
        #expect(result.fields.map(\.name) == ["Subject"])
        #expect(result.body == "Hello there, no blank line\nsecond line\n")
        #expect(result.defects == [.malformedHeader])
    }

    @Test func continuationAtTheTopMeansNoHeaders() {
        let result = Self.scan(" indented text\nmore\n")
        #expect(result.fields.isEmpty)
        #expect(result.body == " indented text\nmore\n")
        #expect(result.defects == [.malformedHeader])
    }

    @Test func damagedOneWordFieldIsSkipped() {
        let result = Self.scan("A: 1\nBad\u{01}Name: x\nB: 2\n\nbody")
        #expect(result.fields.map(\.name) == ["A", "B"])
        #expect(result.body == "body")
        #expect(result.defects == [.malformedHeader])
    }

    @Test func parameterThatLostItsFoldingIsJoined() {
        let result = Self.scan("Content-Type: multipart/mixed;\nboundary=\"xyz\"\nSubject: s\n\n")
        #expect(result.fields.first?.rawValue == "multipart/mixed; boundary=\"xyz\"")
        #expect(result.fields.map(\.name) == ["Content-Type", "Subject"])
        #expect(result.defects == [.malformedHeader])
    }

    @Test func headerBlockWithoutBodyOrFinalLineBreak() {
        let result = Self.scan("A: 1\r\nB: 2")
        #expect(result.fields.map(\.rawValue) == ["1", "2"])
        #expect(result.body.isEmpty)
    }

    @Test func singleLineValueOverTheLimitIsCut() {
        var limits = ParseLimits()
        limits.maxHeaderBytes = 8
        let result = Self.scan("Subject: 0123456789abcdef\n\n", limits: limits)
        #expect(result.fields.first?.rawValue == "01234567")
        #expect(result.defects == [.headerTooLong])
    }

    @Test func foldedValueOverTheLimitIsCutAfterUnfolding() {
        var limits = ParseLimits()
        limits.maxHeaderBytes = 8
        let result = Self.scan("Subject: 0123\r\n 4567\r\n 89ab\r\n\r\n", limits: limits)
        // Unfolded: " 0123 4567 89ab" (the space after the colon included); cut to 8 bytes, then trimmed.
        #expect(result.fields.first?.rawValue == "0123 45")
        #expect(result.defects == [.headerTooLong])
    }

    @Test func foldedValueKeepsCarriageReturnsInsideLines() {
        let result = Self.scan("X-A: a\rb\n c\r\n\r\n")
        #expect(result.fields.first?.rawValue == "a\rb c")
    }

    @Test func lostFoldAfterAFoldedLineIsJoined() {
        let result = Self.scan("Content-Type: multipart/mixed;\r\n charset=utf-8;\r\nboundary=\"xyz\"\r\nSubject: s\r\n\r\n")
        #expect(result.fields.first?.rawValue == "multipart/mixed; charset=utf-8; boundary=\"xyz\"")
        #expect(result.fields.map(\.name) == ["Content-Type", "Subject"])
        #expect(result.defects == [.malformedHeader])
    }

    @Test func fieldsFromBytesCompareAndLookUpAsStrings() {
        let fields = Self.scan("SUBJECT: Hi\r\nReceived: a\r\n b\r\nreceived: c\r\n\r\n").fields
        let headers = HeaderFields(fields)
        #expect(headers.first("subject") == "Hi")
        #expect(headers.all("Received") == ["a b", "c"])
        #expect(headers.contains("RECEIVED") && !headers.contains("Receive"))
        #expect(fields[0] == HeaderField(name: "SUBJECT", rawValue: "Hi"))
        #expect(Set(fields).contains(HeaderField(name: "Received", rawValue: "a b")))
        var changed = fields[0]
        changed.rawValue = "Bye"
        #expect(changed == HeaderField(name: "SUBJECT", rawValue: "Bye"))
        changed.name = "Topic"
        #expect(HeaderFields([changed]).first("topic") == "Bye")
    }
}
