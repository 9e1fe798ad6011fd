import Foundation

/// Finds mail addresses (`local@domain`, RFC 5322 §3.4.1 dot-atoms) in free text.
enum AddressScanner {
    /// One address found in text.
    struct Hit: Sendable, Hashable {
        /// The address as written, angle brackets and trailing dots dropped.
        var address: String
        /// Offset (in UTF-8 bytes) of its first byte in the text.
        var start: Int
        /// Offset just past its last byte.
        var end: Int
    }

    /// Every address in `text`, in order.
    static func scan(_ text: String) -> [Hit] {
        let bytes = Array(text.utf8)
        var hits: [Hit] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "@") else { index += 1; continue }
            var start = index
            while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
            while start < index, bytes[start] == UInt8(ascii: ".") { start += 1 }
            var end = index + 1
            var dots = 0
            while end < bytes.count, isDomain(bytes[end]) {
                if bytes[end] == UInt8(ascii: ".") { dots += 1 }
                end += 1
            }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") {
                if bytes[end - 1] == UInt8(ascii: ".") { dots -= 1 }
                end -= 1
            }
            if start < index, end > index + 1, dots > 0 {
                hits.append(Hit(address: String(decoding: bytes[start..<end], as: UTF8.self), start: start, end: end))
            }
            index = max(end, index + 1)
        }
        return hits
    }

    /// The first address in `text`, or nil.
    static func first(_ text: String) -> String? { scan(text).first?.address }

    private static func isLocal(_ byte: UInt8) -> Bool {
        isAlnum(byte) || "._%+-=/!#$&*?^`{|}~'".utf8.contains(byte)
    }

    private static func isDomain(_ byte: UInt8) -> Bool {
        isAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
    }
}
