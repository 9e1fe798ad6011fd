#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cheap line tests that let ``ReportText/splitReturnedCopy(_:)`` skip the phrase search on nearly every line of a
/// message: a returned copy starts at a marker line, and every marker holds one of a few words.
extension ReportText {
    /// A cheap test before the marker search (after ``mayHoldMarkerWord(_:)``): every marker has a dash, a colon,
    /// non-ASCII text, or one of the words "message", "original", "header", "copy" in some case.
    static func mayBeMarker(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in line {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte >= 0x80 { return true }
            let lower = byte | 0x20
            // "ge" (message), "al" (original), "er" (header), "py" (copy), case-insensitive.
            let pair = (previous | 0x20, lower)
            if pair == (UInt8(ascii: "g"), UInt8(ascii: "e")) || pair == (UInt8(ascii: "a"), UInt8(ascii: "l"))
                || pair == (UInt8(ascii: "e"), UInt8(ascii: "r")) || pair == (UInt8(ascii: "p"), UInt8(ascii: "y")) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// The offset of the first LF at or after `from`, or the count (`memchr`).
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + from, 0x0A, bytes.count - from) else { return bytes.count }
        return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Words one of which every ASCII marker (in ``copyMarkers`` and ``bareMarkers``) holds, lower-case: "messag",
    /// "origin", "header", "copy". ``mayHoldMarkerWord(_:)`` compares their first four letters as one 32-bit word.
    static let markerWords: [[UInt8]] = ["messag", "origin", "header", "copy"].map { Array($0.utf8) }

    /// Four lower-case ASCII letters as the little-endian 32-bit word their bytes make in memory.
    private static func word(_ letters: StaticString) -> UInt32 {
        let bytes = letters.utf8Start
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    private static let mess = word("mess"), orig = word("orig"), head = word("head"), copy = word("copy")

    /// The first cheap test: the line has non-ASCII text (the Japanese markers; lower-casing and the dropped dot of
    /// "İ" change only such text) or one of ``markerWords`` in some case. Setting bit 5 of each byte lower-cases ASCII
    /// letters and maps no other byte onto a lower-case letter, so four bytes that equal a word's first four letters
    /// after it hold them in some case. Sixteen starting offsets are tested at once with two 16-byte loads, three
    /// bytes apart: a word can start only where the first byte is its first letter and the fourth its fourth
    /// ("c..y", "m..s", "o..g", "h..d"), and the same loads show any byte with the high bit set. A block that passes
    /// this necessary test has its 16 offsets checked by the exact scalar test. Lines shorter than a block go to the
    /// scalar loop alone.
    static func mayHoldMarkerWord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = line.count
        guard count >= 19, let base = line.baseAddress else {
            if !CharacterPrefix.isASCII(line) { return true }
            guard count >= 4, let base = line.baseAddress else { return false }
            return scalarMayHoldMarkerWord(base, count: count, from: 0)
        }
        let raw = UnsafeRawPointer(base), lastBlock = count - 19
        var start = 0
        while true {
            // The last block overlaps the one before it rather than leaving a tail to the scalar loop.
            let block = min(start, lastBlock)
            switch blockMayHoldMarkerWord(raw + block) {
            case .nonASCII:
                return true
            case .maybe:
                if scalarMayHoldMarkerWord(base, count: count, from: block, to: block + 15) { return true }
            case .no:
                break
            }
            if block == lastBlock { return false }
            start += 16
        }
    }

    /// The byte range of the first line (split at LF) that ``isMarkerLine(_:)`` accepts, or nil.
    ///
    /// The block test of ``mayHoldMarkerWord(_:)`` runs over the whole text rather than line by line: a marker word
    /// never spans an LF (with bit 5 set it is `*`, no letter), so a line that holds a word or a non-ASCII byte makes
    /// some block of the text hit. Only the lines a hitting block touches are tested, in order, each once; lines
    /// no block hits cannot pass ``mayHoldMarkerWord(_:)``. Texts shorter than a block are tested line by line.
    static func firstMarkerLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let count = bytes.count
        guard count >= 19, let base = bytes.baseAddress else { return firstMarkerLineByLines(bytes) }
        let raw = UnsafeRawPointer(base), lastBlock = count - 19
        // Lines starting before `untested` have been tested.
        var position = 0, untested = 0
        while true {
            let block = min(position, lastBlock)
            if blockMayHoldMarkerWord(raw + block) != .no {
                // The start of the line holding `block`, or `untested` when that line was tested already.
                var start = block
                while start > untested, base[start - 1] != 0x0A { start -= 1 }
                start = max(start, untested)
                while start < count, start <= block + 18 {
                    let stop = lineEnd(bytes, from: start)
                    if isMarkerLine(UnsafeBufferPointer(rebasing: bytes[start..<stop])) { return start..<stop }
                    start = stop + 1
                }
                untested = max(untested, start)
            }
            if block == lastBlock || untested >= count { return nil }
            position = max(block + 16, untested)
        }
    }

