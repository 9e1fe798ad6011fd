import Testing
@testable import MailIngest
import Foundation

/// The byte-level helpers of ReportText: HTML tag stripping and the returned-copy split.
@Suite struct ReportTextTests {
    static let stripCases: [(String, String)] = [
        ("<p>Hello</p><div>World</div>", "\nHello\n\nWorld\n"),
        ("a<BR/>b<br />c< / TD >d", "a\nb\nc\nd"),
        ("<span class=\"x\">x</span><table border=1>y", "x\ny"),
        ("R&amp;D &lt;a@b.c&gt; &quot;q&quot; it&#39;s&nbsp;ok &amp;lt;", "R&D <a@b.c> \"q\" it's ok &lt;"),
        ("&l<b>t;split&amp", "<split&amp"),
        ("Grüße <b>aus</b> Köln <unclosed", "Grüße aus Köln "),
        ("<pre>x</pre><h3>T</h3><li>i", "x\nT\n\ni"),
    ]

    @Test(arguments: stripCases)
    func stripTagsKeepsTextAndMarksBlocks(_ html: String, _ expected: String) {
        #expect(ReportText.stripTags(html) == expected)
    }

    @Test func bareMarkerTrimsSeparatorsAtBothEnds() {
        #expect(ReportText.bareMarker(Array("-- original message: ==".utf8)) == "original message")
        #expect(ReportText.bareMarker(Array("|*#\t".utf8)) == "")
        #expect(ReportText.bareMarker(Array("元のメッセージ".utf8)) == "元のメッセージ")
    }

    @Test func splitsAtTheFirstMarkerLine() {
        let (head, copy) = ReportText.splitReturnedCopy("Delivery failed.\n------ Original message ------\nTo: x")
        #expect(head == "Delivery failed.\n")
        #expect(copy == "\nTo: x")
        #expect(ReportText.splitReturnedCopy("No marker here.").1 == nil)
    }

    /// Line-end texts, with the combining-mark cases Foundation's canonical comparison treats specially
    /// (a CR before a combining mark stays, a CRLF before one becomes two LFs).
    static let lineEndCases: [String] = [
        "", "plain", "a\r\nb", "a\rb", "a\r\n\r\nb", "\r\r\n", "\r", "\r\n", "x\n\ry",
        "Grüße\r\nKöln\r", "a\r\u{301}b", "a\r\n\u{301}b", "a\n\r\u{301}b", "a\r\u{200D}b", "\u{301}\r\nx",
        "a\r\né", "é\r\n", "日本\r\n語\r",
        // Converted line ends before the one that sends the text to Foundation (the one-pass copy is dropped).
        "x\r\ny\r\né", "x\ry\r\u{301}", "a\r\nb\rc\r\n\r\n日本",
    ]

    @Test(arguments: lineEndCases)
    func lineEndsGiveWhatFoundationGives(_ text: String) {
        let foundation = text.contains("\r")
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        #expect(Array(ReportText.lf(text).utf8) == Array(foundation.utf8))
    }
}
