internal import Foundation
private import CLibEtpan

/// Owns one `mailmime_parse` result and the buffer it points into. The buffer is a private heap copy of the input
/// that never moves and outlives the tree: `deinit` frees the tree (`mailmime_free`) first, then the buffer.
final class LibEtpanMIMEDocument {
    /// The input copy, one NUL byte past its end (libetpan compares with `strncmp`).
    private let buffer: UnsafeMutableRawBufferPointer
    private let count: Int
    private var tree: UnsafeMutablePointer<mailmime>?
    private let status: Int

    init(_ bytes: Data) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count + 1, alignment: 1)
        bytes.withUnsafeBytes { source in buffer.copyMemory(from: source) }
        buffer[bytes.count] = 0
        self.buffer = buffer
        count = bytes.count
        var index = 0
        var result: UnsafeMutablePointer<mailmime>? = nil
        let start = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
        status = Int(mailmime_parse(start, count, &index, &result))
        tree = status == MAILIMF_NO_ERROR ? result : nil
        if status != MAILIMF_NO_ERROR, let result { mailmime_free(result) }
    }

    deinit {
        if let tree { mailmime_free(tree) }
        buffer.deallocate()
    }

    /// The tree as Swift values. libetpan's root is a message/rfc822 wrapper around the top entity; the summary
    /// starts at that entity, which is our path `1`.
    func summary() -> LibEtpanMIME.Summary {
        var walk = LibEtpanMIMEWalk(base: UInt(bitPattern: buffer.baseAddress), count: count)
        let root = tree.flatMap { walk.top(of: UnsafeMutableRawPointer($0)) }
        return LibEtpanMIME.Summary(status: status, root: root, anomalies: walk.anomalies)
    }
}
