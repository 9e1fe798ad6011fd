import Foundation
import Testing
@testable import MailIngest

/// One byte fixture from `Fixtures/charsets/` (written by `make.py` with Python's codecs).
struct CharsetFixture: CustomTestStringConvertible, Sendable {
    var file: String
    var label: String
    var bytes: Data
    var expected: String
    var testDescription: String { file }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/charsets")

    /// Every `<label>__<sample>[__<variant>].bin` with its `expected/<sample>.txt`.
    static let all: [CharsetFixture] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".bin") }.sorted().compactMap { name in
            let parts = name.dropLast(4).components(separatedBy: "__")
            guard parts.count >= 2,
                  let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  let expected = try? String(
                      contentsOf: directory.appendingPathComponent("expected/\(parts[1]).txt"), encoding: .utf8)
            else { return nil }
            return CharsetFixture(file: name, label: parts[0], bytes: bytes, expected: expected)
        }
    }()
}

@Suite struct CharsetDecoderTests {
    @Test func fixturesArePresent() {
        #expect(CharsetFixture.all.count >= 60)
    }

    @Test(arguments: CharsetFixture.all)
    func decodesRealBytes(_ fixture: CharsetFixture) {
        let result = CharsetDecoder.decode(fixture.bytes, charset: fixture.label)
        #expect(result.text == fixture.expected)
        #expect(result.defects.isEmpty)
    }

