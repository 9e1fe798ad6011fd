import Foundation
import Testing
@testable import AgendaStore
@testable import ingestd

/// `ingestd send --dry-run` through the built executable: what would happen to each due action, nothing recorded.
@Suite struct SendCommandTests {
    @Test func aDryRunSaysWhatWouldHappenAndChangesNothing() async throws {
        let fixture = try await OutboundFixture.make(count: 2, smtpPort: 1, emails: { $0 == 0 ? "" : nil })
        defer { fixture.remove() }
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["send", "--store", fixture.storePath, "--config", fixture.configPath, "--dry-run"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "action 1 email: error contact_has_no_email: The collection contact has no email address.",
            "action 2 email: send by email",
        ])
        for id in [Int64(1), 2] {
            #expect(try await fixture.store.action(ActionID(id))?.status == .planned)
            #expect(try await fixture.store.sendRecord(ActionID(id)) == nil)
        }
    }
}
