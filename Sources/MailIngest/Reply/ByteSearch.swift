#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes for the pattern tables: `String.contains(_:)` builds a searcher with hash
/// tables on every call, too slow for a check made on every line.
struct BytePattern: Sendable {
    let bytes: [UInt8]
    /// The pattern's rarest byte in mail text (punctuation before capitals before rare letters before common
    /// ones): `memchr` looks for it, so "eedback-Type:" is tried at each "-" of a body, not at each "e".
    let anchor: Int

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        anchor = bytes.indices.min { Self.commonness(bytes[$0]) < Self.commonness(bytes[$1]) } ?? 0
    }

    /// A rough rank of how often `byte` occurs in mail text; lower is rarer.
    static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: " "): return 5
        case UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"),
             UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "h"), UInt8(ascii: "l"),
             UInt8(ascii: "d"): return 4
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return 3
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return 2
        case 0x80...: return 2
        default: return 1
        }
    }

    /// True when `text` holds the pattern's bytes (UTF-8 is self-synchronising, so a byte match is a text match).
    func occurs(in text: String) -> Bool {
        guard !bytes.isEmpty else { return true }
        var text = text
        let anchor = self.anchor
        return text.withUTF8 { haystack in
            guard haystack.count >= bytes.count, let base = haystack.baseAddress else { return false }
            return bytes.withUnsafeBufferPointer { needle in
                guard let pin = needle.baseAddress else { return true }
                // Offsets of the anchor byte where a whole match would still fit.
                let last = haystack.count - needle.count + anchor
                var start = anchor
                while start <= last {
                    guard let hit = memchr(base + start, Int32(pin[anchor]), last - start + 1) else { return false }
                    let offset = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + offset - anchor, pin, needle.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
