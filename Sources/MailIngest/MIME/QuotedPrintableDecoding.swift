internal import Foundation

/// Tolerant quoted-printable (RFC 2045 §6.7): `=XX` in either case, soft line breaks (`=` then optional white space
/// then CRLF or LF), trailing white space on a line removed (rule 3). A `=` not followed by two hex digits or a line
/// break is kept as it is and reported.
enum QuotedPrintableDecoding {
    /// Decoded bytes and whether every `=` was well formed.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: Data, valid: Bool) {
        var out = Data(count: input.count)
        // Locals inside the closure (not captured), so the loop keeps them in registers.
        let (written, valid) = out.withUnsafeMutableBytes { raw -> (Int, Bool) in
            let output = raw.bindMemory(to: UInt8.self)
            var valid = true
            var written = 0
            var index = 0
            let end = input.count
            while index < end {
                let byte = input[index]
                // Fast path: ordinary bytes, and a lone SP/HTAB followed by an ordinary byte, are copied as is.
                if byte != UInt8(ascii: "=") {
                    let lone: Bool
                    if byte == Bytes.space || byte == Bytes.tab {
                        let following = index + 1 < end ? input[index + 1] : Bytes.lf
                        lone = !(Bytes.isWSP(following) || following == Bytes.cr || following == Bytes.lf)
                    } else {
                        lone = true
                    }
                    if lone {
                        output[written] = byte
                        written += 1
                        index += 1
                        continue
                    }
                }
                if byte == UInt8(ascii: "=") {
                    if index + 2 < end, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                        output[written] = high << 4 | low
                        written += 1
                        index += 3
                        continue
                    }
                    // Soft line break, possibly with transport padding before the line end.
                    var look = index + 1
                    while look < end, Bytes.isWSP(input[look]) { look += 1 }
                    if look == end { index = end; continue }
                    if input[look] == Bytes.lf { index = look + 1; continue }
                    if input[look] == Bytes.cr, look + 1 < end, input[look + 1] == Bytes.lf { index = look + 2; continue }
                    valid = false
                    output[written] = byte
                    written += 1
                    index += 1
                    continue
                }
                do {
                    // Drop white space that ends a line (RFC 2045 §6.7 rule 3).
                    var look = index
                    while look < end, Bytes.isWSP(input[look]) { look += 1 }
                    if look == end || input[look] == Bytes.lf
                        || (input[look] == Bytes.cr && look + 1 < end && input[look + 1] == Bytes.lf) {
                        index = look
                        continue
                    }
                    while index < look {
                        output[written] = input[index]
                        written += 1
                        index += 1
                    }
                }
            }
            return (written, valid)
        }
        out.count = written
        return (out, valid)
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
