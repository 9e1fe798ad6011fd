/// `prefix(n)` of a string counted in characters, with a byte path for the common case: counting `Character`s runs
/// grapheme breaking over every byte, which the detectors paid on every message for bounds that plain text rarely
/// reaches.
enum CharacterPrefix {
    /// `String(text.prefix(count))`, the same string: when the text has at most `count` UTF-8 bytes it has at most
    /// `count` characters; when its first `count` bytes are ASCII without CR and the byte after them is ASCII too,
    /// each of those bytes is one character (only CR LF joins two ASCII bytes into one, and only non-ASCII scalars
    /// extend a character), so the prefix ends at byte `count`.
    static func string(_ text: String, characters count: Int) -> String {
        var text = text
        let end: Int? = text.withUTF8 { bytes in
            if bytes.count <= count { return bytes.count }
            for index in 0..<count where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
            return bytes[count] < 0x80 ? count : nil
        }
        guard let end else { return String(text.prefix(count)) }
        if end == text.utf8.count { return text }
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
    }

    /// True when `text` is all ASCII (then each byte is one scalar, and one character unless it is a CR before LF).
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isASCII($0) }
    }

    /// True when the bytes are all ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Eight bytes at a time: no byte has its high bit set.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
