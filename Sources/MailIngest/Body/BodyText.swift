/// The text of a body as lines, each marked when the MIME layer knows it is quoted history
/// (HTML blockquote, gmail_quote, Outlook's reply header block and what follows, Apple's type=cite, ...).
/// HTML bodies also mark the lines of signature blocks. Plain-text bodies come with every line unmarked; reply
/// extraction finds `>` quoting itself.
public struct BodyText: Sendable, Hashable {
    /// One line of text without its line break.
    public struct Line: Sendable, Hashable {
        public var text: String
        /// True when the markup said this line belongs to quoted history.
        public var quoted: Bool
        /// True when the markup said this line belongs to a signature block (Gmail's `gmail_signature`, Outlook's
        /// `#Signature`, Thunderbird's `moz-signature`, ...). The line is kept; reply extraction decides what to do.
        public var signature: Bool

        /// A line; `quoted` and `signature` default to false (plain text knows neither).
        public init(_ text: String, quoted: Bool = false, signature: Bool = false) {
            self.text = text
            self.quoted = quoted
            self.signature = signature
        }
    }

    public var lines: [Line]

    public init(lines: [Line]) { self.lines = lines }

    /// Splits plain text on CRLF, CR or LF; no line is marked quoted.
    public init(plain text: String) {
        var text = text
        // Over the UTF-8 bytes: line breaks are ASCII, so each cut falls on a character boundary.
        self.lines = text.withUTF8 { utf8 -> [Line] in
            var lines: [Line] = []
            let end = utf8.count
            var lineStart = 0
            var index = 0
            let base = utf8.baseAddress
            while index < end {
                // Eight bytes at a time to the next CR or LF (SWAR: the lowest flagged byte is exact).
                if index + 8 <= end, let base {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let breaks = Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | Self.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
                    if breaks == 0 {
                        index += 8
                        continue
                    }
                    index += breaks.trailingZeroBitCount / 8
                }
                let byte = utf8[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(Line(String(decoding: UnsafeBufferPointer(rebasing: utf8[lineStart..<index]), as: UTF8.self)))
                    index += byte == 0x0D && index + 1 < end && utf8[index + 1] == 0x0A ? 2 : 1
                    lineStart = index
                } else {
                    index += 1
                }
            }
            if lineStart != end || lines.isEmpty {
                lines.append(Line(String(decoding: UnsafeBufferPointer(rebasing: utf8[lineStart..<end]), as: UTF8.self)))
            }
            return lines
        }
    }

    /// 0x80 in the lowest zero byte of `word` (bytes above it may be flagged wrongly, never below).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// All lines joined with LF.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}
