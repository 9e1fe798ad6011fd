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

    /// The layout of an element named `name` (ASCII, any case).
    init(name: UnsafeBufferPointer<UInt8>) {
        switch name.count {
        case 1...8:
            self = HTMLTag.table[HTMLTag.key(name)] ?? .inline
        case 9:
            self = HTMLBytes.equals(name, "plaintext") ? .preformatted : .inline
        case 10:
            if HTMLBytes.equals(name, "blockquote") {
                self = .blockquote
            } else {
                self = HTMLBytes.equals(name, "figcaption") ? .block : .inline
            }
        default:
            self = .inline
        }
    }

    /// Up to 8 lower-cased name bytes packed into an integer.
    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for byte in name { key = key << 8 | UInt64(HTMLBytes.lower(byte)) }
        return key
    }

    private static let table: [UInt64: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for name in ["div", "section", "article", "header", "footer", "nav", "aside", "main", "center", "form",
                     "fieldset", "legend", "address", "details", "summary", "caption", "html", "body",
                     "table", "tbody", "thead", "tfoot", "dd", "dt", "hgroup", "search", "dialog", "option"] {
            table[name] = .block
        }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6", "dl", "figure"] { table[name] = .paragraph }
        for name in ["pre", "listing", "xmp", "textarea"] { table[name] = .preformatted }
        for name in ["ul", "menu", "dir"] { table[name] = .unorderedList }
        for name in ["td", "th"] { table[name] = .tableCell }
        for name in ["script", "style", "head", "title", "template", "noscript", "iframe", "frame", "noframes",
                     "object", "embed", "applet", "param", "svg", "math", "canvas", "audio", "video", "source",
                     "track", "img", "picture", "map", "area", "select", "datalist", "input", "meta", "link", "base",
                     "xml"] {
            table[name] = .dropped
        }
        table["p"] = .p
        table["br"] = .lineBreak
        table["hr"] = .rule
        table["ol"] = .orderedList
        table["li"] = .listItem
        table["tr"] = .tableRow
        // Names longer than 8 bytes (blockquote, figcaption, plaintext) are matched in init.
        return Dictionary(uniqueKeysWithValues: table.map { name, tag in
            (Array(name.utf8).withUnsafeBufferPointer { key($0) }, tag)
        })
    }()
}
