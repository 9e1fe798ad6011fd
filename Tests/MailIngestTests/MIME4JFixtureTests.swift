import Foundation
import Testing
@testable import MailIngest

/// Apache James mime4j's own parser expectations (`/work/shared/fixtures/mime/testmsgs`): for every `.msg`, the leaves
/// we produce must be those `NAME_decoded.xml` names, byte-equal for `.bin` and text-equal for `.txt`.
@Suite struct MIME4JFixtureTests {
    /// Decoded files that mime4j's `NAME_decoded.xml` does not reference: leftovers of older mime4j versions in its
    /// repository, not expectations (the XML shows the tree the current mime4j builds).
    static let staleFiles: [String: String] = [
        "multipartemptypart_decoded_1_2.txt":
            "the body has one delimiter then the close delimiter: one part; the XML lists only 1_1",
        "multipartnestedemptyparts_decoded_1_1.txt":
            "holds the raw carried message from when message/rfc822 was not parsed; the XML has 1_1 as a message",
        "missing-inner-boundary_decoded_1_2_1.txt":
            "the inner multipart has no delimiter, so no part; the XML shows only its preamble",
    ]

    /// Where we decide differently from mime4j on purpose: the message, why, and the leaves we produce instead.
    struct Exception: Sendable, CustomTestStringConvertible {
        var message: String
        var reason: String
        var leaves: [String: String]
        var testDescription: String { message }
    }

    static let exceptions: [Exception] = [
        Exception(
            message: "malformedHeader-nocrlfcrlf",
            reason: "mime4j was run with 'skip invalid header lines'; we end the header block at the first line that "
                + "is not a field and keep it as body (as Python's email does), so reply text is never dropped",
            leaves: ["1": "This is an invalid header\r\nAnotherHeader: is this an header or the first part of the "
                + "body?\r\n\r\nBody text\r\n"]),
        Exception(
            message: "malformedHeaderStartsBody-nocrlfcrlf",
            reason: "mime4j drops the line after the invalid one (a quirk its README names); we keep it",
            leaves: ["1": "This is an invalid header\r\nAnotherHeader: is this an header or the first part of the "
                + "body?\r\n\r\nBody text\r\n"]),
        Exception(
            message: "basic-plain-with-bad-header-separator",
            reason: "the ' ' line folds into Date (RFC 5322 obs-FWS); mime4j then skips three body lines as invalid "
                + "headers, we start the body at the first of them and keep the text",
            leaves: ["1": "This is a very simple message with a simple body but the separator\r\nbetween header and "
                + "body contains an additional space: \r\nCRLF<space>CRLF.\r\n\r\nThis results in a bogus header.\r\n"]),
        Exception(
            message: "malformedHeader-noheader",
            reason: "mime4j's skip setting drops both lines as invalid headers and leaves an empty body, although the "
                + "text itself says it should be recognised as body; we keep it",
            leaves: ["1": "This is a simple message not having headers.\r\nThe whole text should be recognized as "
                + "body.\r\n"]),
        Exception(
            message: "malformedHeaderStartsBody-noheader",
            reason: "mime4j keeps only the first line (the line after the invalid one is dropped, its named quirk)",
            leaves: ["1": "This is a simple message not having headers.\r\nThe whole text should be recognized as "
                + "body.\r\n"]),
    ]

    static var messages: [String] {
        MIMETestSupport.files(in: MIMETestSupport.mime4j).filter { $0.hasSuffix(".msg") }.map { String($0.dropLast(4)) }
    }

    @Test func fixturesArePresent() {
        #expect(Self.messages.count == 32, "expected mime4j's 32 messages under \(MIMETestSupport.mime4j.path)")
    }

    /// Leaf names (`1_2`) that `NAME_decoded.xml` references.
    static func referencedLeaves(_ name: String) throws -> [String: String] {
        let xml = try String(contentsOf: MIMETestSupport.mime4j.appendingPathComponent(name + "_decoded.xml"),
                             encoding: .isoLatin1)
        var out: [String: String] = [:]
        let prefix = name + "_decoded_"
        for piece in xml.components(separatedBy: "name=\"").dropFirst() {
            guard let file = piece.split(separator: "\"").first, file.hasPrefix(prefix) else { continue }
            let stem = file.dropFirst(prefix.count).split(separator: ".").first.map(String.init) ?? ""
            out[stem] = String(file)
        }
        return out
    }

