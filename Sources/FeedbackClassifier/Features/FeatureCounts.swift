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

/// Feature hash -> column, open addressing as ``FeatureCounts``. Key and column share one slot (16 bytes), so a
/// lookup touches one cache line: the table is megabytes and most lookups miss the caches.
struct ColumnIndex: Sendable {
    private struct Slot { var key: UInt64; var column: Int32 }
    private var slots: [Slot]
    private let mask: Int

    init(_ hashes: [UInt64]) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, column: -1), count: capacity)
        mask = capacity - 1
        for (column, raw) in hashes.enumerated() {
            let key = raw == 0 ? 1 : raw
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while slots[i].key != 0 && slots[i].key != key { i = (i + 1) & mask }
            slots[i] = Slot(key: key, column: Int32(column))
        }
    }

    /// The column of `hash`, or nil when training never kept it.
    subscript(_ raw: UInt64) -> Int32? {
        let key = raw == 0 ? 1 : raw
        return slots.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while table[i].key != 0 {
                if table[i].key == key { return table[i].column }
                i = (i + 1) & mask
            }
            return nil
        }
    }
}
