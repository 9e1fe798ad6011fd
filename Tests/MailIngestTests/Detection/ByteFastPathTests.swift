import Foundation
import Testing
@testable import MailIngest

/// The byte-level fast paths of detection and reply extraction give what the character-level rules give: each is
/// compared with the straightforward version (kept here or in the source as the reference) over crafted texts
/// (CR, CRLF, combining marks after line ends and spaces, non-ASCII lines, texts across the 1,500 / 4,000 / 8,000
/// character bounds) and over the text of every shared fixture.
@Suite struct ByteFastPathTests {
    /// Texts where bytes and characters part ways.
    static let crafted: [String] = {
        var texts = [
            "", "\n", "\n\n", "a", "a\n", "Thanks.\n\nOn Tue, Dec 1, 2026, Ann wrote:\n> quoted",
            "Out of office\n> old", "  > spaced quote", " \u{301}> combining after a space\nnext",
            "é\n> x", "Gruß\nVon: Anna\nBetreff: x", "line\r\nwith CRLF\r\n> quote", "lone\rCR\n> q",
            "\n\u{301}after LF", "x\u{301}\n>y", "Fwd:\nFrom: a@b.c", "\t\t\n\t>", "----- Original Message -----\nx",
            "差出人: 山田\n本文", "ends with colon:\nmore", "İstanbul\n>", "   \n   \n> x",
        ]
        let ascii = String(repeating: "We will pay the invoice next week, thanks. ", count: 40)
        let accented = String(repeating: "Nous réglerons la facture la semaine prochaine, merci. ", count: 40)
        for long in [ascii, accented] {
            texts.append(long)  // one line over every bound
            texts.append(String(repeating: String(long.prefix(90)) + "\n", count: 120))  // many lines over 8,000 characters
            texts.append(String(repeating: "\n", count: 7990) + long)  // the 8,000th character inside a line
            texts.append(String(repeating: "\n", count: 7999) + "ab\ncd")
            texts.append(String(repeating: "x", count: 1499) + "e\u{301}tail")  // a character across byte 1,500
            texts.append(String(repeating: "x", count: 1500) + "\u{301}")
            texts.append(String(repeating: "y", count: 7999) + "\r\n" + long)
        }
        return texts
    }()

    /// The text of every fixture file, as the detectors would see it (LF line ends) and as given.
    static let fixtureTexts: [String] = {
        let files = MIMETestSupport.allFiles(under: MIMETestSupport.fixtures)
        return files.compactMap { url -> [String]? in
            guard let data = try? Data(contentsOf: url), data.count < 400_000 else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            return [text, ReportText.lf(text)]
        }.flatMap { $0 }
    }()

    @Test func fixturesAreThere() {
        #expect(Self.fixtureTexts.count > 200, "no fixtures under \(MIMETestSupport.fixtures.path)")
    }

    @Test(arguments: crafted)
    func ownTextMatchesTheCharacterRule(_ text: String) {
        #expect(AutoReplyDetector.ownText(text) == AutoReplyDetector.ownTextByCharacters(text))
    }

    @Test func ownTextMatchesTheCharacterRuleOnFixtures() {
        for text in Self.fixtureTexts {
            #expect(AutoReplyDetector.ownText(text) == AutoReplyDetector.ownTextByCharacters(text))
        }
    }

    @Test(arguments: crafted)
    func characterPrefixIsPrefix(_ text: String) {
        for count in [0, 1, 2, 1500, 4000, 8000] {
            #expect(CharacterPrefix.string(text, characters: count) == String(text.prefix(count)))
        }
    }

    @Test func splitReturnedCopyMatchesTheLineRule() {
        let markers = ["------ Original message ------", "Below this line is a copy of the message.", "元のメッセージ",
                       "-- original message --", "Original-Message: x", "message headers follow"]
        var texts = Self.crafted + Self.fixtureTexts.map(ReportText.lf)
        for marker in markers { texts += ["Failed.\n\(marker)\nTo: x", "\(marker)", "a\n\n\(marker)\n", "x\(marker)"] }
        for text in texts {
            let fast = ReportText.splitReturnedCopy(text)
            let reference = Self.splitReturnedCopyReference(text)
            #expect(fast.0 == reference.0 && fast.1 == reference.1)
        }
    }

    @Test func markerWordTestMatchesTheWordRule() {
        var lines: [String] = []
        // Each word (and near misses) at every offset of lines around the 16-byte blocks, in mixed case.
        for word in ["message", "MESSAGE", "Original", "origin", "header", "HEADERS", "copy", "cOpY", "messy", "origami",
                     "headed", "cop", "mess", "orig", "head", "@EADER", "HEAD\u{7F}R"] {
            for offset in 0..<40 {
                for tail in [0, 1, 2, 5, 20] {
                    lines.append(String(repeating: "x", count: offset) + word + String(repeating: "-", count: tail))
                }
            }
        }
        for text in Self.fixtureTexts { lines += text.split(separator: "\n").prefix(300).map(String.init) }
        for line in lines {
            let fast = Array(line.utf8).withUnsafeBufferPointer(ReportText.mayHoldMarkerWord)
            let reference = line.utf8.contains { $0 >= 0x80 }
                || ReportText.markerWords.contains { ASCIIFold.contains(Substring(line), $0) }
            #expect(fast == reference, "\(line)")
        }
    }

    @Test func quoteDepthMatchesTheScalarRule() {
        var lines = ["", ">", "> > x", ">>|x", "| a | b |", "|", "||", "| ", "|>", "  >  > x", "\t>", "＞ 全角", "> \u{A0}> x",
                     ">|é", "|é", String(repeating: ">", count: 70), String(repeating: " ", count: 63) + "|",
                     String(repeating: " ", count: 63) + "|x", String(repeating: " ", count: 62) + "|é",
                     String(repeating: "> ", count: 40) + "x"]
        for text in Self.fixtureTexts { lines += text.split(separator: "\n").prefix(200).map(String.init) }
        for line in lines {
            #expect(ReplyLine.depth(of: line) == ReplyLine.scalarDepth(of: line), "\(Array(line.unicodeScalars.prefix(8)))")
        }
    }

    // MARK: - References: the rules as written before the byte paths

    static func splitReturnedCopyReference(_ text: String) -> (String, String?) {
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        where bytes.count < 160 {
            let line = Substring(bytes)
            let passes = Array(line.utf8).withUnsafeBufferPointer {
                ReportText.mayBeMarker($0) && (line.utf8.contains { $0 >= 0x80 }
                    || ReportText.markerWords.contains { word in ASCIIFold.contains(line, word) })
            }
            guard passes else { continue }
            let lower = PhraseText(String(line))
            guard !lower.bytes.isEmpty else { continue }
            if ReportText.copyMarkerList.matchesAny(lower) || ReportText.bareMarkers.contains(ReportText.bareMarker(lower.bytes)) {
                return (String(text[..<line.startIndex]), String(text[line.endIndex...]))
            }
        }
        return (text, nil)
    }
}
