/// What an inline `style` attribute says that matters to text: hidden, preformatted, paragraph margins, and the
/// borders mail clients draw around quoted history (CSS 2.1 declarations `property: value`, separated by `;`).
struct HTMLInlineStyle {
    /// `display:none`, `visibility:hidden` or Outlook's `mso-hide:all`.
    var hidden = false
    /// `white-space: pre`, `pre-wrap` or `pre-line`.
    var preformatted = false
    /// `border:none`.
    var borderNone = false
    var borderTopSolid = false
    var borderLeftSolid = false
    /// Mail for Windows' header block: `border-top-style: solid` with a `rgb(229, 229, 229)` top colour.
    var borderTopStyleSolid = false
    var borderTopColorLightGrey = false
    /// Known margins (true when the margin is zero), nil when the style does not set them.
    var marginTopZero: Bool?
    var marginBottomZero: Bool?

    init(_ style: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < style.count {
            var end = start
            while end < style.count, style[end] != 0x3B { end += 1 }
            read(declaration: UnsafeBufferPointer(rebasing: style[start..<end]))
            start = end + 1
        }
    }

    private mutating func read(declaration: UnsafeBufferPointer<UInt8>) {
        guard let colon = declaration.firstIndex(of: 0x3A) else { return }
        let property = HTMLBytes.trimmed(UnsafeBufferPointer(rebasing: declaration[..<colon]))
        let value = HTMLBytes.trimmed(UnsafeBufferPointer(rebasing: declaration[(colon + 1)...]))
        guard let first = property.first else { return }
        switch HTMLBytes.lower(first) {
        case 0x64 where HTMLBytes.equals(property, "display"):
            if HTMLBytes.hasPrefix(value, "none") { hidden = true }
        case 0x76 where HTMLBytes.equals(property, "visibility"):
            if HTMLBytes.hasPrefix(value, "hidden") { hidden = true }
        case 0x6D where HTMLBytes.equals(property, "mso-hide"):
            if HTMLBytes.hasPrefix(value, "all") { hidden = true }
        case 0x77 where HTMLBytes.equals(property, "white-space"):
            if HTMLBytes.hasPrefix(value, "pre") { preformatted = true }
        case 0x62:
            readBorder(property, value)
        case 0x6D:
            readMargin(property, value)
        default:
            break
        }
    }

    private mutating func readBorder(_ property: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) {
        if HTMLBytes.equals(property, "border") {
            if HTMLBytes.hasPrefix(value, "none") { borderNone = true }
        } else if HTMLBytes.equals(property, "border-top") {
            if HTMLBytes.contains(value, "solid") { borderTopSolid = true }
        } else if HTMLBytes.equals(property, "border-left") {
            if HTMLBytes.contains(value, "solid") { borderLeftSolid = true }
        } else if HTMLBytes.equals(property, "border-top-style") {
            if HTMLBytes.hasPrefix(value, "solid") { borderTopStyleSolid = true }
        } else if HTMLBytes.equals(property, "border-top-color") {
            if HTMLBytes.hasPrefix(value, "rgb(229") || HTMLBytes.hasPrefix(value, "#e5e5e5") {
                borderTopColorLightGrey = true
            }
        }
    }

    private mutating func readMargin(_ property: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) {
        if HTMLBytes.equals(property, "margin") {
            // 1 to 4 values: top [right [bottom [left]]]; bottom is the first value when fewer than 3 are given.
            let values = Self.lengths(value)
            guard let top = values.first else { return }
            marginTopZero = top
            marginBottomZero = values.count >= 3 ? values[2] : top
        } else if HTMLBytes.equals(property, "margin-top") {
            marginTopZero = Self.lengths(value).first
        } else if HTMLBytes.equals(property, "margin-bottom") {
            marginBottomZero = Self.lengths(value).first
        }
    }

    /// For each whitespace-separated length, whether it is (about) zero: below one unit, as Outlook's `.0001pt`.
    private static func lengths(_ value: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var result: [Bool] = []
        var index = 0
        while index < value.count, result.count < 4 {
            while index < value.count, HTMLBytes.isSpace(value[index]) { index += 1 }
            guard index < value.count else { break }
            var integerPart = 0
            var sawDigit = false
            var inFraction = false
            while index < value.count, !HTMLBytes.isSpace(value[index]) {
                let byte = value[index]
                if byte == 0x2E { inFraction = true } else if byte >= 0x30 && byte <= 0x39 {
                    sawDigit = true
                    if !inFraction { integerPart = min(integerPart * 10 + Int(byte - 0x30), 1_000) }
                }
                index += 1
            }
            result.append(sawDigit && integerPart == 0)
        }
        return result
    }
}
