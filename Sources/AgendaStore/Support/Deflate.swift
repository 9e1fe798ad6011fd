import CZlib
import Foundation

/// DEFLATE (RFC 1951) in the zlib wrapper (RFC 1950) through the system zlib, for raw message bytes.
enum Deflate {
    /// Compresses `data` at level 6; nil if zlib fails (the caller then stores the bytes as they are).
    ///
    /// The window is the smallest that holds the whole input (RFC 1950 section 2.2: CINFO records it): for a message
    /// of a few KB the deflate stream is the same bytes as with the default 32 KB window, without allocating and
    /// clearing that window's tables for every message. Any zlib `uncompress` reads it.
    static func compress(_ data: Data) -> Data? {
        let count = data.count
        var windowBits: Int32 = 9
        // zlib keeps MIN_LOOKAHEAD (262) bytes out of the window's reach.
        while windowBits < 15, (1 << windowBits) < count + 262 { windowBits += 1 }
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(count)))
        var output = Data(count: bound)
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(bound)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.count = Int(stream.total_out)
        return output
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
