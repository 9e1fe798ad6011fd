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

    static func own(_ name: String) throws -> String {
        let url = packageRoot.appendingPathComponent("Tests/MailIngestTests/Fixtures/html").appendingPathComponent(name)
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// One line per output line: `"  "` unmarked, `"> "` quoted, `"~ "` signature, `">~"` both, then the text.
    static func render(_ body: BodyText) -> [String] {
        body.lines.map { line in
            let mark = (line.quoted ? ">" : " ") + (line.signature ? "~" : " ")
            return mark == "  " ? "  " + line.text : mark + (mark.hasSuffix(" ") ? "" : " ") + line.text
        }
    }
}
