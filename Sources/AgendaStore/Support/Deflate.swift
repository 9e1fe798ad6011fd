import CZlib
import Foundation

/// DEFLATE (RFC 1951) in the zlib wrapper (RFC 1950) through the system zlib, for raw message bytes.
enum Deflate {
    /// Compresses `data`; nil if zlib fails (the caller then stores the bytes as they are).
    static func compress(_ data: Data) -> Data? {
        let bound = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(bound))
        var outputLength = bound
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            let source = input.bindMemory(to: Bytef.self).baseAddress
            return output.withUnsafeMutableBufferPointer { out in
                compress2(out.baseAddress, &outputLength, source, uLong(data.count), 6)
            }
        }
        guard status == Z_OK else { return nil }
        return Data(output[0..<Int(outputLength)])
    }

    /// Decompresses to exactly `size` bytes; nil when the data is corrupt or the size differs.
    static func decompress(_ data: Data, size: Int) -> Data? {
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var outputLength = uLong(size)
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            let source = input.bindMemory(to: Bytef.self).baseAddress
            return output.withUnsafeMutableBufferPointer { out in
                uncompress(out.baseAddress, &outputLength, source, uLong(data.count))
            }
        }
        guard status == Z_OK, Int(outputLength) == size else { return nil }
        return Data(output[0..<size])
    }
}
