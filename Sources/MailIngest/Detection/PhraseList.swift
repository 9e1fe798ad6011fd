#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lower-case phrases compiled once to UTF-8 pieces and searched with `memchr`/`memcmp` in text that
/// ``PhraseText`` normalised: the detectors test hundreds of phrases per message, so this is their hot loop.
/// A `*` in a phrase matches any run of characters (the pieces must occur in order).
struct PhraseList: Sendable {
    /// The phrases as written.
    let phrases: [String]
    /// Each phrase split at `*`, as UTF-8 bytes.
    let pieces: [[[UInt8]]]
    /// Each phrase's byte-pair hashes (see ``PhraseText/pairHash(_:_:)``): a phrase whose pairs are not all in a
    /// text cannot occur in it, which rules out most phrases without a search.
    let pairs: [[Int]]

    init(_ phrases: [String]) {
        self.phrases = phrases
        pieces = phrases.map { phrase in
            phrase.split(separator: "*", omittingEmptySubsequences: true).map { Array($0.utf8) }
        }
        pairs = pieces.map { phrasePieces in
            var hashes = Set<Int>()
            for piece in phrasePieces where piece.count >= 2 {
                for index in 1..<piece.count { hashes.insert(PhraseText.pairHash(piece[index - 1], piece[index])) }
            }
            return hashes.sorted()
        }
    }

    /// True when phrase `index` occurs in `text`.
    func matches(_ index: Int, in text: PhraseText) -> Bool {
        pairs[index].allSatisfy(text.hasPair) && text.contains(pieces: pieces[index])
    }

    /// The index of the first phrase found in `text`, or nil.
    func firstMatch(in text: PhraseText) -> Int? {
        pieces.indices.first { matches($0, in: text) }
    }

    /// True when any phrase occurs in `text`.
    func matchesAny(_ text: PhraseText) -> Bool { firstMatch(in: text) != nil }

    /// How many phrases occur in `text`.
    func count(in text: PhraseText) -> Int { pieces.indices.reduce(0) { $0 + (matches($1, in: text) ? 1 : 0) } }
}

/// Text prepared for phrase search: lower-cased, whitespace runs (line ends and no-break spaces included) made
/// one space, trimmed, as UTF-8 bytes.
struct PhraseText: Sendable {
    let bytes: [UInt8]
    /// A 4,096-bit set of the byte pairs in ``bytes`` (hashed); empty when the text was made without it (for
    /// ``PhraseIndex``, which does not read it), and then every pair may occur.
    let pairSet: [UInt64]

    /// The hash of two adjacent bytes, 0..<4096.
    static func pairHash(_ a: UInt8, _ b: UInt8) -> Int { (Int(a) &* 61 &+ Int(b)) & 4095 }

    /// True when the pair with hash `hash` may occur in the text.
    func hasPair(_ hash: Int) -> Bool { pairSet.isEmpty || pairSet[hash >> 6] & (1 << UInt64(hash & 63)) != 0 }

    /// The text normalised; with `pairs` false, without the pair set (searches are as exact, only slower per phrase).
    init(_ text: String, pairs: Bool = true) {
        // ASCII text lower-cases byte by byte: no lower-cased copy is built. One pass over the contiguous UTF-8 bytes.
        var text = text
        let isASCII = text.withUTF8(CharacterPrefix.isASCII)
        var lower = isASCII ? text : text.lowercased()
        let out = lower.withUTF8 { input -> [UInt8] in
            let count = input.count
            return [UInt8](unsafeUninitializedCapacity: count) { output, written in
                var read = 0, write = 0, pendingSpace = false
                while read < count {
                    let byte = input[read]
                    read += 1
                    // Printable ASCII but the space, the common case, first. Folding is right for non-ASCII texts
                    // too: `lowercased()` left no upper-case ASCII letter in them.
                    if byte > 0x20 && byte < 0x7F {
                        if pendingSpace && write > 0 {
                            output[write] = 0x20
                            write += 1
                        }
                        pendingSpace = false
                        output[write] = ASCIIFold.fold(byte)
                        write += 1
                        continue
                    }
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                        pendingSpace = true
                    case 0xC2 where read < count && input[read] == 0xA0:
                        read += 1
                        pendingSpace = true
                    case 0xCC where read < count && input[read] == 0x87:
                        // "İ" lower-cases to "i" + U+0307 combining dot above: drop the dot.
                        read += 1
                    default:
                        // A run of spaces is one byte or more, so the output never outgrows the input.
                        if pendingSpace && write > 0 {
                            output[write] = 0x20
                            write += 1
                        }
                        pendingSpace = false
                        output[write] = isASCII ? ASCIIFold.fold(byte) : byte
                        write += 1
                    }
                }
                written = write
            }
        }
        bytes = out
        guard pairs else {
            pairSet = []
            return
        }
        var set = [UInt64](repeating: 0, count: 64)
        out.withUnsafeBufferPointer { normalised in
            guard normalised.count >= 2 else { return }
            for index in 1..<normalised.count {
                let hash = Self.pairHash(normalised[index - 1], normalised[index])
                set[hash >> 6] |= 1 << UInt64(hash & 63)
            }
        }
        pairSet = set
    }

    /// The normalised text as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// True when `pieces` occur in order.
    func contains(pieces: [[UInt8]]) -> Bool {
        var from = 0
        for piece in pieces {
            guard let end = find(piece, from: from) else { return false }
            from = end
        }
        return true
    }

    /// The offset just past the first occurrence of `needle` at or after `from`, or nil.
    func find(_ needle: [UInt8], from: Int) -> Int? {
        let count = bytes.count
        guard let first = needle.first, count - from >= needle.count else { return needle.isEmpty ? from : nil }
        return bytes.withUnsafeBufferPointer { hay -> Int? in
            needle.withUnsafeBufferPointer { pin -> Int? in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                var start = from
                let last = count - needle.count
                while start <= last {
                    guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    let offset = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + offset, pinBase, needle.count) == 0 { return offset + needle.count }
                    start = offset + 1
                }
                return nil
            }
        }
    }
}
