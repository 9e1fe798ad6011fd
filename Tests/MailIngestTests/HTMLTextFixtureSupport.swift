import Foundation
@testable import MailIngest

/// Locates HTML fixtures: the project's own under `Fixtures/html/`, the shared ones under `../shared` beside the
/// package root (or `$INGESTD_SHARED`).
enum HTMLFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shared: URL {
        if let override = ProcessInfo.processInfo.environment["INGESTD_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static let ownFolder = packageRoot.appendingPathComponent("Tests/MailIngestTests/Fixtures/html")

    static func own(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: ownFolder.appendingPathComponent(name)), as: UTF8.self)
    }

    static func ownNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: ownFolder.path).filter { $0.hasSuffix(".html") }.sorted()
    }

    /// One string per line: a 3-character mark (`>` quoted, `~` signature, then a space) and the text, e.g.
    /// `"   new text"`, `">  quoted text"`, `" ~ Jane Doe"`.
    static func render(_ body: BodyText) -> [String] {
        body.lines.map { ($0.quoted ? ">" : " ") + ($0.signature ? "~" : " ") + " " + $0.text }
    }
}
