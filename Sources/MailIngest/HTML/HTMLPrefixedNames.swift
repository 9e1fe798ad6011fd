#if canImport(Glibc)
private import Glibc
#elseif canImport(Darwin)
private import Darwin
#endif

/// Office's namespaced elements (`<o:p>`, `<v:shape>`, `<st1:place>`) lose their prefix in libxml2's HTML parser, so
/// Outlook's `<o:p></o:p>` inside every paragraph would come out as a nested `<p>`. Before parsing, the colon of such
/// a tag name becomes a hyphen (`<o-p>`, an unknown inline element). Same length, one linear scan with `memchr`.
enum HTMLPrefixedNames {
    /// The offsets of the colons to replace, empty for most documents.
    static func colons(in html: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = html.baseAddress else { return [] }
        var found: [Int] = []
        var index = 0
        while index < html.count,
              let hit = memchr(base + index, 0x3C, html.count - index) {
            let open = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            index = open + 1
            var cursor = index
            if cursor < html.count, html[cursor] == 0x2F { cursor += 1 }
            let nameStart = cursor
            while cursor < html.count, cursor - nameStart < 16, isNameByte(html[cursor]) { cursor += 1 }
            if cursor > nameStart, cursor < html.count, html[cursor] == 0x3A, isLetter(html[nameStart]) {
                found.append(cursor)
                index = cursor + 1
            }
        }
        return found
    }

    /// A copy of `html` with the colons at `offsets` replaced by hyphens.
    static func replacing(_ offsets: [Int], in html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var copy = Array(html)
        for offset in offsets { copy[offset] = 0x2D }
        return copy
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
