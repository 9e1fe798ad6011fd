import Foundation

/// A Maildir as a mail source for the daemon (users without IMAP, the demo): every `interval` it hands the messages
/// delivered to `new/` to the sink, which moves each to `cur/` once stored (``MaildirReader``). Messages already in
/// `cur/` are not read again: import them once with `ingestd ingest`.
struct MaildirSource: Sendable {
    /// The Maildir folder.
    let root: URL
    /// Time between two passes.
    var interval: Duration = .seconds(5)
    /// Messages handed to the sink at once (``InboundSink/accept(batch:)``: one store transaction each).
    var batchSize = 200

    /// One pass over `new/`; the arrival time is the file's modification time, else `now()`.
    func poll(into sink: any InboundSink, now: @Sendable () -> Date = { Date() }) async throws -> MaildirReader.Report {
        try await MaildirReader(root: root).read(includeCur: false, batchSize: batchSize) { files in
            _ = try await sink.accept(batch: files.map { (raw: $0.raw, source: nil, receivedAt: $0.arrival ?? now()) })
        }
    }

    /// Polls until the task is cancelled. A failed pass (the store is down) is retried at the next interval; the
    /// messages it did not store stay in `new/`. `onPass` sees each pass's report or error (ids and counts only).
    func run(into sink: any InboundSink,
             onPass: @Sendable (Result<MaildirReader.Report, any Error>) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                onPass(.success(try await poll(into: sink)))
            } catch {
                onPass(.failure(error))
            }
            try? await Task.sleep(for: interval)
        }
    }
}
