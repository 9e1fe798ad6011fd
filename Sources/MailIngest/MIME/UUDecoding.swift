/// uuencode bodies (`Content-Transfer-Encoding: x-uuencode`, a de-facto encoding outside RFC 2045): a
/// `begin <mode> <name>` line, lines whose first character gives their decoded length, and an `end` line.
enum UUDecoding {
    /// Decoded bytes, the file name from the `begin` line, and whether the input was well formed (a missing `end`
    /// or a short line); nil when there is no `begin` line at all.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], filename: String?, valid: Bool)? {
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3)
        var index = 0
        let end = input.count
        var filename: String? = nil
        var begun = false, ended = false, valid = true
        while index < end {
            let (contentEnd, next) = Bytes.line(input, at: index, end: end)
            let line = UnsafeBufferPointer(rebasing: input[index..<contentEnd])
            index = next
            if !begun {
                if line.starts(with: "begin ".utf8) {
                    begun = true
                    // `begin 644 name`: the name is what follows the second space.
                    let rest = line.dropFirst(6).drop { $0 != Bytes.space }.dropFirst()
                    let name = Bytes.string(UnsafeBufferPointer(rebasing: rest))
                    filename = name.isEmpty ? nil : name
                }
                continue
            }
            if line.starts(with: "end".utf8) { ended = true; break }
            guard let first = line.first else { continue }
            let length = Int((first &- 32) & 63)
            if length == 0 { continue }
            var produced = 0
            var position = 1
            while produced < length {
                var quad: UInt32 = 0
                for offset in 0..<4 {
                    let char = position + offset < line.count ? line[position + offset] : 32
                    quad = quad << 6 | UInt32((char &- 32) & 63)
                }
                if position + 4 > line.count + 2 { valid = false }
                position += 4
                for shift in [16, 8, 0] where produced < length {
                    out.append(UInt8(truncatingIfNeeded: quad >> UInt32(shift)))
                    produced += 1
                }
            }
        }
        guard begun else { return nil }
        if !ended { valid = false }
        return (out, filename, valid)
    }
}
