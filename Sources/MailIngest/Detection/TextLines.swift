#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines `text.split(separator: "\n", omittingEmptySubsequences:)` gives, found on the UTF-8 bytes with `memchr`
/// and handed out one at a time, so a reader that wants the first 200 lines (or the first Message-ID) of a returned
/// message no longer splits the whole of it by grapheme clusters first.
///
/// The same lines: an LF is a `"\n"` character unless a CR precedes it (CR LF is one grapheme cluster, RFC 5322's
/// line end, which is no `"\n"`), and an LF always has grapheme boundaries on both sides (Unicode UAX #29 GB4, GB5),
/// so the split points are the LF bytes without a CR before them.
enum TextLines {
    /// Calls `body` with each line of `text`, in order, until it returns true.
    static func forEach(in text: String, omittingEmpty: Bool = true, _ body: (Substring) -> Bool) {
        let utf8 = text.utf8
        let done: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else {
                if !omittingEmpty { _ = body(text[...]) }
                return
            }
            let count = bytes.count
            var start = 0, from = 0
            func line(_ range: Range<Int>) -> Substring {
                text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            }
            while from < count, let hit = memchr(base + from, 0x0A, count - from) {
                let lf = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                from = lf + 1
                if lf > 0, base[lf - 1] == 0x0D { continue }
                if !omittingEmpty || lf > start, body(line(start..<lf)) { return }
                start = lf + 1
            }
            if !omittingEmpty || count > start { _ = body(line(start..<count)) }
        }
        if done == nil {
            for line in text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty) where body(line) { return }
        }
    }

    /// The first `limit` lines of `text`.
    static func prefix(_ text: String, _ limit: Int, omittingEmpty: Bool = true) -> [Substring] {
        var out: [Substring] = []
        guard limit > 0 else { return out }
        forEach(in: text, omittingEmpty: omittingEmpty) { line in
            out.append(line)
            return out.count >= limit
        }
        return out
    }

    /// Every line of `text`.
    static func all(_ text: String, omittingEmpty: Bool = true) -> [Substring] {
        prefix(text, .max, omittingEmpty: omittingEmpty)
    }
}
