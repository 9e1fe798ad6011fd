import Foundation
import Testing
@testable import ingestd

/// mbox: `From ` separators, the format's empty line dropped, mboxrd `>From ` unescaping, LF and CRLF.
@Suite struct MboxReaderTests {
    static let mbox = """
        From tom.baker@northwind.example Tue Nov 24 08:00:12 2026
        From: tom.baker@northwind.example
        Subject: one

        First message.
        >From the start of this line, escaped once.
        >>From quoted and escaped.
        >Not a From line.

        From a.schaefer@mueller-gmbh.example Tue Nov 24 09:30:00 2026
        From: a.schaefer@mueller-gmbh.example
        Subject: two

        Second message.
        From here on, an unescaped mboxo line not after an empty line.

        From x@nowhere.example Wed Nov 25 10:00:00 2026
        From: x@nowhere.example
        Subject: three

        Third message, no empty line at the end.
        """

    static let expected = [
        """
        From: tom.baker@northwind.example
        Subject: one

        First message.
        From the start of this line, escaped once.
        >From quoted and escaped.
        >Not a From line.

        """,
        """
        From: a.schaefer@mueller-gmbh.example
        Subject: two

        Second message.
        From here on, an unescaped mboxo line not after an empty line.

        """,
        """
        From: x@nowhere.example
        Subject: three

        Third message, no empty line at the end.
        """,
    ]

    @Test(arguments: ["\n", "\r\n"])
    func threeMessagesWithFromLinesUnescaped(lineEnd: String) throws {
        let data = Data(Self.mbox.replacingOccurrences(of: "\n", with: lineEnd).utf8)
        let files = Array(MboxReader.messages(in: data, path: "box.mbox"))
        #expect(files.map(\.origin) == ["box.mbox#1", "box.mbox#2", "box.mbox#3"])
        #expect(files.map { String(decoding: $0.raw, as: UTF8.self) }
                == Self.expected.map { $0.replacingOccurrences(of: "\n", with: lineEnd) })
        #expect(files[0].arrival == ISO8601DateFormatter().date(from: "2026-11-24T08:00:12Z"))
        #expect(files[2].arrival == ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
    }

    @Test func readingAFileHandsEveryMessageInOrder() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mbox-\(UUID().uuidString)")
        try Data(Self.mbox.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(MboxReader.looksLikeMbox(url))
        var subjects: [String] = []
        let count = try await MboxReader(url: url).read { file in
            let text = String(decoding: file.raw, as: UTF8.self)
            subjects.append(text.split(separator: "\n")[1].description)
        }
        #expect(count == 3 && subjects == ["Subject: one", "Subject: two", "Subject: three"])
    }

    @Test func bytesBeforeTheFirstSeparatorAreNotAMessage() {
        let data = Data("junk\n\nFrom a@b Tue Nov 24 08:00:12 2026\nSubject: x\n\nbody\n".utf8)
        let files = Array(MboxReader.messages(in: data, path: "x"))
        #expect(files.count == 1 && files.first?.raw == Data("Subject: x\n\nbody\n".utf8))
        #expect(MboxReader.split(Data("no separator at all\n".utf8)).isEmpty)
        #expect(MboxReader.split(Data()).isEmpty)
    }

    @Test func aSeparatorWithoutADateGivesNoArrival() {
        #expect(MboxReader.date(ofSeparator: Data("From MAILER-DAEMON".utf8)) == nil)
        #expect(MboxReader.date(ofSeparator: Data("From a@b Tue Nov 24 08:00:12 2026\r".utf8)) != nil)
    }
}
