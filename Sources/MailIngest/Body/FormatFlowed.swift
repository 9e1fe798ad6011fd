/// Undoes `format=flowed` (RFC 3676 §4): soft line breaks are joined, space-stuffing is removed, quote depth is kept.
public enum FormatFlowed {
    /// Unflows `text` (lines split on CRLF, CR or LF; the result uses LF).
    ///
    /// - A line ending in a space is flowed (§4.2) and joins the next line of the same quote depth; with `delSp`
    ///   (§4.3, `DelSp=yes`) that trailing space is deleted when joining.
    /// - The quote depth is the number of leading `>` (§4.5); a flowed line followed by a line of another depth ends
    ///   its paragraph (§4.5 says such a line is treated as fixed).
    /// - One space after the quote marks (or at the start of an unquoted line) is stuffing and is removed (§4.4).
    /// - The signature separator `-- ` is never flowed (§4.3).
    /// Quoted paragraphs are written back as `>` repeated depth times, a space, then the text.
    public static func unflow(_ text: String, delSp: Bool) -> String {
        var output: [String] = []
        var paragraph: String?
        var paragraphDepth = 0

        func emit(_ content: String, depth: Int) {
            guard depth > 0 else { return output.append(content) }
            let marks = String(repeating: ">", count: depth)
            output.append(content.isEmpty ? marks : marks + " " + content)
        }

        for rawLine in BodyText(plain: text).lines.map(\.text) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            let isSignature = line == "-- "
            let isFlowed = !isSignature && line.last == " "

            if var open = paragraph {
                if depth == paragraphDepth && !isSignature {
                    open += line
                    paragraph = open
                } else {
                    // Depth changed (or a signature came): the open paragraph ends as it stands.
                    emit(open, depth: paragraphDepth)
                    paragraph = String(line)
                    paragraphDepth = depth
                }
            } else {
                paragraph = String(line)
                paragraphDepth = depth
            }
            if isFlowed {
                if delSp, var open = paragraph {
                    open.removeLast()
                    paragraph = open
                }
            } else if let open = paragraph {
                emit(open, depth: paragraphDepth)
                paragraph = nil
            }
        }
        if let open = paragraph { emit(open, depth: paragraphDepth) }
        return output.joined(separator: "\n")
    }
}
