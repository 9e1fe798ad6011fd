#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes for the pattern tables: `String.contains(_:)` builds a searcher with hash
/// tables on every call, too slow for a check made on every line.
struct BytePattern: Sendable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// True when `text` holds the pattern's bytes (UTF-8 is self-synchronising, so a byte match is a text match).
    func occurs(in text: String) -> Bool {
        guard !bytes.isEmpty else { return true }
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= bytes.count, let base = haystack.baseAddress else { return false }
            return bytes.withUnsafeBufferPointer { needle in
                guard let pin = needle.baseAddress else { return true }
                let last = haystack.count - needle.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(pin.pointee), last - start + 1) else { return false }
                    let offset = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + offset, pin, needle.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
