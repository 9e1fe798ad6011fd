public import Foundation

extension MIMEPart {
    /// True for a `text/*` leaf.
    public var isText: Bool { contentType.type == "text" && data != nil }

    /// The leaf's text in UTF-8: charset decoded (replacement on bad bytes), format=flowed unwrapped (RFC 3676).
    /// Nil for containers. Defects carry this part's path.
    public func decodedText() -> (text: String, defects: [Defect])? {
        guard let data else { return nil }
        let (raw, codes) = CharsetDecoder.decode(data, charset: contentType.charset)
        var text = raw
        if contentType.type == "text", contentType.subtype == "plain", contentType.parameters["format"]?.lowercased() == "flowed" {
            text = FormatFlowed.unflow(text, delSp: contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return (text, codes.map { Defect($0, at: path) })
    }
}
