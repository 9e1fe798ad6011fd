import CZstd
import Foundation
import Synchronization

/// Zstandard frames (RFC 8878) through the system libzstd: how raw message bytes are stored since migration 13.
///
/// At level 1 it makes the stored bytes as small as DEFLATE level 1 did on the fixture messages (38% of their size)
/// for about a third of the CPU (13 µs against 47 µs a message there; 3.5 µs against 8 µs for the IMAP benchmark's
/// 4 KB message), measured in C on this machine. Rows written before keep `deflate` and still read (``Deflate``).
enum Zstd {
    /// Compression contexts between uses. A context allocates its tables on first use; reusing one is what makes
    /// level 1 cheap (a fresh context per 4 KB message cost 12 µs instead of 3.5 µs).
    private static let idle = Mutex<[Context]>([])
    /// At most this many contexts wait for reuse (one per core that seals a batch is enough).
    private static let keptContexts = 8

    /// `data` as one zstd frame at level 1, with its content size in the header; nil if libzstd fails (the caller
    /// then stores the bytes as they are).
    static func compress(_ data: Data) -> Data? {
        guard let context = idle.withLock({ $0.popLast()?.pointer }) ?? ZSTD_createCCtx() else { return nil }
        defer {
            let kept = idle.withLock { contexts in
                guard contexts.count < keptContexts else { return false }
                contexts.append(Context(pointer: context))
                return true
            }
            if !kept { ZSTD_freeCCtx(context) }
        }
        let capacity = ZSTD_compressBound(data.count)
        // Handed to the Data without a copy or a zero fill, as ``Deflate`` did.
        guard let buffer = malloc(max(capacity, 1)) else { return nil }
        let written = data.withUnsafeBytes { input in
            ZSTD_compressCCtx(context, buffer, capacity, input.baseAddress, input.count, 1)
        }
        guard ZSTD_isError(written) == 0 else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: written, deallocator: .free)
    }

    /// A `ZSTD_CCtx` waiting in the pool: whoever takes it out is its only user until it is put back.
    private struct Context: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Decompresses one frame to exactly `size` bytes; nil when the data is corrupt or its size differs.
    static func decompress(_ data: Data, size: Int) -> Data? {
        let declared = data.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        guard size >= 0, declared == UInt64(size) else { return nil }
        var output = Data(count: size)
        let written = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                ZSTD_decompress(out.baseAddress, out.count, input.baseAddress, input.count)
            }
        }
        guard ZSTD_isError(written) == 0, written == size else { return nil }
        return output
    }
}
