/// ASCII case-insensitive comparisons of attribute bytes with lower-case needles, without building strings.
enum HTMLBytes {
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        bytes.count == needle.utf8CodeUnitCount && matches(bytes, at: 0, needle)
    }

    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        bytes.count >= needle.utf8CodeUnitCount && matches(bytes, at: 0, needle)
    }

    static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        return bytes.count >= length && matches(bytes, at: bytes.count - length, needle)
    }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard length > 0, bytes.count >= length else { return length == 0 }
        let first = needle.utf8Start.pointee
        for start in 0...(bytes.count - length) where lower(bytes[start]) == first {
            if matches(bytes, at: start, needle) { return true }
        }
        return false
    }

    /// The bytes without leading and trailing whitespace.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: StaticString) -> Bool {
        let needleBytes = needle.utf8Start
        for offset in 0..<needle.utf8CodeUnitCount where lower(bytes[start + offset]) != needleBytes[offset] {
            return false
        }
        return true
    }
}
