import Foundation
import Testing
@testable import MailIngest

/// ParseLimits: each exceeded limit gives a defect and a partial result; malformed input never crashes.
extension MessageParserTests {
    static func limits(_ change: (inout ParseLimits) -> Void) -> ParseLimits {
        var limits = ParseLimits()
        change(&limits)
        return limits
    }

    static func multipart(parts: Int) -> String {
        var message = "Content-Type: multipart/mixed; boundary=p\n\n"
        for index in 0..<parts { message += "--p\n\npart \(index)\n" }
        return message + "--p--\n"
    }

    @Test func tooManyParts() {
        let parsed = MIMETestSupport.parse(Self.multipart(parts: 50), limits: Self.limits { $0.maxParts = 5 })
        #expect(parsed.root.allParts.count == 5)
        #expect(parsed.defects == [Defect(.tooManyParts, at: "1")])
    }

    @Test func hostileDelimiterFloodIsCappedAndQuick() {
        let message = "Content-Type: multipart/mixed; boundary=f\n\n" + String(repeating: "--f\n", count: 200_000)
        let clock = ContinuousClock()
        var parsed: ParsedMessage? = nil
        let elapsed = clock.measure { parsed = MIMETestSupport.parse(message) }
        #expect(parsed?.root.allParts.count == ParseLimits.default.maxParts)
        #expect(parsed?.defects.contains(Defect(.tooManyParts, at: "1")) == true)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func manyPartsWithinTheDefaultLimit() {
        let parsed = MIMETestSupport.parse(Self.multipart(parts: 400))
        #expect(parsed.root.leaves.count == 400)
        #expect(parsed.root.leaves.last?.testText == "part 399")
        #expect(parsed.defects.isEmpty)
    }

    @Test func tooDeepMultiparts() {
        var message = ""
        for level in 0..<50 { message += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        message += "\ninnermost\n"
        let parsed = MIMETestSupport.parse(message, limits: Self.limits { $0.maxDepth = 4 })
        let deepest = parsed.root.allParts.map { $0.path.split(separator: ".").count }.max()
        #expect(deepest == 5)
        #expect(parsed.defects.contains(Defect(.tooDeep, at: "1.1.1.1.1")))
        #expect(parsed.root.leaves.count == 1)
    }

    @Test func deeplyNestedMessagesWithDefaultLimitsDoNotOverflowTheStack() {
        let message = String(repeating: "Content-Type: message/rfc822\n\n", count: 20_000) + "body\n"
        let parsed = MIMETestSupport.parse(message)
        #expect(parsed.defects.contains { $0.code == .tooDeep })
        #expect(parsed.root.allParts.count == ParseLimits.default.maxDepth + 1)
    }

    @Test func tooManyHeaders() {
        let headers = (0..<50).map { "X-H\($0): v" }.joined(separator: "\n")
        let parsed = MIMETestSupport.parse(headers + "\n\nbody", limits: Self.limits { $0.maxHeaderCount = 10 })
        #expect(parsed.headers.fields.count == 10)
        #expect(parsed.root.testText == "body")
        #expect(parsed.defects == [Defect(.tooManyHeaders, at: "1")])
    }

    @Test func hugeFoldedHeaderIsTruncated() {
        let huge = "Subject: start" + String(repeating: "\n continued text", count: 20_000) + "\nTo: x@example.com\n\nbody"
        let parsed = MIMETestSupport.parse(huge, limits: Self.limits { $0.maxHeaderBytes = 1_000 })
        #expect(parsed.headers.first("Subject")?.utf8.count ?? 0 <= 1_000)
        #expect(parsed.headers.first("Subject")?.hasPrefix("start continued") == true)
        #expect(parsed.headers.first("To") == "x@example.com")
        #expect(parsed.root.testText == "body")
        #expect(parsed.defects == [Defect(.headerTooLong, at: "1")])
    }

    @Test func messageTooLargeIsCut() {
        let message = "Subject: s\n\n" + String(repeating: "a", count: 1_000)
        let parsed = MIMETestSupport.parse(message, limits: Self.limits { $0.maxMessageBytes = 112 })
        #expect(parsed.root.data?.count == 100)
        #expect(parsed.defects == [Defect(.messageTooLarge, at: "1")])
    }

    @Test func decodedTooLargeIsCut() {
        let parsed = MIMETestSupport.parse(Self.multipart(parts: 3), limits: Self.limits { $0.maxDecodedBytes = 10 })
        #expect(parsed.root.leaves.compactMap(\.data).reduce(0) { $0 + $1.count } == 10)
        #expect(parsed.defects == [Defect(.decodedTooLarge, at: "1.2")])
    }

    @Test func emptyInput() {
        let parsed = MessageParser().parse(Data())
        #expect(parsed.root.data == Data())
        #expect(parsed.defects == [Defect(.emptyMessage, at: "1")])
    }

    @Test func loneHeaderBlock() {
        let parsed = MIMETestSupport.parse("Subject: only headers\r\nFrom: a@b")
        #expect(parsed.headers.fields.map(\.name) == ["Subject", "From"])
        #expect(parsed.root.data == Data())
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 17, 512, 8_192] {
            let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let parsed = MessageParser().parse(bytes)
            #expect(parsed.root.path == "1")
        }
        let nul = MessageParser().parse(Data([0, 0, 10, 0, 13, 10, 13, 10, 0]))
        #expect(nul.root.path == "1")
    }

    @Test func boundaryLookalikesDoNotSplit() {
        // `--outer-1` extends the outer boundary: not a delimiter of `outer`; leading space is not a line start.
        let message = "Content-Type: multipart/mixed; boundary=outer\n\n--outer\n\nx\n--outer-1\n --outer\ny\n--outer--\n"
        let parsed = MIMETestSupport.parse(message)
        #expect(parsed.root.leaves.map(\.testText) == ["x\n--outer-1\n --outer\ny"])
    }
}
