/// Tolerant base64 (RFC 2045 §6.8): white space and line breaks are ignored; other characters outside the alphabet
/// are skipped and reported; missing or misplaced padding is reported and what is there is decoded.
enum Base64Decoding {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, char) in alphabet.enumerated() { table[Int(char)] = UInt8(value) }
        table[Int(UInt8(ascii: "="))] = 0xFE
        for space in [9, 10, 13, 32] { table[space] = 0xFD }
        return table
    }()

    /// Decoded bytes and whether anything was wrong (junk characters, bad padding, a dangling character).
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], valid: Bool) {
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var valid = true
        var quantum: UInt32 = 0
        var count = 0
        var padding = 0
        table.withUnsafeBufferPointer { table in
            for byte in input {
                let value = table[Int(byte)]
                if value < 64 {
                    if padding > 0 { valid = false; padding = 0 }  // data after `=`: decode on, report
                    quantum = quantum << 6 | UInt32(value)
                    count += 1
                    if count == 4 {
                        out.append(UInt8(truncatingIfNeeded: quantum >> 16))
                        out.append(UInt8(truncatingIfNeeded: quantum >> 8))
                        out.append(UInt8(truncatingIfNeeded: quantum))
                        quantum = 0
                        count = 0
                    }
                } else if value == 0xFE {
                    padding += 1
                } else if value != 0xFD {
                    valid = false
                }
            }
        }
        switch count {
        case 0: break
        case 1: valid = false  // six bits cannot make a byte
        case 2:
            out.append(UInt8(truncatingIfNeeded: quantum >> 4))
            if padding != 2 { valid = false }
        default:
            out.append(UInt8(truncatingIfNeeded: quantum >> 10))
            out.append(UInt8(truncatingIfNeeded: quantum >> 2))
            if padding != 1 { valid = false }
        }
        return (out, valid)
    }
}
