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
        var pairs: [(Int32, Float)] = []
        pairs.reserveCapacity(counts.count)
        if let weights {
            counts.forEach { hash, count in
                if let column = columns[hash] { pairs.append((column, (1 + log(count)) * weights[Int(column)])) }
            }
        } else {
            counts.forEach { hash, count in
                if let column = columns[hash] { pairs.append((column, 1 + log(count))) }
            }
        }
        pairs.sort { $0.0 < $1.0 }
        let norm = sqrt(pairs.reduce(Float(0)) { $0 + $1.1 * $1.1 })
        indices = pairs.map(\.0)
        values = norm > 0 ? pairs.map { $0.1 / norm } : pairs.map(\.1)
    }
}
