internal import Foundation

/// Byte-level helpers shared by the MIME scanners. Everything works on index ranges of one unsafe buffer that the
/// caller keeps alive; nothing here copies more than it returns.
enum Bytes {
    static let cr: UInt8 = 13
    static let lf: UInt8 = 10
    static let space: UInt8 = 32
    static let tab: UInt8 = 9
    static let dash: UInt8 = 45
    static let colon: UInt8 = 58

    /// True for SP and HTAB (RFC 5322 WSP).
    @inline(__always)
    static func isWSP(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Index of the next LF at or after `from`, or `end` when there is none.
    @inline(__always)
    static func nextLF(_ buf: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        guard from < end, let base = buf.baseAddress else { return end }
        guard let found = memchr(base + from, Int32(lf), end - from) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The line starting at `start`: where its content ends (before CRLF or LF) and where the next line starts.
    @inline(__always)
    static func line(_ buf: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (contentEnd: Int, next: Int) {
        let lf = nextLF(buf, from: start, end: end)
        if lf == end { return (end, end) }
        let contentEnd = lf > start && buf[lf - 1] == cr ? lf - 1 : lf
        return (contentEnd, lf + 1)
    }

    /// `bytes` read as UTF-8 when valid, else as ISO-8859-1 (one character per byte).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Most header values are ASCII: one word-at-a-time check, then no round-trip comparison is needed.
        if CharsetDecoder.isPlainASCII(UnsafeRawBufferPointer(bytes)) { return String(decoding: bytes, as: UTF8.self) }
        if let text = validUTF8(bytes) { return text }
        // ISO-8859-1: each byte is the code point of the same value; write its UTF-8 form directly.
        var utf8 = [UInt8]()
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | byte >> 6)
                utf8.append(0x80 | byte & 0x3F)
            }
        }
        return utf8.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// `bytes` as a string when they are valid UTF-8, else nil. Decodes once (the standard library's ASCII and
    /// UTF-8 fast paths) and compares: valid input round-trips, repaired input (U+FFFD inserted) does not.
    /// (`String(validating:as:)` gives the same answer but went through generic metadata lookups on every call.)
    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let valid = text.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return valid ? text : nil
    }

    /// `bytes` read as UTF-8 when valid, else as ISO-8859-1.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// `range` of `buf`, known to hold only ASCII (a field name), as a string.
    static func ascii(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self)
    }

    /// `range` of `buf` as a string (UTF-8, else ISO-8859-1).
    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        string(UnsafeBufferPointer(rebasing: buf[range]))
    }

    /// True when `a` and `b` hold the same bytes, ASCII letters compared without case.
    static func asciiCaseInsensitiveEquals(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where lower(a[index]) != lower(b[index]) { return false }
        return true
    }

    /// True when `bytes` hold `=?` (where an RFC 2047 encoded word may start).
    static func containsEncodedWordStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
        var pos = 0
        let last = bytes.count - 1  // an `=` here has nothing after it
        while pos < last {
            guard let hit = memchr(base + pos, Int32(UInt8(ascii: "=")), last - pos) else { return false }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if base[index + 1] == UInt8(ascii: "?") { return true }
            pos = index + 1
        }
        return false
    }

    /// Lower-cased ASCII copy of a byte.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
}
