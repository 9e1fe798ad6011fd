import Foundation
import Testing
@testable import MailIngest

/// Inputs kept in fuzz/regressions (crashers the fuzzer found, turned into files, and hand-made hostile messages):
/// each must be analysed to the end within the limits.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz/regressions")

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func thereAreRegressionInputs() {
        #expect(Self.files.count >= 3, "fuzz/regressions is missing")
    }

    @Test(arguments: files)
    func analysesToTheEnd(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let limits = ParseLimits()
        let analysis = MessageAnalyzer(limits: limits).analyze(data)
        let message = try #require(analysis.message)
        #expect(message.root.allParts.count <= limits.maxParts + 1)
        #expect(message.root.allParts.map { $0.path.split(separator: ".").count }.max() ?? 0 <= limits.maxDepth + 2)
        _ = HTMLText.convert(String(decoding: data, as: UTF8.self))
    }
}
