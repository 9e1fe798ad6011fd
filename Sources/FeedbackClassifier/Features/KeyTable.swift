/// A frozen map from 64-bit keys to small integers, open addressing on the keys themselves: the keys are FNV-1a
/// hashes already (``IntentCues/key(_:)``), so no seeded re-hashing per lookup as in `Dictionary`, whose hashing was a
/// visible part of the concept matching.
struct KeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int

    /// The table of `pairs` (keys distinct).
    init(_ pairs: [(key: UInt64, value: Int32)]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (raw, value) in pairs {
            let key = raw == 0 ? 1 : raw
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }

    /// The value of `raw`, or nil.
    subscript(_ raw: UInt64) -> Int? {
        let key = raw == 0 ? 1 : raw
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[i] != 0 {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        return nil
    }
}
