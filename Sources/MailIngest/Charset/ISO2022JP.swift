/// ISO-2022-JP (RFC 1468) rewritten as EUC-JP bytes, so that Microsoft's extensions (CP50220/50221: NEC row 13
/// such as ① and ㈱, IBM extensions, half-width katakana) can be read by glibc's EUC-JP-MS, which glibc's
/// ISO-2022-JP decoders reject. Used only as a fallback when ISO-2022-JP-2 found invalid bytes.
enum ISO2022JP {
    private enum Mode { case ascii, jis0208, jis0212, kana }

    static func toEUCJP(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var mode = Mode.ascii
        var shiftedOut = false
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x1B, let (next, length) = escape(input, at: index) {
                mode = next
                index += length
                continue
            }
            switch byte {
            case 0x0E: shiftedOut = true; index += 1; continue  // SO: half-width katakana (CP50222)
            case 0x0F: shiftedOut = false; index += 1; continue  // SI
            default: break
            }
            let printable = byte >= 0x21 && byte <= 0x7E
            if shiftedOut || mode == .kana, byte >= 0x21, byte <= 0x5F {
                output.append(0x8E)
                output.append(byte | 0x80)
                index += 1
            } else if (mode == .jis0208 || mode == .jis0212), printable, index + 1 < input.count,
                      input[index + 1] >= 0x21, input[index + 1] <= 0x7E {
                if mode == .jis0212 { output.append(0x8F) }
                output.append(byte | 0x80)
                output.append(input[index + 1] | 0x80)
                index += 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// The mode an escape sequence at `index` selects and its length, or nil for an unknown sequence.
    private static func escape(_ input: UnsafeRawBufferPointer, at index: Int) -> (Mode, Int)? {
        func at(_ offset: Int) -> UInt8 { index + offset < input.count ? input[index + offset] : 0 }
        switch (at(1), at(2)) {
        case (UInt8(ascii: "("), UInt8(ascii: "B")), (UInt8(ascii: "("), UInt8(ascii: "J")),
             (UInt8(ascii: "("), UInt8(ascii: "H")):
            return (.ascii, 3)
        case (UInt8(ascii: "("), UInt8(ascii: "I")):
            return (.kana, 3)
        case (UInt8(ascii: "$"), UInt8(ascii: "@")), (UInt8(ascii: "$"), UInt8(ascii: "B")):
            return (.jis0208, 3)
        case (UInt8(ascii: "$"), UInt8(ascii: "(")):
            if at(3) == UInt8(ascii: "D") { return (.jis0212, 4) }
            if at(3) == UInt8(ascii: "B") || at(3) == UInt8(ascii: "Q") || at(3) == UInt8(ascii: "O") {
                return (.jis0208, 4)
            }
            return nil
        case (UInt8(ascii: "&"), UInt8(ascii: "@")):
            // JIS X 0208-1990 announcer, followed by ESC $ B.
            return at(3) == 0x1B && at(4) == UInt8(ascii: "$") && at(5) == UInt8(ascii: "B") ? (.jis0208, 6) : nil
        default:
            return nil
        }
    }
}
