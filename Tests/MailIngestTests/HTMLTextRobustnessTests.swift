import Foundation
import Testing
@testable import MailIngest

/// Malformed, truncated, enormous and deeply nested HTML: no crash, nothing lost after the deep part, linear time.
/// Serialized so the timings do not compete with each other.
@Suite(.serialized) struct HTMLTextRobustnessTests {
    /// The product's bound for several megabytes is "well under a second" in an optimised build (about 0.3 s for
    /// 5 MB there, most of it in libxml2); unoptimised Swift is several times slower.
    #if DEBUG
    static let megabytesLimit = 3.0
    #else
    static let megabytesLimit = 1.0
    #endif

    /// CPU time of this thread spent in `work`: other processes on the shared cores do not count.
    private static func seconds(_ work: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        work()
        return now() - start
    }

    @Test func fiveMegabytesOfParagraphsFinishQuickly() {
        let paragraph = "<p class=MsoNormal>Invoice <b>F-118</b> &amp; <a href=\"https://x.example\">F-119</a>"
            + "&nbsp;are paid.<o:p></o:p></p>\n"
        let html = "<html><body>" + String(repeating: paragraph, count: 5_000_000 / paragraph.utf8.count) + "</body></html>"
        var body = BodyText(lines: [])
        let elapsed = Self.seconds { body = HTMLText.convert(html) }
        #expect(body.lines.count == 5_000_000 / paragraph.utf8.count)
        #expect(body.lines.first?.text == "Invoice F-118 & F-119 are paid.")
        #expect(elapsed < Self.megabytesLimit, "took \(elapsed) s")
    }

    @Test func fiveMegabytesInOneTextNodeFinishQuickly() {
        let html = "<div>" + String(repeating: "word  \n ", count: 625_000) + "</div><pre>a\n  b</pre>"
        var body = BodyText(lines: [])
        let elapsed = Self.seconds { body = HTMLText.convert(html) }
        #expect(body.lines.count == 4)
        #expect(body.lines[0].text.utf8.count == 625_000 * 5 - 1)
        #expect(body.lines.suffix(2).map(\.text) == ["a", "  b"])
        #expect(elapsed < Self.megabytesLimit, "took \(elapsed) s")
    }

    @Test(arguments: ["div", "blockquote", "span", "li", "table><tr><td"])
    func tenThousandDeepNestingKeepsWhatFollows(_ element: String) {
        let close = element.split(separator: ">").reversed().map { "</\($0.split(separator: "<").last ?? "")>" }.joined()
        let html = "<body><p>before</p>" + String(repeating: "<\(element)>", count: 10_000) + "deep"
            + String(repeating: close, count: 10_000) + "<p>after</p></body>"
        var body = BodyText(lines: [])
        let elapsed = Self.seconds { body = HTMLText.convert(html) }
        let texts = body.lines.map(\.text).filter { !$0.isEmpty }
        #expect(texts.first == "before")
        #expect(texts.contains { $0.hasSuffix("deep") })
        #expect(texts.last == "after")
        #expect(elapsed < 1.0, "took \(elapsed) s")
    }

    /// Ten times the input takes about ten times as long (a quadratic step would make it a hundred).
    @Test func timeGrowsLinearly() {
        let unit = "<div class=\"gmail_quote\"><blockquote type=\"cite\"><table><tr><td>F-1</td><td>10</td></tr>"
            + "</table><ul><li>a<li>b</ul><p class=MsoNormal><span style='color:red;display:inline'>x</span>"
            + "<o:p>&nbsp;</o:p></p><font><b>unclosed <i>inline\n"
        let small = String(repeating: unit, count: 2_000)
        let large = String(repeating: unit, count: 20_000)
        var smallBest = Double.infinity
        for _ in 0..<3 { smallBest = min(smallBest, Self.seconds { _ = HTMLText.convert(small) }) }
        let largeTime = Self.seconds { _ = HTMLText.convert(large) }
        #expect(largeTime / smallBest < 40, "\(smallBest) s then \(largeTime) s")
    }

    @Test func unclosedDeepNestingFinishesQuickly() {
        let html = String(repeating: "<div><font><b>", count: 30_000) + "end"
        var body = BodyText(lines: [])
        let elapsed = Self.seconds { body = HTMLText.convert(html) }
        #expect(body.lines.map(\.text) == ["end"])
        #expect(elapsed < 1.0, "took \(elapsed) s")
    }

