import Foundation
import Testing
@testable import MailIngest

/// ``MessageAnalyzer/detect(_:)`` (parse and kind detection, the mail poller's path) finds exactly what the whole
/// analysis finds for the same bytes: kind, bounce and auto-reply details, sender, Message-ID and subject.
@Suite struct MessageAnalyzerDetectTests {
    @Test(arguments: ["bounces", "mime", "replies"])
    func detectAgreesWithTheWholeAnalysis(_ area: String) throws {
        let files = MIMETestSupport.allFiles(under: MIMETestSupport.fixtures.appendingPathComponent(area))
        #expect(files.count > 10, "no fixtures under \(MIMETestSupport.fixtures.path)/\(area); set INGESTD_SHARED")
        let analyzer = MessageAnalyzer()
        var kinds: Set<MessageAnalysis.Kind> = []
        for file in files {
            let bytes = try Data(contentsOf: file)
            let whole = analyzer.analyze(bytes), detected = analyzer.detect(bytes)
            let name = file.lastPathComponent
            #expect(detected.detection == whole.detection, "\(name)")
            #expect(detected.sender == whole.sender, "\(name)")
            #expect(detected.message.messageID == whole.message?.messageID, "\(name)")
            #expect(detected.message.subject == whole.message?.subject, "\(name)")
            kinds.insert(detected.detection.kind)
        }
        if area == "bounces" { #expect(kinds.isSuperset(of: [.bounce, .autoReply]), "\(kinds)") }
    }
}
