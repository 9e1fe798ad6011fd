internal import Foundation

/// Tolerant base64 (RFC 2045 §6.8): white space and line breaks are ignored; other characters outside the alphabet
/// are skipped and reported; missing or misplaced padding is reported and what is there is decoded.
enum Base64Decoding {
    /// 0..63 for the alphabet, 0xFE for `=`, 0xFD for white space, 0xFF for anything else.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, char) in alphabet.enumerated() { table[Int(char)] = UInt8(value) }
        table[Int(UInt8(ascii: "="))] = 0xFE
        for space in [9, 10, 13, 32] { table[space] = 0xFD }
        return table
    }()

    /// Decoded bytes and whether anything was wrong (junk characters, bad padding, a dangling character).
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: Data, valid: Bool) {
        guard let source = input.baseAddress, !input.isEmpty else { return (Data(), true) }
        // Decoded straight into a malloc'ed buffer the Data then owns: no zero-filling, no copy.
        let output = malloc(input.count / 4 * 3 + 3)!.assumingMemoryBound(to: UInt8.self)
        // Locals inside the closure (not captured), so the loop keeps them in registers.
        let (written, valid) = table.withUnsafeBufferPointer { table -> (Int, Bool) in
            var valid = true
            var written = 0
            var quantum: UInt32 = 0
            var count = 0
            var padding = 0
            var index = 0
            let end = input.count
            while index < end {
                // Four alphabet characters at a quantum boundary: one 24-bit group at once. (Anything else,
                // i.e. white space, `=` or junk, has a table value of 64 or more and goes byte by byte.)
                if count == 0, padding == 0, end - index >= 4 {
                    let a = table[Int(source[index])], b = table[Int(source[index + 1])]
                    let c = table[Int(source[index + 2])], d = table[Int(source[index + 3])]
                    if a | b | c | d < 64 {
                        let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        output[written] = UInt8(truncatingIfNeeded: group >> 16)
                        output[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                        output[written + 2] = UInt8(truncatingIfNeeded: group)
                        written += 3
                        index += 4
                        continue
                    }
                }
                let value = table[Int(source[index])]
                index += 1
                if value < 64 {
                    if padding > 0 { valid = false; padding = 0 }  // data after `=`: decode on, report
                    quantum = quantum << 6 | UInt32(value)
                    count += 1
                    if count == 4 {
                        output[written] = UInt8(truncatingIfNeeded: quantum >> 16)
                        output[written + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                        output[written + 2] = UInt8(truncatingIfNeeded: quantum)
                        written += 3
                        quantum = 0
                        count = 0
                    }
                } else if value == 0xFE {
                    padding += 1
                } else if value != 0xFD {
                    valid = false
                }
            }
            switch count {
            case 0:
                if padding > 0 { valid = false }
            case 1: valid = false  // six bits cannot make a byte
            case 2:
                output[written] = UInt8(truncatingIfNeeded: quantum >> 4)
                written += 1
                if padding != 2 { valid = false }
            default:
                output[written] = UInt8(truncatingIfNeeded: quantum >> 10)
                output[written + 1] = UInt8(truncatingIfNeeded: quantum >> 2)
                written += 2
                if padding != 1 { valid = false }
            }
            return (written, valid)
        }
        if written == 0 {
            free(output)
            return (Data(), valid)
        }
        return (Data(bytesNoCopy: output, count: written, deallocator: .free), valid)
    }
}