    /// Labels as mail clients write them, each with bytes only the intended charset reads as `text`.
    @Test(arguments: [
        ("utf8", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("\"utf-8\"", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        (" UTF-8 ", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("utf-8*en", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("latin1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("iso8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("ISO_8859-1:1987", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("iso-8859-1", [0x80, 0x20, 0x93, 0x71, 0x94], "€ “q”"),
        ("cp1252", [0x80, 0x20, 0x85], "€ …"),
        ("win-1252", [0x80], "€"),
        ("windows1252", [0x80], "€"),
        ("x-cp1252", [0x96], "–"),
        ("ascii", [0x61, 0x62], "ab"),
        ("us_ascii", [0x61, 0x62], "ab"),
        ("x-sjis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("Shift-JIS", [0x87, 0x40], "①"),
        ("x-gbk", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
        ("gb2312", [0x81, 0x30, 0x81, 0x30], "\u{80}"),
        ("ks_c_5601-1987", [0xC7, 0xD1, 0xB1, 0xDB], "한글"),
        ("euc-kr", [0x8C, 0x63], "똠"),
        ("unicode-1-1-utf-7", Array("Hi +ZeVnLIqe-".utf8), "Hi 日本語"),
        ("x-unicode20utf7", Array("+AOk-".utf8), "é"),
        ("latin2", [0xB1], "ą"),
        ("l9", [0xA4], "€"),
        ("koi8r", [0xE1], "А"),
        ("tis-620", [0xA1], "ก"),
        ("cp866", [0x80], "А"),
        ("IBM850", [0x82], "é"),
        ("x-mac-roman", [0x8E], "é"),
        ("ISO-8859-8-I", [0xE0], "א"),
    ] as [(String, [UInt8], String)])
    func resolvesAliases(_ label: String, _ bytes: [UInt8], _ text: String) {
        let result = CharsetDecoder.decode(bytes, charset: label)
        #expect(result.text == text)
        #expect(result.defects.isEmpty)
    }

    /// 8-bit bytes that are valid UTF-8 under an ASCII or Latin-1 label are UTF-8 (the common lie); otherwise the
    /// label's own reading (Windows-1252) holds.
    @Test(arguments: [
        ("us-ascii", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("iso-8859-1", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("windows-1252", [0xE2, 0x82, 0xAC], "€"),
        (nil, [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("us-ascii", [0x63, 0x61, 0x66, 0xE9], "café"),
        (nil, [0x63, 0x61, 0x66, 0xE9, 0x80], "café€"),
        ("iso-8859-1", [0xC3, 0x28], "Ã("),
        ("windows-1252", [0x81, 0x8D], "\u{81}\u{8D}"),
    ] as [(String?, [UInt8], String)])
    func readsLyingLabels(_ label: String?, _ bytes: [UInt8], _ text: String) {
        let result = CharsetDecoder.decode(bytes, charset: label)
        #expect(result.text == text)
        #expect(result.defects.isEmpty)
    }

    @Test(arguments: ["x-unknown", "unknown-8bit", "klingon", "", "\"\"", "utf-9", "x-user-defined", "iso-8859-12"])
    func unknownCharsetIsADefectNotAnError(_ label: String) {
        let valid = CharsetDecoder.decode(Array("Grüße".utf8), charset: label)
        #expect(valid.text == "Grüße")
        #expect(valid.defects == [.unknownCharset])
        let invalid = CharsetDecoder.decode([0x61, 0xFF, 0x62], charset: label)
        #expect(invalid.text == "a\u{FFFD}b")
        #expect(invalid.defects == [.unknownCharset])
    }

    /// A bad byte becomes U+FFFD and decoding goes on.
    @Test(arguments: [
        ("utf-8", [0x61, 0xFF, 0x62, 0xC3, 0xA9], "a\u{FFFD}bé"),
        ("utf-8", [0x61, 0xE2, 0x82], "a\u{FFFD}"),
        ("shift_jis", [0x61, 0x93, 0xFA, 0xFF, 0x62], "a日\u{FFFD}b"),
        ("shift_jis", [0x61, 0x93], "a\u{FFFD}"),
        ("euc-jp", [0xC6, 0xFC, 0x8E], "日\u{FFFD}"),
        ("gb18030", [0xC4, 0xE3, 0xFF, 0x41], "你\u{FFFD}A"),
        ("utf-16le", [0x41, 0x00, 0x00, 0xDC, 0x42, 0x00], "A\u{FFFD}B"),
        ("big5", [0xA4, 0xA4, 0xFF, 0x41], "中\u{FFFD}A"),
    ] as [(String, [UInt8], String)])
    func replacesInvalidBytes(_ label: String, _ bytes: [UInt8], _ text: String) {
        let result = CharsetDecoder.decode(bytes, charset: label)
        #expect(result.text == text)
        #expect(result.defects == [.invalidCharsetData])
    }

    /// RFC 2781: a BOM rules; none means big-endian unless the zero bytes say little-endian ASCII-range text.
    @Test(arguments: [
        ("utf-16", [0x00, 0x41, 0x00, 0xE9], "Aé"),
        ("utf-16", [0x41, 0x00, 0xE9, 0x00], "Aé"),
        ("utf-16", [0xFF, 0xFE, 0x41, 0x00], "A"),
        ("utf-16", [0xFE, 0xFF, 0x00, 0x41], "A"),
        ("utf-16", [0x65, 0xE5, 0x67, 0x2C], "日本"),
        ("utf-32", [0x41, 0, 0, 0], "A"),
    ] as [(String, [UInt8], String)])
    func sniffsUTF16ByteOrder(_ label: String, _ bytes: [UInt8], _ text: String) {
        #expect(CharsetDecoder.decode(bytes, charset: label).text == text)
    }

    @Test func emptyInputIsEmpty() {
        #expect(CharsetDecoder.decode(Data(), charset: "utf-8").text == "")
        #expect(CharsetDecoder.decode(Data(), charset: "iso-2022-jp").defects.isEmpty)
    }

    /// ISO-2022-JP is 7-bit: the ASCII fast path must not swallow its escape sequences.
    @Test func iso2022JPEscapesAreNotPlainASCII() {
        let bytes: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]
        #expect(CharsetDecoder.decode(bytes, charset: "ISO-2022-JP").text == "日本")
    }

    @Test(arguments: [nil, "us-ascii"] as [String?])
    func sniffsUnlabelledISO2022JP(_ label: String?) {
        let bytes: [UInt8] = [0x41, 0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]
        #expect(CharsetDecoder.decode(bytes, charset: label).text == "A日本")
        // A stray escape alone is not enough.
        #expect(CharsetDecoder.decode([0x41, 0x1B, 0x5B, 0x30, 0x6D], charset: label).text == "A\u{1B}[0m")
    }

    /// Concurrent decodes share nothing mutable (one iconv descriptor per call).
    @Test func decodesConcurrently() async {
        let bytes: [UInt8] = [0x93, 0xFA, 0x96, 0x7B]
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask {
                    CharsetDecoder.decode(bytes, charset: index % 2 == 0 ? "shift_jis" : "cp932").text
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: "日本", count: 64))
    }

    /// Microsoft's Japanese extensions (CP50221 / EUC-JP-MS): NEC row 13 and half-width katakana.
    @Test(arguments: [
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x2D, 0x21, 0x2D, 0x6A, 0x46, 0x7C, 0x1B, 0x28, 0x42, 0x41], "①㈱日A"),
        ("iso-2022-jp", [0x1B, 0x28, 0x49, 0x36, 0x40, 0x1B, 0x28, 0x42], "ｶﾀ"),
        ("iso-2022-jp", [0x0E, 0x36, 0x40, 0x0F, 0x41, 0x1B, 0x24, 0x42, 0x2D, 0x21, 0x1B, 0x28, 0x42], "ｶﾀA①"),
        ("euc-jp", [0xAD, 0xA1, 0xAD, 0xEA, 0xC6, 0xFC], "①㈱日"),
    ] as [(String, [UInt8], String)])
    func readsMicrosoftJapanese(_ label: String, _ bytes: [UInt8], _ text: String) {
        let result = CharsetDecoder.decode(bytes, charset: label)
        #expect(result.text == text)
        #expect(result.defects.isEmpty)
    }

    @Test func longInputCrossesIconvChunks() {
        let unit: [UInt8] = [0x93, 0xFA, 0x96, 0x7B]  // 日本 in Shift_JIS
        let bytes = Array([[UInt8]](repeating: unit, count: 30000).joined())  // 180 KB of UTF-8 out
        let result = CharsetDecoder.decode(bytes, charset: "shift_jis")
        #expect(result.text == String(repeating: "日本", count: 30000))
    }
}
