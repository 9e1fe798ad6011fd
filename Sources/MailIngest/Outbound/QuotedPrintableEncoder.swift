/// Quoted-printable (RFC 2045 section 6.7) for outgoing text parts: line breaks become CRLF hard breaks, lines are cut
/// with soft breaks at 76 characters, `=` and bytes outside printable ASCII are `=XX`, and a space or tab before a
/// line end is encoded so that transports that trim trailing white space change nothing. A `.` or `From ` at the
/// start of a line is encoded too (SMTP dot lines, mbox `From ` lines).
enum QuotedPrintableEncoder {
    private static let hex = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let normalised = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            var column = 0
            for (index, byte) in bytes.enumerated() {
                let atEnd = index == bytes.count - 1
                let startsFrom = index == 0 && bytes.starts(with: Array("From ".utf8))
                let needs = byte == 61 || byte < 32 && byte != 9 || byte > 126 || (atEnd && (byte == 32 || byte == 9))
                    || (index == 0 && byte == 46) || startsFrom
                let piece: [UInt8] = needs ? [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]] : [byte]
                // Keep room for the soft break `=` within 76 columns.
                let limit = atEnd ? 76 : 75
                if column + piece.count > limit {
                    out += [61, 13, 10]
                    column = 0
                }
                out += piece
                column += piece.count
            }
            if lineIndex < lines.count - 1 || !line.isEmpty { out += [13, 10] }
        }
        return out
    }
}
