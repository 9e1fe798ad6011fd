internal import Foundation

/// Tolerant quoted-printable (RFC 2045 §6.7): `=XX` in either case, soft line breaks (`=` then optional white space
/// then CRLF or LF), trailing white space on a line removed (rule 3). A `=` not followed by two hex digits or a line
/// break is kept as it is and reported.
enum QuotedPrintableDecoding {
    /// Decoded bytes and whether every `=` was well formed.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: Data, valid: Bool) {
        if input.isEmpty { return (Data(), true) }
        var out = Data(count: input.count)
        let (written, valid) = out.withUnsafeMutableBytes { raw -> (Int, Bool) in
            decode(input, into: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        out.count = written
        return (out, valid)
    }

    /// The decoding loop over raw pointers; `output` has room for `input.count` bytes (decoding never grows).
    /// Returns the bytes written and whether every `=` was well formed.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>,
                               into output: UnsafeMutablePointer<UInt8>) -> (Int, Bool) {
        guard let source = input.baseAddress else { return (0, true) }
        let equals = UInt8(ascii: "=")
        var valid = true
        var written = 0
        var index = 0
        let end = input.count
        while index < end {
            // Fastest path: eight bytes at a time up to the first `=`, SP or HTAB (the word is stored whole; only
            // the bytes before that one count, the rest is overwritten later). `written <= index`, so it fits.
            if index + 8 <= end {
                let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                let special = Self.zeroBytes(word ^ 0x3D3D_3D3D_3D3D_3D3D) | Self.zeroBytes(word ^ 0x2020_2020_2020_2020)
                    | Self.zeroBytes(word ^ 0x0909_0909_0909_0909)
                UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                let clean = special == 0 ? 8 : special.trailingZeroBitCount / 8
                written += clean
                index += clean
                if clean == 8 { continue }
            }
            let byte = source[index]
            // Fast path: every byte but `=`, SP and HTAB is copied as is.
            if byte != equals && byte != Bytes.space && byte != Bytes.tab {
                output[written] = byte
                written += 1
                index += 1
                continue
            }
            if byte == equals {
                if index + 2 < end, let high = hex(source[index + 1]), let low = hex(source[index + 2]) {
                    output[written] = high << 4 | low
                    written += 1
                    index += 3
                    continue
                }
                // Soft line break, possibly with transport padding before the line end.
                var look = index + 1
                while look < end, Bytes.isWSP(source[look]) { look += 1 }
                if look == end { index = end; continue }
                if source[look] == Bytes.lf { index = look + 1; continue }
                if source[look] == Bytes.cr, look + 1 < end, source[look + 1] == Bytes.lf { index = look + 2; continue }
                valid = false
                output[written] = byte
                written += 1
                index += 1
                continue
            }
            // SP or HTAB: a lone one followed by an ordinary byte is copied; white space that ends a line is
            // dropped (RFC 2045 §6.7 rule 3).
            var look = index + 1
            while look < end, Bytes.isWSP(source[look]) { look += 1 }
            if look == end || source[look] == Bytes.lf
                || (source[look] == Bytes.cr && look + 1 < end && source[look + 1] == Bytes.lf) {
                index = look
                continue
            }
            while index < look {
                output[written] = source[index]
                written += 1
                index += 1
            }
        }
        return (written, valid)
    }

    /// 0x80 in the lowest byte of `word` that is zero (bytes above it may be flagged wrongly, never below).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }
}
