public import Foundation

/// Converts an HTML body to ``BodyText`` through libxml2's HTML parser.
///
/// Block structure becomes line breaks (`p`, `div`, `br`, `li` with a `- ` or `1. ` marker, table rows with cells
/// separated by a tab, headings, `hr` as a line of underscores, `pre` verbatim); inline whitespace collapses as in a
/// browser; scripts, styles, the head, comments, images and hidden elements (`display:none`, `hidden`) are dropped;
/// links keep their text only. Lines inside quoted history (`blockquote`, `gmail_quote`, Outlook's reply header and
/// everything after it, Yahoo, Thunderbird, Zimbra, Hotmail, ProtonMail markers) are marked `quoted`, lines inside
/// signature blocks `signature`.
public enum HTMLText {
    /// Converts `html`, read as UTF-8 whatever its `<meta charset>` says (the MIME layer already decoded it).
    /// Malformed or truncated markup is repaired the way libxml2's recovering parser does; an input without text gives
    /// no lines. Time is linear in the input and nesting depth is unbounded (the walk does not recurse).
    public static func convert(_ html: String) -> BodyText {
        var html = html
        let lines = html.withUTF8 { HTMLDocumentWalker.lines(ofHTML: $0) }
        return BodyText(lines: lines)
    }

    /// Converts an HTML body given as bytes: decoded with `charset` (from the MIME `Content-Type`) or else the
    /// charset its `<meta>` declares, through ``CharsetDecoder``, then converted as a string.
    public static func convert(_ data: Data, charset: String?) -> BodyText {
        let declared = charset ?? declaredCharset(in: data)
        return convert(CharsetDecoder.decode(data, charset: declared).text)
    }

    /// The charset a `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">` declares
    /// in the first 1024 bytes (HTML Living Standard 13.2.3.2, "prescan a byte stream"), or nil.
    public static func declaredCharset(in data: Data) -> String? {
        HTMLCharsetPrescan.charset(in: Array(data.prefix(1024)))
    }
}
