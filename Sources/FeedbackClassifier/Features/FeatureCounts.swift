/// Hashed feature counts of one text: an open-addressing table keyed by the feature hashes themselves (already
/// uniform, so no further hashing), much cheaper than a `Dictionary`, whose seeded hashing dominated prediction time.
public struct FeatureCounts: Sendable {
    private var keys: [UInt64]
    private var values: [Float]
    private var mask: Int
    /// Number of distinct features.
    public private(set) var count = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Float](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The slot of `key` (0 is the empty marker, so a zero hash is stored as 1).
    private func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// Adds `amount` to `key`'s count.
    mutating func add(_ rawKey: UInt64, _ amount: Float = 1) {
        let key = rawKey == 0 ? 1 : rawKey
        if count * 2 >= keys.count { grow() }
        let i = slot(key)
        if keys[i] == 0 { keys[i] = key; count += 1 }
        values[i] += amount
    }

    /// Sets `key`'s count to `value`.
    mutating func set(_ rawKey: UInt64, _ value: Float) {
        let key = rawKey == 0 ? 1 : rawKey
        if count * 2 >= keys.count { grow() }
        let i = slot(key)
        if keys[i] == 0 { keys[i] = key; count += 1 }
        values[i] = value
    }

    /// Calls `body` with each feature hash and its count, in table order.
    public func forEach(_ body: (UInt64, Float) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i], values[i]) }
    }

    /// The feature hashes, in table order.
    public var hashes: [UInt64] { keys.filter { $0 != 0 } }

    private mutating func grow() {
        var bigger = FeatureCounts(expected: keys.count)
        forEach { bigger.add($0, $1) }
        self = bigger
    }
}

/// Feature hash -> column, open addressing as ``FeatureCounts``. A slot is 8 bytes: the column and the hash's upper
/// 32 bits as a tag (the slot index comes from its lower bits), so the table of a 52,000-column model is 1 MB and more
/// of it stays in the caches (most lookups are of features the model never kept and missed the caches).
struct ColumnIndex: Sendable {
    private struct Slot { var tag: UInt32; var column: Int32 }
    private var slots: [Slot]
    private let mask: Int

    init(_ hashes: [UInt64]) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(tag: 0, column: -1), count: capacity)
        mask = capacity - 1
        for (column, raw) in hashes.enumerated() {
            let key = raw == 0 ? 1 : raw
            let tag = UInt32(truncatingIfNeeded: key >> 32)
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while slots[i].column >= 0 && slots[i].tag != tag { i = (i + 1) & mask }
            if slots[i].column < 0 { slots[i] = Slot(tag: tag, column: Int32(column)) }
        }
    }

    /// The column of `hash`, or nil when training never kept it. Two kept hashes that share the slot chain and the
    /// tag (about one in 4 billion) share the first one's column.
    subscript(_ raw: UInt64) -> Int32? {
        let key = raw == 0 ? 1 : raw
        let tag = UInt32(truncatingIfNeeded: key >> 32)
        return slots.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while table[i].column >= 0 {
                if table[i].tag == tag { return table[i].column }
                i = (i + 1) & mask
            }
            return nil
        }
    }
}
