import Foundation
import Testing
@testable import MailIngest

@Suite struct DebugDetectTests {
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["BD_FILE"] else { return }
        let message = MessageParser().parse(try Data(contentsOf: URL(fileURLWithPath: path)))
        let report = ReportText(message: message)
        print("NOTICE<<<\(report.notice)>>>")
        print("DSN<<<\(report.deliveryStatus)>>>")
        print("RETURNED<<<\(report.returnedHeaders.prefix(500))>>>")
        let found = NoticeRecipients.find(in: report.notice, excluding: BounceParser.excludedAddresses(report))
        for f in found { print("FOUND \(f.address) cmd=\(String(describing: SMTPCommand.find(in: f.block)))\n\(f.block)\n---") }
        print(KindDetector().detect(message))
    }
}
