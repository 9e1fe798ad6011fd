import Foundation
@testable import MailIngest

/// Locates shared fixtures and reads test inputs for the MIME parser suites.
enum MIMETestSupport {
    /// The package root, derived from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `shared/` beside the clone, or `$INGESTD_SHARED`; worktrees under `/work/wt` fall back to `/work/shared`.
    static let shared: URL = {
        if let override = ProcessInfo.processInfo.environment["INGESTD_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        let beside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return packageRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var fixtures: URL { shared.appendingPathComponent("fixtures") }
    static var mime4j: URL { fixtures.appendingPathComponent("mime/testmsgs") }

    /// Names of the files in a folder, sorted; empty when it does not exist.
    static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Every regular file under `folder`, recursively, sorted by path.
    static func allFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var out: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }

    /// A message from an inline string (UTF-8).
    static func parse(_ text: String, limits: ParseLimits = .default) -> ParsedMessage {
        MessageParser(limits: limits).parse(Data(text.utf8))
    }

    /// The message's parts keyed by path.
    static func partsByPath(_ message: ParsedMessage) -> [String: MIMEPart] {
        Dictionary(message.root.allParts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension MIMEPart {
    /// A leaf's bytes as text (UTF-8, else ISO-8859-1), for assertions.
    var testText: String? { data.map { String(decoding: $0, as: UTF8.self) } }
}
