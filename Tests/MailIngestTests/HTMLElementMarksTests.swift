import Testing
@testable import MailIngest

/// Each quote and signature marker on its own, as small documents (rendered: `>` quoted, `~` signature).
@Suite struct HTMLElementMarksTests {
    static let quoteMarkers: [(String, [String])] = [
        ("new<blockquote>old</blockquote>", ["   new", "   ", ">  old"]),
        ("new<blockquote type=\"cite\" style=\"border:none\">old</blockquote>", ["   new", "   ", ">  old"]),
        // Gmail's indent button: a blockquote that only indents.
        ("new<blockquote style=\"margin:0 0 0 40px;border:none;padding:0px\">indented</blockquote>",
         ["   new", "   ", "   indented"]),
        ("new<div class=\"gmail_quote\">On Mon wrote:<br>old</div>after", ["   new", ">  On Mon wrote:", ">  old", "   after"]),
        ("new<div class=\"gmail_quote gmail_quote_container\"><div class=\"gmail_attr\">On Mon wrote:</div></div>",
         ["   new", ">  On Mon wrote:"]),
        ("new<div class=\"x_gmail_quote\">old</div>", ["   new", ">  old"]),
        ("new<div class=\"ydp5f3e1c2byahoo_quoted\">old</div>", ["   new", ">  old"]),
        ("new<div id=\"yahoo_quoted_123\">old</div>", ["   new", ">  old"]),
        ("new<div class=\"moz-cite-prefix\">On Mon wrote:</div><blockquote type=cite>old</blockquote>",
         ["   new", ">  On Mon wrote:", ">  ", ">  old"]),
        ("new<div class=\"protonmail_quote\">old</div>", ["   new", ">  old"]),
        ("new<div name=\"quote\">old</div>", ["   new", ">  old"]),
        ("new<div style=\"border:none;border-left:solid blue 1.5pt;padding:0in 0in 0in 4.0pt\">old</div>after",
         ["   new", ">  old", "   after"]),
    ]

    /// Markers after which the whole rest of the document is quoted, even outside the marker's parent.
    static let restMarkers: [(String, [String])] = [
        ("<div>new</div><div><div id=\"divRplyFwdMsg\">From: x</div></div><div>old</div>",
         ["   new", ">  From: x", ">  old"]),
        ("<div>new</div><div id=\"x_divRplyFwdMsg\">From: x</div><p>old</p>", ["   new", ">  From: x", ">  ", ">  old"]),
        ("<div>new</div><div id=\"appendonsend\"></div><div>old</div>", ["   new", ">  old"]),
        // The rule Outlook writes right before its header belongs to the quote.
        ("<div>new</div><hr style=\"display:inline-block;width:98%\"><div id=\"divRplyFwdMsg\">From: x</div>",
         ["   new", ">  ________________________________", ">  From: x"]),
        ("<div>new</div><hr><p>text</p><div id=\"divRplyFwdMsg\">From: x</div>",
         ["   new", "   ________________________________", "   ", "   text", "   ", ">  From: x"]),
        ("<div>new</div><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
            + "From: x</div><div>old</div>", ["   new", ">  From: x", ">  old"]),
        ("<div>new</div><div style='BORDER-TOP: solid #B5C4DF 1pt; BORDER: none'>From: x</div>old",
         ["   new", ">  From: x", ">  old"]),
        ("<div>new</div><div class=\"OutlookMessageHeader\">-----Original Message-----</div><div>old</div>",
         ["   new", ">  -----Original Message-----", ">  old"]),
        ("<div>new<hr id=\"zwchr\">From: x</div><div>old</div>",
         ["   new", ">  ________________________________", ">  From: x", ">  old"]),
        ("<div>new<div><hr id=\"stopSpelling\">Date: x</div></div>old",
         ["   new", ">  ________________________________", ">  Date: x", ">  old"]),
        ("new<div style=\"padding-top: 5px; border-top-color: rgb(229, 229, 229); border-top-width: 1px; "
            + "border-top-style: solid;\">From: x</div>old", ["   new", ">  From: x", ">  old"]),
    ]

    /// Look-alikes that must not quote anything.
    static let notQuotes: [(String, [String])] = [
        ("<div>new</div><div style=\"border-top:solid #E1E1E1 1.0pt\">framed</div>after",
         ["   new", "   framed", "   after"]),
        ("<div>new</div><hr id=\"separator\"><div>after</div>",
         ["   new", "   ________________________________", "   after"]),
        ("<div>new</div><div id=\"stopSpelling\">not a rule</div>after", ["   new", "   not a rule", "   after"]),
        ("<div>new</div><div style=\"display:none\" id=\"divRplyFwdMsg\">hidden</div>after", ["   new", "   after"]),
        ("<div class=\"quote\">a</div><div class=\"gmail_default\">b</div>", ["   a", "   b"]),
    ]

    static let signatures: [(String, [String])] = [
        ("Paid.<div class=\"gmail_signature\" data-smartmail=\"gmail_signature\">Ann<br>ACME</div>",
         ["   Paid.", " ~ Ann", " ~ ACME"]),
        ("Paid.<div data-smartmail=\"gmail_signature\">Ann</div>", ["   Paid.", " ~ Ann"]),
        ("Paid.<div id=\"Signature\"><p>Ann</p></div>", ["   Paid.", "   ", " ~ Ann"]),
        ("Paid.<div id=\"x_Signature\">Ann</div>", ["   Paid.", " ~ Ann"]),
        ("Paid.<pre class=\"moz-signature\" cols=\"72\">-- \nAnn</pre>", ["   Paid.", "   ", " ~ --", " ~ Ann"]),
        ("Paid.<div id=\"AppleMailSignature\">Sent from my iPhone</div>", ["   Paid.", " ~ Sent from my iPhone"]),
        ("Paid.<div data-signatureblock=\"true\">Ann</div>", ["   Paid.", " ~ Ann"]),
        ("Paid.<div class=\"protonmail_signature_block\">Ann</div>", ["   Paid.", " ~ Ann"]),
        ("Paid.<blockquote><div class=\"gmail_signature\">Agent</div></blockquote>", ["   Paid.", "   ", ">~ Agent"]),
    ]

    @Test(arguments: quoteMarkers + restMarkers + notQuotes + signatures)
    func marksLines(_ html: String, _ expected: [String]) {
        #expect(HTMLFixtures.render(HTMLText.convert(html)) == expected)
    }

    @Test func blankLinesBetweenSectionsBelongToNeither() {
        let body = HTMLText.convert("<p>new</p><blockquote><p>a</p><p>b</p></blockquote>")
        #expect(HTMLFixtures.render(body) == ["   new", "   ", ">  a", ">  ", ">  b"])
    }
}
