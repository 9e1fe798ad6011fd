import Foundation
import Testing
@testable import MailIngest

/// Layout of HTML into lines: blocks, whitespace, lists, tables, pre, what is dropped.
@Suite struct HTMLTextTests {
    /// (html, expected lines as rendered by ``HTMLFixtures/render(_:)``: 3-character mark, then the text).
    static let layout: [(String, [String])] = [
        ("<p>a</p><p>b</p>", ["   a", "   ", "   b"]),
        ("<div>a<br>b</div><div><br></div><div>c</div>", ["   a", "   b", "   ", "   c"]),
        ("<div>Alex<br></div><div>next</div>", ["   Alex", "   next"]),
        ("text<br><br>more", ["   text", "   ", "   more"]),
        ("<p>  Hello \n\t  <b>big</b>   world  </p>", ["   Hello big world"]),
        ("<span>Pay</span><span>ment</span> <b>due</b>", ["   Payment due"]),
        ("a\r\nb\rc\nd", ["   a b c d"]),
        ("<div>a   </div>", ["   a"]),
        ("a&nbsp;&nbsp;b<p>&nbsp;</p>c", ["   a b", "   ", "   c"]),
        ("pay\u{200B}ment\u{00AD}s of 1\u{202F}250\u{00A0}€ \u{FEFF}ok\u{200E}", ["   payments of 1 250 € ok"]),
        ("a\u{2003}\u{2003}b\u{2028}c", ["   a b c"]),
        ("<p>a</p><br><br><br><p>b</p>", ["   a", "   ", "   b"]),
        ("<h1>Title</h1>text<h2>Sub</h2>", ["   Title", "   ", "   text", "   ", "   Sub"]),
        ("a<hr>b", ["   a", "   ________________________________", "   b"]),
        ("<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul>after",
         ["   - one", "   - two", "     - inner", "   ", "   after"]),
        ("<ol><li>x</li><li>y</li></ol><ol start=\"7\"><li>z</li></ol>", ["   1. x", "   2. y", "   ", "   7. z"]),
        // An item without text shows no marker: nothing to read.
        ("<li>stray</li><ul><li><p>para</p></li><li></li></ul>", ["   - stray", "   ", "   - para"]),
        ("Hi,<div>We paid.</div>Bye", ["   Hi,", "   We paid.", "   Bye"]),
        ("<ul><li></li></ul><div>text</div>", ["   text"]),
        ("<ol><li><ul><li>inner</li></ul></li><li>next</li></ol>", ["     - inner", "   2. next"]),
        ("<table><tr><th>Invoice</th><th>Amount</th></tr><tr><td>F-118</td><td>1 250,00</td></tr></table>",
         ["   Invoice\tAmount", "   F-118\t1 250,00"]),
        ("<table><tr><td></td><td>b</td><td></td></tr></table>", ["   b"]),
        ("<p>a</p><pre>\n  line 1\n\n    line  2  </pre><p>b</p>",
         ["   a", "   ", "     line 1", "   ", "       line  2", "   ", "   b"]),
        ("<pre>x&nbsp;y\r\nz</pre>", ["   x y", "   z"]),
        ("<div style=\"white-space: pre-wrap\">a\n  b</div>", ["   a", "     b"]),
        ("<p style=\"margin:0\">a</p><p style=\"margin-top:0;margin-bottom:0\">b</p><p>c</p>",
         ["   a", "   b", "   ", "   c"]),
        ("<p class=MsoNormal>a<o:p></o:p></p><p class=MsoNormal>b<o:p></o:p></p>", ["   a", "   b"]),
        ("<p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>"
            + "First<o:p></o:p></p>", ["   1. First"]),
        ("<!--[if gte mso 9]><xml><o:shapedefaults/></xml><![endif]-->kept<!--[if !mso]><!-->shown<!--<![endif]-->",
         ["   keptshown"]),
    ]

    @Test(arguments: layout)
    func laysOutBlocks(_ html: String, _ expected: [String]) {
        #expect(HTMLFixtures.render(HTMLText.convert(html)) == expected)
    }

    /// (html, the only text that must remain).
    static let dropped: [(String, String)] = [
        ("<head><title>T</title><style>p{}</style><meta charset=utf-8></head><body>visible</body>", "visible"),
        ("<script>document.write('x')</script><!-- note -->visible<template>t</template><noscript>n</noscript>",
         "visible"),
        ("<span style=\"display: none !important; mso-hide:all\">preheader</span>visible", "visible"),
        ("<div hidden>h</div><div style='visibility:hidden'>v</div><div style='DISPLAY : NONE'>d</div>visible",
         "visible"),
        ("<div style=\"mso-hide:all\">m</div>visible<div style=\"display:block\">!</div>", "visible\n!"),
        ("<img alt=\"Company logo\" src=\"cid:logo\">visible<svg><text>drawn</text></svg>", "visible"),
        ("<iframe src=x>frame</iframe><object>o</object><select><option>opt</option></select>visible", "visible"),
        ("<a href=\"https://pay.example/x?id=1\">pay here</a> or <a href=\"mailto:a@b.example\">a@b.example</a>",
         "pay here or a@b.example"),
        ("&lt;tag&gt; &amp; &eacute;t&eacute; &#8364; &#x20AC; &quot;q&quot; &apos;", "<tag> & été € € \"q\" '"),
    ]

    @Test(arguments: dropped)
    func dropsWhatIsNotShown(_ html: String, _ expected: String) {
        #expect(HTMLText.convert(html).text == expected)
    }

    @Test func readsUTF8WhateverTheMetaSays() {
        let html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>déjà payé</p>"
        #expect(HTMLText.convert(html).text == "déjà payé")
    }

    @Test func convertsBytesInTheirDeclaredCharset() {
        let utf8 = Data("<html><head><meta charset=\"utf-8\"></head><body>pay\u{E9}e</body></html>".utf8)
        #expect(HTMLText.convert(utf8, charset: "utf-8").text == "payée")
        #expect(HTMLText.convert(utf8, charset: nil).text == "payée")
        let latin1 = Data("<meta charset=iso-8859-1><p>r\u{E9}gl\u{E9}e</p>".unicodeScalars.map { UInt8($0.value) })
        #expect(HTMLText.convert(latin1, charset: nil).text == "réglée")
        #expect(HTMLText.convert(latin1, charset: "ISO-8859-1").text == "réglée")
    }

    /// (document start, declared charset).
    static let charsets: [(String, String?)] = [
        ("<meta charset=\"windows-1252\">", "windows-1252"),
        ("<META CHARSET=utf-8>", "utf-8"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">", "iso-8859-15"),
        ("<meta content='text/html;charset=KOI8-R' http-equiv='Content-Type'>", "KOI8-R"),
        ("<meta name=\"generator\" content=\"x\"><p>charset=utf-8</p>", nil),
        ("<p>no meta</p>", nil),
        (String(repeating: " ", count: 1_100) + "<meta charset=utf-8>", nil),
    ]

    @Test(arguments: charsets)
    func findsTheDeclaredCharset(_ html: String, _ expected: String?) {
        #expect(HTMLText.declaredCharset(in: Data(html.utf8)) == expected)
    }
}
