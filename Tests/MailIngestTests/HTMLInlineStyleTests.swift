import Testing
@testable import MailIngest

@Suite struct HTMLInlineStyleTests {
    private static func style(_ css: String) -> HTMLInlineStyle {
        Array(css.utf8).withUnsafeBufferPointer { HTMLInlineStyle($0) }
    }

    @Test(arguments: ["display:none", "display: none !important", "DISPLAY : NONE", "color:red;display:none;",
                      "visibility:hidden", "mso-hide: all"])
    func hides(_ css: String) {
        #expect(Self.style(css).hidden)
    }

    @Test(arguments: ["display:block", "visibility:visible", "mso-hide:none", "font-family:display;color:none",
                      "x-display:none", ""])
    func shows(_ css: String) {
        #expect(!Self.style(css).hidden)
    }

    @Test(arguments: ["white-space:pre", "white-space: pre-wrap", "WHITE-SPACE:pre-line"])
    func preformats(_ css: String) {
        #expect(Self.style(css).preformatted)
    }

    /// (style, top margin zero, bottom margin zero).
    @Test(arguments: [
        ("margin:0", true as Bool?, true as Bool?),
        ("margin:0cm 0cm .0001pt", true, true),
        ("margin: 12px 0", false, false),
        ("margin:0 0 1em", true, false),
        ("margin-top:0;margin-bottom:0", true, true),
        ("margin:auto", false, false),
        ("color:red", nil, nil),
    ])
    func readsVerticalMargins(_ css: String, _ top: Bool?, _ bottom: Bool?) {
        let style = Self.style(css)
        #expect(style.marginTopZero == top)
        #expect(style.marginBottomZero == bottom)
    }

    @Test func readsOutlookBorders() {
        let header = Self.style("border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm")
        #expect(header.borderNone && header.borderTopSolid && !header.borderLeftSolid)
        let bar = Self.style("border:none;border-left:solid blue 1.5pt;padding:0in 0in 0in 4.0pt")
        #expect(bar.borderNone && bar.borderLeftSolid && !bar.borderTopSolid)
        let windows = Self.style("border-top-color: rgb(229, 229, 229); border-top-width: 1px; border-top-style: solid;")
        #expect(windows.borderTopStyleSolid && windows.borderTopColorLightGrey && !windows.borderNone)
    }
}
