import Foundation
@testable import MailIngest

/// Inputs for the detection suites: project fixtures under `Fixtures/detection` and inline messages.
enum DetectionTestSupport {
    /// `Tests/MailIngestTests/Fixtures/detection`.
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/detection")

    /// A parsed message from inline text (LF line ends are fine).
    static func message(_ text: String) -> ParsedMessage {
        MessageParser().parse(Data(text.utf8))
    }

    /// Detection over inline message text.
    static func detect(_ text: String) -> MessageDetection {
        KindDetector().detect(message(text))
    }

    /// A date at noon UTC.
    static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso + "T12:00:00Z")!
    }
}
