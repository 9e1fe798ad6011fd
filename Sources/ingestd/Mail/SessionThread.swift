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

    /// Queues `body` now, behind everything queued before and ahead of everything queued after, and returns a task
    /// that awaits its result: the way to pipeline commands on one session without waiting for each.
    func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Task<T, any Error> {
        let (stream, continuation) = AsyncThrowingStream<T, any Error>.makeStream()
        queue.async {
            do {
                continuation.yield(try body())
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return Task {
            for try await value in stream { return value }
            throw CancellationError()
        }
    }
}