    @Test func enormousAttributesStayLinear() {
        let classes = String(repeating: "gmail_quot yahoo_quote signatur ", count: 100_000)
        let styles = String(repeating: "border-top: solid 1px; margin: 0 0 0 0; display : block;", count: 60_000)
        let html = "<div class=\"\(classes)\" style=\"\(styles)\" id=\"\(classes)\">kept</div>"
        var body = BodyText(lines: [])
        let elapsed = Self.seconds { body = HTMLText.convert(html) }
        #expect(body.lines.map(\.text) == ["kept"])
        #expect(body.lines.allSatisfy { !$0.quoted && !$0.signature })
        #expect(elapsed < Self.megabytesLimit, "took \(elapsed) s")
    }

    @Test func runsOfBreaksCollapse() {
        let html = "a" + String(repeating: "<br>", count: 200_000) + "b" + String(repeating: "<p></p>", count: 100_000)
        #expect(HTMLText.convert(html).lines.map(\.text) == ["a", "", "b"])
    }

    @Test func manyBlockquotesQuoteEverythingInside() {
        let html = "new" + String(repeating: "<blockquote>", count: 5_000) + "old"
        let body = HTMLText.convert(html)
        #expect(body.lines.map(\.text) == ["new", "", "old"])
        #expect(body.lines.map(\.quoted) == [false, false, true])
    }

    /// Malformed markup and what a recovering parser makes of it (the text, lines joined with LF).
    @Test(arguments: [
        ("<div><p>Paid on <b>Friday", "Paid on Friday"),
        ("<div class=\"gmail_quote\"><blockquote", ""),
        ("<table><tr><td>a<td>b</tr></table></td></p></div>", "a\tb"),
        ("</div></div></p>text</span>", "text"),
        ("<p <p <p>text", "text"),
        ("<!-- unterminated comment text", ""),
        ("<script>var a = '</div>';", ""),
        ("<a href=\"https://x.example/\"", ""),
        ("<![CDATA[ x ]]><?php echo 1; ?>after", "after"),
        // libxml2 drops a "<" that starts no tag and the control characters (a browser would show "<").
        ("<\u{1}div>\u{1}\u{8}text\u{FFFD}", "div>text\u{FFFD}"),
        // libxml2 decodes only terminated references; a browser would also read the final "&amp" as "&".
        ("&#0;a &#x110000;b &#xD800;c &bogus; &amp", "a b c &bogus; &amp"),
        ("<svg><text>drawn</text></svg><math><mi>x</mi></math>end", "end"),
        // A NUL would make libxml2 drop the rest of the document.
        ("<div>x</div>\u{0}<div>after</div>", "x\nafter"),
        ("<p title=\"a\u{0}b\">t\u{0}u</p>more", "t u\n\nmore"),
    ])
    func malformedInputGivesText(_ html: String, _ expected: String) {
        let body = HTMLText.convert(html)
        #expect(body.text == expected)
        #expect(body.lines.allSatisfy { !$0.text.hasSuffix(" ") && !$0.quoted })
    }

    @Test func emptyAndTextlessInputsGiveNoLines() {
        #expect(HTMLText.convert("").lines.isEmpty)
        #expect(HTMLText.convert("<html><head><title>t</title></head><body><img src=x></body></html>").lines.isEmpty)
        #expect(HTMLText.convert("   \n\t ").lines.isEmpty)
    }

    @Test func invalidUTF8InsideTheStringIsRepaired() {
        let bytes: [UInt8] = Array("<p>caf".utf8) + [0xE9] + Array(" ok</p>".utf8)
        let body = HTMLText.convert(String(decoding: bytes, as: UTF8.self))
        #expect(body.lines.map(\.text) == ["caf\u{FFFD} ok"])
    }

    @Test func convertsConcurrently() async {
        let html = "<div>Paid</div><blockquote>Reminder</blockquote>"
        let results = await withTaskGroup(of: BodyText.self) { group in
            for _ in 0..<8 { group.addTask { HTMLText.convert(html) } }
            var all: [BodyText] = []
            for await body in group { all.append(body) }
            return all
        }
        #expect(results.count == 8)
        #expect(Set(results).count == 1)
        #expect(results.first?.lines.map(\.text) == ["Paid", "", "Reminder"])
    }
}
