import Foundation
import Testing
@testable import MailIngest

/// The header parsers over every message in the shared fixtures (`../shared/fixtures`, or `$INGESTD_SHARED`).
@Suite struct SharedHeaderCorpusTests {
    static let sharedRoot: URL = {
        if let override = ProcessInfo.processInfo.environment["INGESTD_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        // Tests/MailIngestTests/<file> -> package root -> ../shared
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Header fields of every message file, keyed by its path relative to the fixtures folder.
    static let messages: [(file: String, headers: [(String, String)])] = {
        let root = sharedRoot.appendingPathComponent("fixtures")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [(String, [(String, String)])] = []
        for case let path as String in walker {
            guard path.hasSuffix(".eml") || path.hasSuffix(".msg"),
                  let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  !data.isEmpty
            else { continue }
            out.append((path, headerFields(data)))
        }
        return out.sorted { $0.0 < $1.0 }
    }()

    /// A minimal header splitter for this test (the real one is MessageParser's): unfolds, reads bytes as UTF-8 or
    /// else ISO-8859-1, as HeaderField documents.
    static func headerFields(_ data: Data) -> [(String, String)] {
        var fields: [(String, String)] = []
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in data {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                if current.isEmpty { break }
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        for line in lines {
            let text = String(validating: line, as: UTF8.self) ?? String(decoding: line.map { UInt16($0) }, as: UTF16.self)
            if let first = text.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].1 += text
            } else if let colon = text.firstIndex(of: ":") {
                fields.append((String(text[..<colon]), String(text[text.index(after: colon)...])))
            }
        }
        return fields
    }

    @Test func corpusIsPresent() throws {
        try #require(FileManager.default.fileExists(atPath: Self.sharedRoot.path), "shared fixtures not found")
        #expect(Self.messages.count > 300)
    }

    /// Every From that holds an `@` gives a mailbox whose address holds an `@`.
    @Test func everyFromGivesAnAddress() {
        var failures: [String] = []
        for message in Self.messages {
            for (name, value) in message.headers where name.lowercased() == "from" && value.contains("@") {
                let parsed = AddressParser.parse(value)
                if parsed.isEmpty || !parsed.allSatisfy({ $0.address.contains("@") }) { failures.append(message.file) }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Every Date header parses, to an instant between 1990 and 2040.
    @Test func everyDateParses() {
        var failures: [String] = []
        for message in Self.messages {
            for (name, value) in message.headers where name.lowercased() == "date" {
                guard let date = DateParser.parse(value),
                      date.timeIntervalSince1970 > 631_152_000, date.timeIntervalSince1970 < 2_208_988_800
                else {
                    failures.append("\(message.file): \(value)")
                    continue
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Every Message-ID gives exactly one id; subjects decode to text without `=?` left over.
    @Test func idsAndSubjectsDecode() {
        var failures: [String] = []
        for message in Self.messages {
            for (name, value) in message.headers {
                switch name.lowercased() {
                case "message-id":
                    let ids = MessageIDs.parse(value)
                    if ids.count != 1 { failures.append("\(message.file): id") }
                    if ids != MessageIDs.parseAny(value) { failures.append("\(message.file): id shortcut") }
                case "subject":
                    let decoded = EncodedWords.decode(value)
                    if decoded.text.contains("=?") && decoded.text.contains("?=") {
                        failures.append("\(message.file): subject")
                    }
                default: break
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
