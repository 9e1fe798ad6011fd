/// Lays text out into lines the way a browser lays out blocks, working on UTF-8 bytes.
///
/// Outside preformatted text, runs of whitespace collapse to one space and whitespace at a line start is dropped
/// (CSS `white-space: normal`); inside it, text is kept verbatim and every LF ends a line. Non-breaking and other
/// Unicode spaces count as spaces; invisible format characters (zero-width space, LRM/RLM, BOM, soft hyphen) are
/// dropped. Trailing spaces are trimmed and at most one blank line is kept in a row.
struct HTMLLineBuilder {
    /// Flags given to lines started from now on.
    var quoted = false
    var signature = false
    /// True inside `pre` or `white-space: pre*`.
    var preformatted = false

    private var lines: [BodyText.Line] = []
    private var line: [UInt8] = []
    private var lineStarted = false
    private var lineQuoted = false
    private var lineSignature = false
    private var pendingSpace = false
    private var pendingBlank = false
    private var pendingPrefix: [UInt8] = []

    /// Appends a text node's bytes.
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        if preformatted { appendPreformatted(text) } else { appendFlowing(text) }
    }

    /// Appends bytes verbatim (a cell separator, a rule), starting the line if needed.
    mutating func appendLiteral(_ bytes: StaticString) {
        startLine()
        pendingSpace = false
        bytes.withUTF8Buffer { line.append(contentsOf: $0) }
    }

    /// The line written for `<hr>`: what Outlook writes for that rule in the text/plain alternative of a message.
    static let rule: StaticString = "________________________________"

    /// Writes the `<hr>` line on its own.
    mutating func appendRule() {
        softBreak()
        appendLiteral(Self.rule)
        softBreak()
    }

    /// Marks a rule line just written as quoted: Outlook puts an `<hr>` right before its reply header.
    mutating func quotePrecedingRule() {
        guard !lineStarted, let last = lines.indices.last else { return }
        let rule = UnsafeBufferPointer(start: Self.rule.utf8Start, count: Self.rule.utf8CodeUnitCount)
        if lines[last].text.utf8.elementsEqual(rule) { lines[last].quoted = true }
    }

    /// A table cell: a tab after the previous cell's text on the same line.
    mutating func separateCell() {
        if lineStarted { appendLiteral("\t") }
    }

    /// A block boundary: ends the current line if it has content.
    mutating func softBreak() {
        if lineStarted { flush() }
        pendingSpace = false
    }

    /// `<br>`: ends the current line, emitting an empty one if nothing was written.
    mutating func hardBreak() {
        startLine()
        flush()
    }

    /// A block with vertical margins (a paragraph, a heading): ends the line and asks for a blank line before more
    /// text.
    mutating func paragraphBreak() {
        softBreak()
        if !lines.isEmpty { pendingBlank = true }
    }

    /// Text written at the start of the next line, such as a list marker.
    mutating func setPrefix(_ prefix: String) {
        pendingPrefix = Array(prefix.utf8)
    }

    /// Forgets a prefix no text used (an empty list item), so it does not land on the next block.
    mutating func clearPrefix() {
        pendingPrefix.removeAll()
    }

    /// The finished lines: at most one blank line in a row, none at either end.
    mutating func finish() -> [BodyText.Line] {
        softBreak()
        var result: [BodyText.Line] = []
        result.reserveCapacity(lines.count)
        for next in lines {
            if next.text.isEmpty && (result.last?.text.isEmpty ?? true) { continue }
            result.append(next)
        }
        if result.last?.text.isEmpty == true { result.removeLast() }
        // A blank line belongs to a quoted or signature section only when the lines on both sides do.
        for index in result.indices where result[index].text.isEmpty {
            let before = result[index - 1]
            let after = result[index + 1]
            result[index].quoted = before.quoted && after.quoted
            result[index].signature = before.signature && after.signature
        }
        return result
    }

    private mutating func startLine() {
        guard !lineStarted else { return }
        if pendingBlank {
            if let last = lines.last, !last.text.isEmpty { lines.append(BodyText.Line("")) }
            pendingBlank = false
        }
        lineStarted = true
        lineQuoted = quoted
        lineSignature = signature
        pendingSpace = false
        if !pendingPrefix.isEmpty {
            line.append(contentsOf: pendingPrefix)
            pendingPrefix.removeAll()
        }
    }

    private mutating func flush() {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        // Blank lines collapse as they come, so a run of 100,000 `<br>` costs one line.
        if end > 0 || lines.last.map({ !$0.text.isEmpty }) == true {
            let text = String(decoding: line[0..<end], as: UTF8.self)
            lines.append(BodyText.Line(text, quoted: lineQuoted, signature: lineSignature))
        }
        line.removeAll(keepingCapacity: true)
        lineStarted = false
        pendingSpace = false
    }

    private mutating func appendFlowing(_ text: UnsafeBufferPointer<UInt8>) {
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            if byte <= 0x20 {
                if lineStarted { pendingSpace = true }
                index += 1
                continue
            }
            if byte >= 0xC2, let special = HTMLSpecialScalar(text, at: index) {
                switch special.kind {
                case .space:
                    if lineStarted { pendingSpace = true }
                case .nonBreakingSpace:
                    // Not collapsible in a browser: a paragraph holding only `&nbsp;` shows as a blank line.
                    if lineStarted { pendingSpace = true } else { startLine() }
                case .invisible:
                    break
                }
                index += special.length
                continue
            }
            var end = index + 1
            while end < count {
                let next = text[end]
                if next <= 0x20 || next == 0xC2 || next == 0xCD || next == 0xE2 || next == 0xEF { break }
                end += 1
            }
            startLine()
            if pendingSpace {
                line.append(0x20)
                pendingSpace = false
            }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
            index = end
        }
    }

    private mutating func appendPreformatted(_ text: UnsafeBufferPointer<UInt8>) {
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            if byte == 0x0A {
                hardBreak()
                index += 1
                continue
            }
            if byte == 0x0D {
                if index + 1 < count, text[index + 1] == 0x0A { index += 1 }
                hardBreak()
                index += 1
                continue
            }
            if byte >= 0xC2, let special = HTMLSpecialScalar(text, at: index) {
                if special.kind != .invisible {
                    startLine()
                    line.append(0x20)
                }
                index += special.length
                continue
            }
            var end = index + 1
            while end < count {
                let next = text[end]
                if next == 0x0A || next == 0x0D || next == 0xC2 || next == 0xCD || next == 0xE2 || next == 0xEF {
                    break
                }
                end += 1
            }
            startLine()
            line.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
            index = end
        }
    }
}
