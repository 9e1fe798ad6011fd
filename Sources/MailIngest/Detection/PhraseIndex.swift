#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Many phrases searched in one pass over a ``PhraseText``: the phrases are filed by a hash of their first four
/// bytes, and the pass hashes the four bytes at each offset of the text, comparing only the few phrases filed there.
/// Testing each phrase of a list on its own costs per phrase, whatever the text's length; the auto-reply lists hold
/// hundreds, while most texts searched are a few lines.
///
/// Exact: a phrase without `*` of four bytes or more occurs in the text iff its bytes equal the text's at some
/// offset, and that offset hashes to the phrase's bucket; the others (a `*`, or under four bytes) are tested one by
/// one with ``PhraseList``.
struct PhraseIndex: Sendable {
    /// One phrase filed in a bucket.
    struct Slot: Sendable {
        /// The phrase's first four bytes, as loaded from memory.
        var word: UInt32
        /// The phrase's index in the input.
        var phrase: Int32
        /// Where its bytes start in ``bytes``, and how many.
        var offset: Int32
        var length: Int32
    }

    /// Bits of the bucket hash.
    static let bucketBits = 12
    /// The phrases in input order, as given.
    let phrases: [String]
    /// `bucketStarts[b]..<bucketStarts[b + 1]`: the slots of bucket `b`.
    let bucketStarts: [Int32]
    /// The slots, bucket after bucket.
    let slots: [Slot]
    /// The slots' phrase bytes, one after another.
    let bytes: [UInt8]
    /// The phrases the pass cannot find, as a list, and their indices in the input.
    let others: PhraseList
    let otherIndices: [Int]

    /// The bucket of four bytes loaded as one word.
    @inline(__always)
    static func bucket(_ word: UInt32) -> Int { Int((word &* 0x9E37_79B1) >> UInt32(32 - bucketBits)) }

    /// The four bytes at `pointer` as one word (the same on any byte order for equal bytes).
    @inline(__always)
    static func word(_ pointer: UnsafeRawPointer) -> UInt32 { pointer.loadUnaligned(as: UInt32.self) }

    init(_ phrases: [String]) {
        self.phrases = phrases
        var filed: [(bucket: Int, slot: Slot)] = []
        var bytes: [UInt8] = []
        var others: [String] = []
        var otherIndices: [Int] = []
        for (index, phrase) in phrases.enumerated() {
            let utf8 = Array(phrase.utf8)
            guard utf8.count >= 4, !utf8.contains(UInt8(ascii: "*")) else {
                others.append(phrase)
                otherIndices.append(index)
                continue
            }
            let word = utf8.withUnsafeBytes { Self.word($0.baseAddress!) }
            filed.append((Self.bucket(word), Slot(word: word, phrase: Int32(index), offset: Int32(bytes.count),
                                                  length: Int32(utf8.count))))
            bytes += utf8
        }
        // A stable sort: within a bucket the slots keep input order.
        filed = filed.enumerated().sorted { ($0.element.bucket, $0.offset) < ($1.element.bucket, $1.offset) }
            .map(\.element)
        var starts = [Int32](repeating: 0, count: (1 << Self.bucketBits) + 1)
        for entry in filed { starts[entry.bucket + 1] += 1 }
        for bucket in 0..<(1 << Self.bucketBits) { starts[bucket + 1] += starts[bucket] }
        bucketStarts = starts
        slots = filed.map(\.slot)
        self.bytes = bytes
        self.others = PhraseList(others)
        self.otherIndices = otherIndices
    }

    /// Calls `found` with the input index of each phrase that occurs in `text`, until it returns true; a phrase
    /// may be reported more than once (once per offset it occurs at). Returns true when `found` stopped the search.
    @discardableResult
    func forEachMatch(in text: PhraseText, _ found: (Int) -> Bool) -> Bool {
        let stopped = text.bytes.withUnsafeBufferPointer { hay -> Bool in
            let count = hay.count
            guard count >= 4, let base = hay.baseAddress else { return false }
            return bucketStarts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    bytes.withUnsafeBufferPointer { phraseBytes in
                        let raw = UnsafeRawPointer(base)
                        for offset in 0...(count - 4) {
                            let word = Self.word(raw + offset)
                            let bucket = Self.bucket(word)
                            var slot = Int(starts[bucket])
                            let end = Int(starts[bucket + 1])
                            while slot < end {
                                let candidate = slots[slot]
                                slot += 1
                                guard candidate.word == word else { continue }
                                let length = Int(candidate.length)
                                guard offset + length <= count else { continue }
                                if length == 4 || memcmp(base + offset + 4, phraseBytes.baseAddress! + Int(candidate.offset) + 4,
                                                         length - 4) == 0 {
                                    if found(Int(candidate.phrase)) { return true }
                                }
                            }
                        }
                        return false
                    }
                }
            }
        }
        if stopped { return true }
        for (listIndex, index) in otherIndices.enumerated() where others.matches(listIndex, in: text) {
            if found(index) { return true }
        }
        return false
    }

    /// True when any phrase occurs in `text`.
    func matchesAny(_ text: PhraseText) -> Bool { forEachMatch(in: text) { _ in true } }
}