    @Test(arguments: messages)
    func leavesMatchMime4j(_ name: String) throws {
        let folder = MIMETestSupport.mime4j
        let input = try Data(contentsOf: folder.appendingPathComponent(name + ".msg"))
        let parsed = MessageParser().parse(input)
        let leaves = Dictionary(parsed.root.leaves.map { ($0.path.replacingOccurrences(of: ".", with: "_"), $0) },
                                uniquingKeysWith: { first, _ in first })

        // Files on disk are either referenced by the XML or documented as stale.
        let referenced = try Self.referencedLeaves(name)
        let onDisk = MIMETestSupport.files(in: folder).filter { $0.hasPrefix(name + "_decoded_") }
        for file in onDisk where !referenced.values.contains(file) {
            #expect(Self.staleFiles[file] != nil, "undocumented unreferenced file \(file)")
        }

        if let exception = Self.exceptions.first(where: { $0.message == name }) {
            #expect(Set(leaves.keys) == Set(exception.leaves.keys.map { $0.replacingOccurrences(of: ".", with: "_") }))
            for (path, expected) in exception.leaves {
                #expect(leaves[path.replacingOccurrences(of: ".", with: "_")]?.testText == expected, "\(name) \(path)")
            }
            return
        }

        #expect(Set(leaves.keys) == Set(referenced.keys), "\(name): leaf paths")
        for (stem, file) in referenced {
            guard let leaf = leaves[stem], let got = leaf.data else { continue }
            let expected = try Data(contentsOf: folder.appendingPathComponent(file))
            if file.hasSuffix(".bin") {
                #expect(got == expected, "\(name) \(stem): \(got.count) bytes vs \(expected.count)")
            } else if got != expected {
                let charset = leaf.contentType.charset
                let mine = CharsetDecoder.decode(got, charset: charset).text
                let theirs = CharsetDecoder.decode(expected, charset: charset ?? "iso-8859-1").text
                #expect(mine == theirs, "\(name) \(stem): text differs")
            }
        }
    }
}

extension MIME4JFixtureTests {
    /// Every entity's fields in document order, as `NAME_decoded.xml` lists them: name (trimmed) and value unfolded
    /// (line breaks removed, surrounding white space trimmed). The XML escapes only `&`, `<` and `>`.
    static func expectedFields(_ name: String) throws -> [HeaderField] {
        let xml = try String(contentsOf: MIMETestSupport.mime4j.appendingPathComponent(name + "_decoded.xml"),
                             encoding: .isoLatin1)
        return xml.components(separatedBy: "<field>\r\n").dropFirst().map { piece in
            let field = piece.components(separatedBy: "</field>")[0]
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            let colon = field.firstIndex(of: ":") ?? field.endIndex
            let value = field[colon...].dropFirst().replacingOccurrences(of: "\r\n", with: "")
            return HeaderField(name: field[..<colon].trimmingCharacters(in: .whitespaces),
                               rawValue: value.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
        }
    }

    @Test(arguments: messages)
    func headerFieldsMatchMime4j(_ name: String) throws {
        guard !Self.exceptions.contains(where: { $0.message == name }) else { return }  // reasons above
        let input = try Data(contentsOf: MIMETestSupport.mime4j.appendingPathComponent(name + ".msg"))
        let parsed = MessageParser().parse(input)
        let mine = parsed.root.allParts.flatMap { $0.headers.fields }
        // Our values are read as UTF-8 when valid, the XML as ISO-8859-1: compare those as ISO-8859-1 bytes.
        let latin1 = mine.map { field in
            HeaderField(name: field.name, rawValue: String(decoding: field.rawValue.utf8.map { UInt16($0) }, as: UTF16.self))
        }
        let expected = try Self.expectedFields(name)
        #expect(mine.map(\.name) == expected.map(\.name))
        #expect(latin1.map(\.rawValue) == expected.map(\.rawValue))
    }
}
