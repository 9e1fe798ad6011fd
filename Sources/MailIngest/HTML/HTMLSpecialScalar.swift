/// A non-ASCII scalar that text layout treats specially, recognised from its UTF-8 bytes.
struct HTMLSpecialScalar {
    enum Kind {
        /// Collapses like an ASCII space (U+2000-U+200A, U+2028, U+2029, U+205F).
        case space
        /// U+00A0, U+2007, U+202F: a space that still makes a line (`<p>&nbsp;</p>` is a blank line).
        case nonBreakingSpace
        /// Shows nothing: soft hyphen, combining grapheme joiner (preheader padding), zero-width space, LRM, RLM,
        /// word joiner, BOM.
        case invisible
    }

    let kind: Kind
    /// Bytes the scalar takes.
    let length: Int

    /// Reads the scalar at `index`, or nil when it is ordinary text.
    init?(_ text: UnsafeBufferPointer<UInt8>, at index: Int) {
        let lead = text[index]
        switch lead {
        case 0xC2 where index + 1 < text.count:
            switch text[index + 1] {
            case 0xA0: self.init(.nonBreakingSpace, 2)
            case 0xAD: self.init(.invisible, 2)
            default: return nil
            }
        case 0xCD where index + 1 < text.count && text[index + 1] == 0x8F:
            self.init(.invisible, 2)
        case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80:
            switch text[index + 2] {
            case 0x87, 0xAF: self.init(.nonBreakingSpace, 3)
            case 0x80...0x8A, 0xA8, 0xA9: self.init(.space, 3)
            case 0x8B, 0x8E, 0x8F: self.init(.invisible, 3)
            default: return nil
            }
        case 0xE2 where index + 2 < text.count && text[index + 1] == 0x81:
            switch text[index + 2] {
            case 0x9F: self.init(.space, 3)
            case 0xA0: self.init(.invisible, 3)
            default: return nil
            }
        case 0xEF where index + 2 < text.count && text[index + 1] == 0xBB && text[index + 2] == 0xBF:
            self.init(.invisible, 3)
        default:
            return nil
        }
    }

    private init(_ kind: Kind, _ length: Int) {
        self.kind = kind
        self.length = length
    }
}
