import CZlib
import Foundation

/// DEFLATE (RFC 1951) in the zlib wrapper (RFC 1950) through the system zlib: how raw message bytes were stored
/// before migration 13 (now ``Zstd``). Those rows still read through ``decompress(_:size:)``; ``compress(_:)``
/// writes such rows in tests.
enum Deflate {
    /// Compresses `data` at level 1 (the fastest: about 40% less CPU than level 6 for about 5% more bytes on mail);
    /// nil if zlib fails (the caller then stores the bytes as they are).
    ///
    /// The window is sized to the message (RFC 1950's CINFO records it, so any inflater reads the result) and the
    /// hash table is 8K entries instead of 32K: with zlib's defaults every call allocates about 256 KB, which glibc
    /// maps and unmaps each time (65 µs for a 4 KB message, against 14 µs here, at the same compressed size).
    static func compress(_ data: Data) -> Data? {
        var windowBits: Int32 = 9
        while windowBits < 15, 1 << windowBits < data.count + 262 { windowBits += 1 }  // 262: zlib's MIN_LOOKAHEAD
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, windowBits, 6, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        // The output buffer is malloc'ed uninitialised and handed to the Data without a copy (a zero-filled
        // `Data(count:)` showed as 2% of the IMAP benchmark's CPU).
        let capacity = Int(deflateBound(&stream, uLong(data.count)))
        guard let buffer = malloc(max(capacity, 1)) else { return nil }
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = buffer.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(capacity)
            return deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: Int(stream.total_out), deallocator: .free)
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
