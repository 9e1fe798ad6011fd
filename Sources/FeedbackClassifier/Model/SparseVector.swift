import Foundation

/// A sparse row: column indices (ascending) and values.
public struct SparseVector: Sendable, Hashable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// Maps hashed counts to the known columns, with sublinear term frequency (1 + ln tf) and L2 normalisation.
    /// Unknown hashes are dropped.
    /// `weights`, when given, scales each column (inverse document frequency) before the normalisation.
    init(counts: FeatureCounts, columns: ColumnIndex, weights: [Float]? = nil) {
        // Column (high half) and value bits (low half) in one integer: columns are unique, so sorting the integers
        // orders by column, much faster than sorting tuples with a closure.
        var packed: [UInt64] = []
        packed.reserveCapacity(counts.count)
        counts.forEach { hash, count in
            guard let column = columns[hash] else { return }
            var value = 1 + log(count)
            if let weights { value *= weights[Int(column)] }
            packed.append(UInt64(UInt32(bitPattern: column)) << 32 | UInt64(value.bitPattern))
        }
        packed.sort()
        var indices = [Int32](repeating: 0, count: packed.count)
        var values = [Float](repeating: 0, count: packed.count)
        var squares: Float = 0
        for (i, p) in packed.enumerated() {
            indices[i] = Int32(bitPattern: UInt32(truncatingIfNeeded: p >> 32))
            values[i] = Float(bitPattern: UInt32(truncatingIfNeeded: p))
            squares = squares + values[i] * values[i]
        }
        let norm = sqrt(squares)
        if norm > 0 { for i in values.indices { values[i] /= norm } }
        self.indices = indices
        self.values = values
    }
}
