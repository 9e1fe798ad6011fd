/// Substring search over UTF-8 bytes for the pattern tables: `String.contains(_:)` builds a searcher with hash
/// tables on every call, too slow for a check made on every line.
struct BytePattern: Sendable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// True when `text` holds the pattern's bytes (UTF-8 is self-synchronising, so a byte match is a text match).
    func occurs(in text: String) -> Bool {
        guard let first = bytes.first else { return true }
        var text = text
        return text.withUTF8 { haystack in
            let count = bytes.count
            guard haystack.count >= count else { return false }
            var index = 0
            let last = haystack.count - count
            while index <= last {
                if haystack[index] == first {
                    var offset = 1
                    while offset < count, haystack[index + offset] == bytes[offset] { offset += 1 }
                    if offset == count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
