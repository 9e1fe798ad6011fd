public import Foundation

/// The model file: `IGDM`, a format byte, the JSON metadata's length and bytes, then the column hashes (UInt64),
/// the weights (Float32, feature-major) and the biases (Float32), all little-endian. Format 2 adds each column's
/// term weight (Float32, inverse document frequency) after the column hashes.
extension TextModel {
    /// Why a model file could not be read.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    private static let magic: [UInt8] = Array("IGDM".utf8)

    /// The model as bytes.
    public func encoded() throws -> Data {
        var data = Data(Self.magic)
        data.append(columnWeights == nil ? 1 : 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // the same model gives the same bytes
        let meta = try encoder.encode(metadata)
        append(UInt32(meta.count), to: &data)
        data.append(meta)
        append(UInt32(columnHashes.count), to: &data)
        for h in columnHashes { append(h, to: &data) }
        for w in columnWeights ?? [] { append(w.bitPattern, to: &data) }
        for w in regression.weights { append(w.bitPattern, to: &data) }
        for b in regression.biases { append(b.bitPattern, to: &data) }
        return data
    }

    /// Reads a model from bytes written by ``encoded()``.
    public init(decoding data: Data) throws {
        var reader = ByteReader(bytes: [UInt8](data))
        guard Array(try reader.take(4)) == Self.magic else { throw FileError(description: "not an ingestd model file") }
        let format = try reader.take(1).first ?? 0
        guard format == 1 || format == 2 else { throw FileError(description: "model file format \(format) is not supported") }
        let metaLength = Int(try reader.uint32())
        let metadata = try JSONDecoder().decode(Metadata.self, from: Data(try reader.take(metaLength)))
        let columnCount = Int(try reader.uint32())
        var hashes: [UInt64] = []
        hashes.reserveCapacity(columnCount)
        for _ in 0..<columnCount { hashes.append(try reader.uint64()) }
        var columnWeights: [Float]?
        if format == 2 {
            var read: [Float] = []
            read.reserveCapacity(columnCount)
            for _ in 0..<columnCount { read.append(Float(bitPattern: try reader.uint32())) }
            columnWeights = read
        }
        let classes = metadata.labels.count
        var weights: [Float] = []
        weights.reserveCapacity(columnCount * classes)
        for _ in 0..<(columnCount * classes) { weights.append(Float(bitPattern: try reader.uint32())) }
        var biases: [Float] = []
        for _ in 0..<classes { biases.append(Float(bitPattern: try reader.uint32())) }
        guard reader.atEnd else { throw FileError(description: "model file has trailing bytes") }
        self.init(metadata: metadata, columnHashes: hashes, columnWeights: columnWeights,
                  regression: SoftmaxRegression(weights: weights, biases: biases, classes: classes, features: columnCount))
    }

    private func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}

/// Reads little-endian values from bytes, failing cleanly at the end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else {
            throw TextModel.FileError(description: "model file is truncated")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() throws -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint64() throws -> UInt64 {
        try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
