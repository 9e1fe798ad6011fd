/// ASCII case-insensitive tests over UTF-8 bytes, for needles of lower-case ASCII: they give what
/// `lowercased()` then `hasPrefix`/`contains` gives for such needles (no non-ASCII character lower-cases to an
/// ASCII letter but the Kelvin sign and the dotted capital I, which the needles here avoid: no `k`, and `i` needles
/// fail on the dot's combining mark either way), without building the lower-cased copy.
enum ASCIIFold {
    /// True when `text` starts with `prefix` (lower-case ASCII), ASCII letters compared without case.
    static func hasPrefix(_ text: some StringProtocol, _ prefix: [UInt8]) -> Bool {
        var index = 0
        for byte in text.utf8 {
            guard index < prefix.count else { return true }
            // Non-ASCII text within the prefix's length: lower-case it as Unicode (the Kelvin sign is a "k").
            if byte >= 0x80 { return text.lowercased().utf8.starts(with: prefix) }
            guard fold(byte) == prefix[index] else { return false }
            index += 1
        }
        return index == prefix.count
    }

    /// True when `text` holds `needle` (lower-case ASCII, not empty), ASCII letters compared without case.
    static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, needle) }
    }

    /// ``contains(_:_:)-(String,_)`` for a substring.
    static func contains(_ text: Substring, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, needle) }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        var start = 0
        let last = bytes.count - needle.count
        while start <= last {
            if fold(bytes[start]) == first {
                var offset = 1
                while offset < needle.count, fold(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// `byte` with ASCII upper-case letters made lower-case.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
