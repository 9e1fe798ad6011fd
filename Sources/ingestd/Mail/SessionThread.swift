import Dispatch

/// Runs one mailbox's blocking IMAP calls on a serial dispatch queue of its own, never on the cooperative pool
/// (libetpan blocks in read/write; C-LIBRARIES.md). Everything touching the session goes through ``run(_:)``, so the
/// session is only ever used by one thread at a time.
final class SessionThread: Sendable {
    private let queue: DispatchQueue

    /// Makes the queue, labelled for debuggers.
    init(label: String) {
        queue = DispatchQueue(label: "ingestd.imap." + label, qos: .utility)
    }

    /// Runs `body` on the queue and returns its result to the awaiting task.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
