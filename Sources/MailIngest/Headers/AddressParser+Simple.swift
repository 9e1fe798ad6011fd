extension AddressParser {
    /// The one mailbox of a field in its plainest and most common forms, read in one pass over the bytes, or nil for
    /// anything else (which the full parser reads): `local@domain`, `<local@domain>` or `Name Words <local@domain>`,
    /// ASCII only, with letters, digits, `.`, `_`, `+` and `-` in the address (no dot at either end of the domain),
    /// letters and digits in the words of the name, one space between them. For these forms the full parser gives
    /// exactly this mailbox and no defect (`AddressParserTests` checks the two agree over the shared fixtures).
    static func simpleMailbox(_ raw: String) -> MailAddress? {
        var raw = raw
        return raw.withUTF8 { bytes -> MailAddress? in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard start < end else { return nil }
            func text(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            guard bytes[end - 1] == UInt8(ascii: ">") else {
                return isSimpleAddress(bytes, start, end) ? MailAddress(address: text(start, end)) : nil
            }
            // `... <address>`: the last "<" opens the address; what comes before it is the name.
            var open = end - 2
            while open >= start, bytes[open] != UInt8(ascii: "<") { open -= 1 }
            guard open >= start, isSimpleAddress(bytes, open + 1, end - 1) else { return nil }
            var nameEnd = open
            while nameEnd > start, bytes[nameEnd - 1] == 0x20 { nameEnd -= 1 }
            guard nameEnd > start else { return MailAddress(address: text(open + 1, end - 1)) }
            var previousSpace = false
            for index in start..<nameEnd {
                let byte = bytes[index]
                if byte == 0x20 {
                    guard !previousSpace else { return nil }
                    previousSpace = true
                } else {
                    guard isLetterOrDigit(byte) else { return nil }
                    previousSpace = false
                }
            }
            return MailAddress(name: text(start, nameEnd), address: text(open + 1, end - 1))
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// `local@domain` in `bytes[from..<to]`: one "@", a local part of letters, digits and `._+-` not starting or
    /// ending with a dot, a domain of letters, digits, `.` and `-` with at least one dot, neither at its ends.
    private static func isSimpleAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var at: Int?
        for index in from..<to {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") {
                guard at == nil else { return false }
                at = index
            } else if !isLetterOrDigit(byte) {
                switch byte {
                case UInt8(ascii: "."), UInt8(ascii: "-"): continue
                case UInt8(ascii: "_"), UInt8(ascii: "+"): if at != nil { return false }
                default: return false
                }
            }
        }
        guard let at, at > from, at + 1 < to else { return false }
        let dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
        guard bytes[from] != dot, bytes[at - 1] != dot, bytes[at + 1] != dot, bytes[at + 1] != dash,
              bytes[to - 1] != dot, bytes[to - 1] != dash else { return false }
        var dots = 0
        for index in (at + 1)..<to where bytes[index] == dot {
            guard bytes[index - 1] != dot else { return false }
            dots += 1
        }
        for index in (from + 1)..<at where bytes[index] == dot && bytes[index - 1] == dot { return false }
        return dots > 0
    }
}
