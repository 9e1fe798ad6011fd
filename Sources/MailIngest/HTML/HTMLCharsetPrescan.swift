/// Finds the charset a `<meta>` element declares near the start of an HTML document, a simplified form of the
/// HTML Living Standard's prescan (13.2.3.2): `charset` inside a `meta` start tag, quoted or not.
enum HTMLCharsetPrescan {
    static func charset(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while let metaStart = find("<meta", in: buffer, from: index) {
                var tagEnd = metaStart + 5
                while tagEnd < buffer.count, buffer[tagEnd] != 0x3E { tagEnd += 1 }
                let tag = UnsafeBufferPointer(rebasing: buffer[metaStart..<tagEnd])
                if let value = charsetValue(in: tag) { return value }
                index = tagEnd
            }
            return nil
        }
    }

    private static func charsetValue(in tag: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while let found = find("charset", in: tag, from: index) {
            var cursor = found + 7
            index = cursor
            while cursor < tag.count, HTMLBytes.isSpace(tag[cursor]) { cursor += 1 }
            guard cursor < tag.count, tag[cursor] == 0x3D else { continue }
            cursor += 1
            while cursor < tag.count, HTMLBytes.isSpace(tag[cursor]) { cursor += 1 }
            if cursor < tag.count, tag[cursor] == 0x22 || tag[cursor] == 0x27 { cursor += 1 }
            var end = cursor
            while end < tag.count, !isValueEnd(tag[end]) { end += 1 }
            guard end > cursor else { continue }
            return String(decoding: tag[cursor..<end], as: UTF8.self)
        }
        return nil
    }

    private static func isValueEnd(_ byte: UInt8) -> Bool {
        HTMLBytes.isSpace(byte) || byte == 0x22 || byte == 0x27 || byte == 0x3B || byte == 0x3E || byte == 0x2F
    }

    private static func find(_ needle: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        guard start + length <= buffer.count else { return nil }
        for offset in start...(buffer.count - length)
        where HTMLBytes.hasPrefix(UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), needle) {
            return offset
        }
        return nil
    }
}
