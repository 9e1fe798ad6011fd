import Foundation
import Testing
@testable import MailIngest

/// Runs ``KindDetector`` over every message of the shared bounce set (sisimai's set-of-emails, see
/// fixtures/README.md) and applies the scorer's pass rule: the kind is right and, for a bounce, every expected
/// reason appears among the reported recipients' reasons, with multiplicity.
@Suite struct BounceFixtureTests {
    /// One line of `bounces/expected.jsonl`.
    struct Case: Decodable {
        struct Recipient: Decodable {
            var status: String
            var reason: String
        }
        var file: String
        var kind: String
        var recipients: [Recipient]?
    }

    /// The floor this detector reaches on the 330 messages; raise it when the detector improves.
    static let floor = 302

    static var folder: URL { MIMETestSupport.fixtures.appendingPathComponent("bounces") }

    static func cases() -> [Case] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.jsonl"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    /// Whether `detection` passes `expected` under the scorer's rule.
    static func passes(_ detection: MessageDetection, _ expected: Case) -> Bool {
        let kind = detection.kind.rawValue
        if expected.kind == "other" { return ["other", "reply", "comment"].contains(kind) }
        guard kind == expected.kind else { return false }
        guard expected.kind == "bounce" else { return true }
        var got: [String: Int] = [:]
        for recipient in detection.bounce?.recipients ?? [] { got[recipient.reason.rawValue, default: 0] += 1 }
        var want: [String: Int] = [:]
        for recipient in expected.recipients ?? [] { want[recipient.reason, default: 0] += 1 }
        return want.allSatisfy { got[$0.key, default: 0] >= $0.value }
    }

    @Test func passCountReachesTheFloor() throws {
        let cases = Self.cases()
        try #require(cases.count == 330, "bounce fixtures not found under \(Self.folder.path)")
        var passed = 0
        var failures: [String] = []
        for expected in cases {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(expected.file))
            let detection = KindDetector().detect(MessageParser().parse(data))
            if Self.passes(detection, expected) {
                passed += 1
            } else {
                let got = detection.bounce?.recipients.map(\.reason.rawValue).joined(separator: ",") ?? "-"
                let want = expected.recipients?.map(\.reason).joined(separator: ",") ?? "-"
                failures.append("\(expected.file): kind \(detection.kind.rawValue) want \(expected.kind); "
                                + "reasons \(got) want \(want)")
            }
        }
        print("BounceFixtureTests: \(passed) of \(cases.count) pass")
        failures.forEach { print("  fail \($0)") }
        #expect(passed >= Self.floor)
    }

    @Test func notBouncesAreNotBounces() throws {
        for name in MIMETestSupport.files(in: Self.folder.appendingPathComponent("not")) {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent("not/\(name)"))
            let kind = KindDetector().detect(MessageParser().parse(data)).kind
            #expect(kind != .bounce && kind != .feedbackReport, "\(name)")
        }
    }
}
