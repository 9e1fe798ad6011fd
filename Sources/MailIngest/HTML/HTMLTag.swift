/// How an element's name shapes the text layout (HTML Living Standard, "Rendering": default display of elements).
enum HTMLTag: Sendable {
    /// Text flows through (`span`, `a`, `b`, `font`, Outlook's `o:p`, unknown elements).
    case inline
    /// Starts and ends a line (`div`, `table`, `section`, ...).
    case block
    /// A block with vertical margins: a blank line before and after (`h1`-`h6`, `dl`, `figure`).
    case paragraph
    /// `p`: a paragraph unless its margins are zero (Outlook's `MsoNormal`, inline `margin:0`).
    case p
    case blockquote
    case preformatted
    case lineBreak
    case rule
    case unorderedList
    case orderedList
    case listItem
    case tableRow
    case tableCell
    /// Never shown: dropped with everything inside.
    case dropped

    /// The layout of an element named `name` (libxml2 gives HTML names in lower case).
    init(name: String) {
        self = HTMLTag.table[name] ?? HTMLTag.table[name.lowercased()] ?? .inline
    }

    private static let table: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for name in ["div", "section", "article", "header", "footer", "nav", "aside", "main", "center", "form",
                     "fieldset", "legend", "address", "details", "summary", "figcaption", "caption", "html", "body",
                     "table", "tbody", "thead", "tfoot", "dd", "dt", "hgroup", "search", "dialog", "option"] {
            table[name] = .block
        }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6", "dl", "figure"] { table[name] = .paragraph }
        for name in ["pre", "listing", "xmp", "plaintext", "textarea"] { table[name] = .preformatted }
        for name in ["ul", "menu", "dir"] { table[name] = .unorderedList }
        for name in ["td", "th"] { table[name] = .tableCell }
        for name in ["script", "style", "head", "title", "template", "noscript", "iframe", "frame", "noframes",
                     "object", "embed", "applet", "param", "svg", "math", "canvas", "audio", "video", "source",
                     "track", "img", "picture", "map", "area", "select", "datalist", "input", "meta", "link", "base",
                     "xml"] {
            table[name] = .dropped
        }
        table["p"] = .p
        table["blockquote"] = .blockquote
        table["br"] = .lineBreak
        table["hr"] = .rule
        table["ol"] = .orderedList
        table["li"] = .listItem
        table["tr"] = .tableRow
        return table
    }()
}
