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
        guard var context = idle.withLock({ $0.popLast() }) ?? Context() else { return nil }
        defer {
            let kept = idle.withLock { contexts in
                guard contexts.count < keptContexts else { return false }
                contexts.append(context)
                return true
            }
            if !kept { context.free() }
        }
        let capacity = ZSTD_compressBound(data.count)
        guard context.reserve(capacity) else { return nil }
        let written = data.withUnsafeBytes { input in
            ZSTD_compressCCtx(context.pointer, context.output, capacity, input.baseAddress, input.count, 1)
        }
        guard ZSTD_isError(written) == 0 else { return nil }
        // Copied out at its compressed size: a buffer of the bound's size per message, held until the batch is
        // stored, made every batch grow the heap again (page faults were a third of this function's cost).
        return Data(bytes: context.output, count: written)
    }

    /// A `ZSTD_CCtx` and its output buffer, waiting in the pool: whoever takes them out is their only user until
    /// they are put back.
    private struct Context: @unchecked Sendable {
        let pointer: OpaquePointer
        private(set) var output: UnsafeMutableRawPointer
        private var capacity = 64 << 10

        init?() {
            guard let pointer = ZSTD_createCCtx() else { return nil }
            guard let output = malloc(capacity) else {
                ZSTD_freeCCtx(pointer)
                return nil
            }
            self.pointer = pointer
            self.output = output
        }

        /// Makes the output buffer hold at least `bytes`.
        mutating func reserve(_ bytes: Int) -> Bool {
            guard bytes > capacity else { return true }
            guard let grown = realloc(output, bytes) else { return false }
            output = grown
            capacity = bytes
            return true
        }

        func free() {
            ZSTD_freeCCtx(pointer)
            Foundation.free(output)
        }
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
