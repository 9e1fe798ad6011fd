import Foundation
import Testing
@testable import MailIngest

/// Every file under the shared fixtures (bounces, mime, replies; messages or not) parses without a crash, quickly,
/// and yields a consistent tree.
@Suite struct FixtureSweepTests {
    static let areas = ["bounces", "mime", "replies"]

    @Test(arguments: areas)
    func everyFileParsesQuickly(_ area: String) throws {
        let files = MIMETestSupport.allFiles(under: MIMETestSupport.fixtures.appendingPathComponent(area))
        #expect(files.count > 10, "no fixtures under \(MIMETestSupport.fixtures.path)/\(area); set INGESTD_SHARED")
        let parser = MessageParser()
        let clock = ContinuousClock()
        var slowest: Duration = .zero
        let total = try clock.measure {
            for file in files {
                let bytes = try Data(contentsOf: file)
                var parsed: ParsedMessage? = nil
                let elapsed = clock.measure { parsed = parser.parse(bytes) }
                slowest = max(slowest, elapsed)
                let parts = parsed?.root.allParts ?? []
                #expect(parts.first?.path == "1", "\(file.lastPathComponent)")
                #expect(Set(parts.map(\.path)).count == parts.count, "\(file.lastPathComponent): paths are unique")
                let decoded = parts.compactMap(\.data).reduce(0) { $0 + $1.count }
                #expect(decoded <= max(bytes.count, 1) * 2, "\(file.lastPathComponent): decoded size bounded by input")
            }
        }
        // Debug build, shared 2-core machine: generous bounds that still catch a quadratic path.
        #expect(slowest < .milliseconds(500), "slowest file took \(slowest)")
        #expect(total < .seconds(20), "\(files.count) files took \(total)")
    }
}
