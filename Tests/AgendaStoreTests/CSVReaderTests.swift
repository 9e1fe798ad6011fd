import Foundation
import Testing
@testable import AgendaStore

/// CSV edge cases, table-driven: separators, BOM, quotes, line ends, encodings.
@Suite struct CSVReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var records: [[String]]
        var lines: [Int]
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ records: [[String]], lines: [Int]) {
            self.init(name, Array(text.utf8), records, lines: lines)
        }

        init(_ name: String, _ bytes: [UInt8], _ records: [[String]], lines: [Int]) {
            self.name = name
            self.bytes = bytes
            self.records = records
            self.lines = lines
        }
    }

    static let cases: [Case] = [
        Case("comma", "a,b\n1,2\n", [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case("semicolon with decimal commas", "a;b\n1,5;2,25\n", [["a", "b"], ["1,5", "2,25"]], lines: [1, 2]),
        Case("tab", "a\tb\n1\t2", [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case("BOM", [0xEF, 0xBB, 0xBF] + Array("key;name\nC1;Acme\n".utf8), [["key", "name"], ["C1", "Acme"]],
             lines: [1, 2]),
        Case("CRLF", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case("bare CR", "a,b\r1,2\r", [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case("quoted newline keeps the start line", "a,b\n\"x\ny\",2\n3,4\n", [["a", "b"], ["x\ny", "2"], ["3", "4"]],
             lines: [1, 2, 4]),
        Case("quoted CRLF newline", "a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", [["a", "b"], ["x\r\ny", "2"], ["3", "4"]],
             lines: [1, 2, 4]),
        Case("doubled quotes", "a\n\"say \"\"hi\"\"\"\n", [["a"], ["say \"hi\""]], lines: [1, 2]),
        Case("separator inside quotes", "a,b\n\"1,5\",x\n", [["a", "b"], ["1,5", "x"]], lines: [1, 2]),
        Case("blank lines skipped, numbering kept", "a\n\n1\n\n", [["a"], ["1"]], lines: [1, 3]),
        Case("spaces trimmed outside quotes only", "a , b\n\" x \" , y\n", [["a", "b"], [" x ", "y"]], lines: [1, 2]),
        Case("empty fields", "a,b,c\n,,\n", [["a", "b", "c"], ["", "", ""]], lines: [1, 2]),
        Case("no final newline", "a\n1", [["a"], ["1"]], lines: [1, 2]),
        Case("Latin-1 fallback", Array("name\n".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A],
             [["name"], ["Müller"]], lines: [1, 2]),
        Case("UTF-8 kept", "name\nMüller ÇİĞ\n", [["name"], ["Müller ÇİĞ"]], lines: [1, 2]),
        Case("inch mark inside an unquoted field", "a,b\n5\" screen,2\n", [["a", "b"], ["5\" screen", "2"]],
             lines: [1, 2]),
    ]

    @Test(arguments: cases)
    func readsRecordsAndTheirLines(_ example: Case) throws {
        let bytes = try CSVReader.stripBOM(example.bytes)
        let records = try CSVReader.records(bytes, separator: CSVReader.detectSeparator(bytes))
        #expect(records.map(\.fields) == example.records)
        #expect(records.map(\.line) == example.lines)
    }

    @Test(arguments: [("a,b;c\n", ","), ("a;b;c,d\n", ";"), ("a\tb\tc;d\n", "\t"), ("\"a;b;c\",d\n", ","),
                      ("single\n", ",")])
    func detectsTheSeparatorFromTheHeader(header: String, expected: String) {
        let bytes = Array(header.utf8)[...]
        #expect(CSVReader.detectSeparator(bytes) == UInt8(ascii: Unicode.Scalar(expected)!))
    }

    @Test func anUnterminatedQuoteIsABadFile() {
        #expect(throws: AgendaStoreError.self) {
            _ = try CSVReader.records(Array("a\n\"open\n1\n".utf8)[...], separator: UInt8(ascii: ","))
        }
    }

    @Test func utf16IsRefusedWithAClearError() {
        #expect(throws: AgendaStoreError.self) { _ = try CSVReader.stripBOM([0xFF, 0xFE, 0x61, 0x00]) }
    }
}
