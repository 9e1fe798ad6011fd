internal import Foundation

/// Tolerant quoted-printable (RFC 2045 §6.7): `=XX` in either case, soft line breaks (`=` then optional white space
/// then CRLF or LF), trailing white space on a line removed (rule 3). A `=` not followed by two hex digits or a line
/// break is kept as it is and reported.
enum QuotedPrintableDecoding {
    /// Decoded bytes and whether every `=` was well formed.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: Data, valid: Bool) {
        if input.isEmpty { return (Data(), true) }
        // Decoded straight into a malloc'ed buffer the Data then owns: no zero-filling, no copy.
        let output = malloc(input.count)!.assumingMemoryBound(to: UInt8.self)
        let (written, valid) = decode(input, into: output)
        if written == 0 {
            free(output)
            return (Data(), valid)
        }
        return (Data(bytesNoCopy: output, count: written, deallocator: .free), valid)
    }

    /// The decoding loop over raw pointers; `output` has room for `input.count` bytes (decoding never grows).
    /// Returns the bytes written and whether every `=` was well formed.
    ///
    /// Line by line: `memchr` finds the line feed, the white space before the line break is dropped (rule 3), and
    /// within the line only `=` needs attention, so the runs between them are copied whole (`memchr` + `memcpy`)
    /// instead of byte by byte. A line break is CRLF or LF; a CR not followed by LF is an ordinary byte.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>,
                               into output: UnsafeMutablePointer<UInt8>) -> (Int, Bool) {
        guard let source = input.baseAddress else { return (0, true) }
        let equals = UInt8(ascii: "=")
        let end = input.count
        var valid = true
        var written = 0
        var start = 0
        while start < end {
            let lineFeed = Bytes.nextLF(input, from: start, end: end)
            // The line break (copied as is unless a soft break removes it) and the content before its white space.
            let breakStart = lineFeed < end && lineFeed > start && source[lineFeed - 1] == Bytes.cr ? lineFeed - 1 : lineFeed
            let next = lineFeed < end ? lineFeed + 1 : end
            var contentEnd = breakStart
            while contentEnd > start, Bytes.isWSP(source[contentEnd - 1]) { contentEnd -= 1 }
            var index = start
            var softBreak = false
            while index < contentEnd {
                guard let hit = memchr(source + index, Int32(equals), contentEnd - index) else {
                    (output + written).update(from: source + index, count: contentEnd - index)
                    written += contentEnd - index
                    index = contentEnd
                    break
                }
                let at = UnsafeRawPointer(source).distance(to: UnsafeRawPointer(hit))
                (output + written).update(from: source + index, count: at - index)
                written += at - index
                if at + 2 < end, let high = hex(source[at + 1]), let low = hex(source[at + 2]) {
                    output[written] = high << 4 | low
                    written += 1
                    index = at + 3
                } else if at + 1 == contentEnd {
                    // `=` then only white space up to the line break or the end: a soft line break.
                    softBreak = true
                    index = contentEnd
                } else {
                    valid = false
                    output[written] = equals
                    written += 1
                    index = at + 1
                }
            }
            if !softBreak {
                (output + written).update(from: source + breakStart, count: next - breakStart)
                written += next - breakStart
            }
            start = next
        }
        return (written, valid)
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
