import Testing
@testable import MailIngest

/// The byte fixes applied before libxml2 parses: Office prefixes, bogus comments, text-first fragments.
@Suite struct HTMLSourceFixupsTests {
    private static func fixed(_ html: String) -> String {
        let bytes = Array(html.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: HTMLSourceFixups.applying(HTMLSourceFixups.edits(in: buffer), to: buffer), as: UTF8.self)
        }
    }

    private static func edits(_ html: String) -> [HTMLSourceFixups.Edit] {
        Array(html.utf8).withUnsafeBufferPointer { HTMLSourceFixups.edits(in: $0) }
    }

    /// (input, input after the fixes).
    static let cases: [(String, String)] = [
        ("<p>a<o:p></o:p></p>", "<p>a<o-p></o-p></p>"),
        ("<st1:place w:st=\"on\">Paris</st1:place>", "<st1-place w:st=\"on\">Paris</st1-place>"),
        ("<a href=\"mailto:x@y\">x</a> <span title='a:b'>", "<a href=\"mailto:x@y\">x</a> <span title='a:b'>"),
        ("<p><![if !supportLists]>1. <![endif]>First</p>", "<p>1. First</p>"),
        ("<p>x <!bogus> y</p>", "<p>x  y</p>"),
        ("<!DOCTYPE html><p>a</p>", "<!DOCTYPE html><p>a</p>"),
        ("<!--[if gte mso 9]><xml><o:shapedefaults/></xml><![endif]--><p>a</p>",
         "<!--[if gte mso 9]><xml><o:shapedefaults/></xml><![endif]--><p>a</p>"),
        ("<!--[if !mso]><!--><p>shown</p><!--<![endif]-->", "<!--[if !mso]><!--><p>shown</p><!--<![endif]-->"),
        ("<p>a</p><!unterminated", "<p>a</p>"),
        ("<p>a</p><!-- unterminated <o:p>", "<p>a</p><!-- unterminated <o:p>"),
        ("Hi,<div>x</div>", "<body>Hi,<div>x</div>"),
        ("\n  Hi", "<body>\n  Hi"),
        ("  <div>x</div>", "  <div>x</div>"),
        ("<p title=\"a\u{0}b\">t\u{0}\u{0}</p>", "<p title=\"a b\">t  </p>"),
        ("<", "<"),
        ("", ""),
    ]

    @Test(arguments: cases)
    func fixes(_ html: String, _ expected: String) {
        #expect(Self.fixed(html) == expected)
    }

    @Test func plainDocumentsNeedNoCopy() {
        #expect(Self.edits("<html><body><div class=x>Paid <b>today</b></div></body></html>").isEmpty)
    }
}
