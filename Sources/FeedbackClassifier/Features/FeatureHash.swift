/// FNV-1a, 64 bits: a stable hash of feature names (the same on every machine and run, unlike `Hasher`).
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(kind: UInt8) { add(kind) }

    /// Continues a hash from a state computed before (a common prefix).
    init(state: UInt64) { value = state }

    mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        var v = scalar.value
        repeat {
            add(UInt8(truncatingIfNeeded: v))
            v >>= 8
        } while v != 0
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    mutating func add<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { add(s) }
    }
}