    /// ``firstMarkerLine(_:)`` testing every line.
    static func firstMarkerLineByLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        let count = bytes.count
        while start <= count {
            let stop = lineEnd(bytes, from: start)
            if isMarkerLine(UnsafeBufferPointer(rebasing: bytes[start..<stop])) { return start..<stop }
            start = stop + 1
        }
        return nil
    }

    /// What ``blockMayHoldMarkerWord(_:)`` saw.
    private enum BlockTest {
        case no, maybe, nonASCII
    }

    /// Whether a marker word's first and fourth letters (in some case) are at one of the 16 offsets from `block` and
    /// three after it, or a byte of the 19 has its high bit set (reads 19 bytes).
    @inline(__always)
    private static func blockMayHoldMarkerWord(_ block: UnsafeRawPointer) -> BlockTest {
        let fold = SIMD16<UInt8>(repeating: 0x20)
        let raw0 = block.loadUnaligned(as: SIMD16<UInt8>.self)
        let raw3 = (block + 3).loadUnaligned(as: SIMD16<UInt8>.self)
        let high = unsafeBitCast(raw0 | raw3, to: SIMD2<UInt64>.self)
        if (high[0] | high[1]) & 0x8080_8080_8080_8080 != 0 { return .nonASCII }
        let b0 = raw0 | fold, b3 = raw3 | fold
        func letter(_ ascii: Unicode.Scalar) -> SIMD16<UInt8> { SIMD16(repeating: UInt8(ascii: ascii)) }
        let copy = (b0 .== letter("c")) .& (b3 .== letter("y"))
        let mess = (b0 .== letter("m")) .& (b3 .== letter("s"))
        let orig = (b0 .== letter("o")) .& (b3 .== letter("g"))
        let head = (b0 .== letter("h")) .& (b3 .== letter("d"))
        // The lanes of a mask are 0 or all ones: test the 16 bytes as two words (`any` is a generic reduction).
        let hits = unsafeBitCast(copy .| mess .| orig .| head, to: SIMD2<UInt64>.self)
        return hits[0] | hits[1] != 0 ? .maybe : .no
    }

    /// The one-offset-at-a-time test from `from` to the end of the line, or to offset `last`.
    private static func scalarMayHoldMarkerWord(_ base: UnsafePointer<UInt8>, count: Int, from: Int,
                                                to last: Int = .max) -> Bool {
        guard from <= count - 4 else { return false }
        let raw = UnsafeRawPointer(base)
        let mess = Self.mess, orig = Self.orig, head = Self.head, copy = Self.copy
        func ends(_ index: Int, _ first: UInt8, _ second: UInt8) -> Bool {
            index + 6 <= count && base[index + 4] | 0x20 == first && base[index + 5] | 0x20 == second
        }
        for index in from...min(count - 4, last) {
            let folded = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)) | 0x2020_2020
            switch folded {
            case copy: return true
            case mess: if ends(index, UInt8(ascii: "a"), UInt8(ascii: "g")) { return true }
            case orig: if ends(index, UInt8(ascii: "i"), UInt8(ascii: "n")) { return true }
            case head: if ends(index, UInt8(ascii: "e"), UInt8(ascii: "r")) { return true }
            default: continue
            }
        }
        return false
    }
}
