import AgendaStore
import Foundation
import MailIngest
import Synchronization

/// Opens a logged-in session for an account (connect, TLS, login); runs on the mailbox's ``SessionThread``.
typealias IMAPSessionFactory = @Sendable (IMAPConnectionSettings) throws -> any IMAPMailboxSession

/// The session as the session thread holds it: only ever touched from that thread.
final class SessionBox: @unchecked Sendable {
    let session: any IMAPMailboxSession
    /// Set when a pass's read-write SELECT (before its marks) showed mail that arrived after the pass opened the
    /// mailbox: the server counts it as told, so IDLE would not announce it; the poller runs another pass instead.
    var arrivedSinceOpen = false
    init(_ session: any IMAPMailboxSession) { self.session = session }
}

/// Polls one mailbox for as long as its task runs: connect, SELECT, run a ``MailboxSyncPass`` (fetch, hand to the
/// sink, mark after the sink returned), wait with IDLE or a poll interval, and on failure reconnect with backoff.
/// One poller per mailbox, each with its own session thread.
struct MailboxPoller: Sendable {
    /// The mailbox and how to sync it.
    var mailbox: PolledMailbox
    /// Where messages go.
    var sink: any InboundSink
    /// Where the cursor is read and advanced.
    var state: any MailboxStateStore
    /// Status for UI and metrics.
    var board: MailboxStatusBoard
    /// Opens sessions.
    var connect: IMAPSessionFactory
    /// Reconnect delays.
    var backoff = ReconnectBackoff()
    /// Batches fetched and staged ahead of the one being stored (each holds up to a batch of raw messages in memory).
    var fetchAhead = 2
    /// Cleared once the server refuses a second session: marks then stay on the fetching session.
    let markLanes = MarkLane.Allowance()
    /// Longest single IDLE, so cancellation is noticed within this bound (IDLE cannot be interrupted from outside).
    var idleSlice: Duration = .seconds(30)
    /// Clock for status and `receivedAt` fallback.
    var now: @Sendable () -> Date = { Date() }

    /// Runs until the task is cancelled.
    func run() async {
        let thread = SessionThread(label: mailbox.key)
        var attempt = 0
        var reconciled = false
        var random = SystemRandomNumberGenerator()
        while !Task.isCancelled {
            var box: SessionBox?
            do {
                await board.phase(mailbox.key, .connecting)
                let settings = mailbox.account
                let connect = self.connect
                let opened = try await thread.run { SessionBox(try connect(settings)) }
                box = opened
                var firstOnConnection = true
                while !Task.isCancelled {
                    await board.phase(mailbox.key, .syncing)
                    _ = try await pass(opened, thread: thread, marksReconciled: reconciled,
                                       readOnlyUntilMarks: firstOnConnection)
                    firstOnConnection = false
                    reconciled = true
                    attempt = 0
                    await board.succeeded(mailbox.key, at: now())
                    try await wait(opened, thread: thread)
                }
            } catch is CancellationError {
                break
            } catch {
                reconciled = false  // a mark may have been cut off: re-mark at the next pass
                attempt += 1
                let failure = (error as? IMAPError).map(SyncFailure.init) ?? .transient
                await board.failed(mailbox.key, error: Self.redacted(error), needsAttention: failure == .configuration,
                                   at: now())
                if let box { try? await thread.run { box.session.logout() } }
                box = nil
                let delay = failure == .configuration ? backoff.maximum : backoff.delay(attempt: attempt, using: &random)
                try? await Task.sleep(for: delay)
                continue
            }
            if let box { try? await thread.run { box.session.logout() } }
        }
        await board.phase(mailbox.key, .stopped)
    }

    /// Connects once and runs passes until one fetches nothing (used by `ingestd poll --until-idle`, tests and
    /// benchmarks); any failure is thrown, nothing is retried. Returns the number of messages fetched.
    func drain() async throws -> Int {
        let thread = SessionThread(label: mailbox.key)
        let settings = mailbox.account, connect = self.connect
        let box = try await thread.run { SessionBox(try connect(settings)) }
        do {
            var total = 0, reconciled = false
            while true {
                let outcome = try await pass(box, thread: thread, marksReconciled: reconciled,
                                             readOnlyUntilMarks: !reconciled)
                reconciled = true
                total += outcome.fetched
                await board.succeeded(mailbox.key, at: now())
                if outcome.fetched == 0 { break }
            }
            try await thread.run { box.session.logout() }
            return total
        } catch {
            try? await thread.run { box.session.logout() }
            throw error
        }
    }

    /// Runs one complete pass on an open session; returns its outcome. Throws on any IMAP or store failure, leaving
    /// the cursor wherever the store's transactions left it.
    ///
    /// With `readOnlyUntilMarks` (the first pass on a connection, the one that catches up) the mailbox is opened
    /// read-only (EXAMINE) and selected read-write only just before the pass's first mark on this session: the
    /// server's own write work on opening a mailbox read-write (Dovecot moves every message of a Maildir's `new` to
    /// `cur`, 17 µs a message) then comes after the messages are stored, with the marks, instead of before the first
    /// fetch. Later passes select read-write at once (the mailbox is small again, and one SELECT is cheaper than two).
    func pass(_ box: SessionBox, thread: SessionThread, marksReconciled: Bool,
              readOnlyUntilMarks: Bool = false) async throws -> MailboxSyncPass.Outcome {
        let name = mailbox.mailbox, key = mailbox.key, markMode = mailbox.markMode
        let status = try await thread.run {
            box.arrivedSinceOpen = false
            return try box.session.select(name, readOnly: readOnlyUntilMarks)
        }
        var pass = MailboxSyncPass(stored: try await state.cursor(of: key), status: status,
                                   batchSize: mailbox.batchSize, marksReconciled: marksReconciled, markMode: markMode)
        var action = pass.start()
        // The next batches are fetched and staged (analysed, hashed, compressed) while the current one is stored, so
        // the store's one writer and the analysis share the cores; batches are still stored, then marked, in order.
        // The session thread runs jobs in order: a mark waits for the fetches queued before it.
        var ahead: [(uids: [UInt32], task: Task<FetchedBatch, any Error>)] = []
        // Marks wait until the pass has stored its last batch (or `maxUnmarked` stored messages wait), then go in
        // commands of up to `markChunk` UIDs: while a pass catches up, the server's marking (a file rename a message
        // in a Maildir) would take CPU from fetching and storing. Sent marks are awaited at the end of the pass,
        // before the cursor is persisted. Marks sent while more batches follow go over a ``MarkLane`` (a second
        // session), so the server marks while it sends the next batch.
        var marks: [Task<Void, any Error>] = []
        var unmarked: [UInt32] = []
        var lane: MarkLane?
        let refusedMark = MarkFailure()
        let uidValidity = status.uidValidity, depth = max(0, fetchAhead)
        var writable = !readOnlyUntilMarks
        /// Sends the waiting marks: over the lane when one is open, else on the fetching session (selected read-write
        /// first when the pass opened it read-only).
        func sendMarks() {
            if !unmarked.isEmpty, lane == nil, !writable {
                writable = true
                marks.append(thread.submit { try Self.reselectWritable(box, name, opened: status, failure: refusedMark) })
            }
            for chunk in Self.chunks(unmarked) {
                let mark = Self.mark(chunk, mode: markMode, failure: refusedMark)
                marks.append(lane.map { $0.submit(mark) } ?? thread.submit { try mark(box.session) })
            }
            unmarked = []
        }
        do {
            while true {
                try Task.checkCancellation()
                switch action {
                case .search(let from):
                    action = pass.searched(try await thread.run { try box.session.searchUIDs(from: from) })
                case .fetch(let uids):
                    let batch: FetchedBatch
                    if let next = ahead.first, next.uids == uids {
                        ahead.removeFirst()
                        batch = try await next.task.value
                    } else {
                        for stale in ahead { _ = try? await stale.task.value }
                        ahead = []
                        batch = try await fetchAndStage(uids, box: box, thread: thread, uidValidity: uidValidity).value
                    }
                    for next in pass.upcomingBatches(depth).dropFirst(ahead.count) {
                        ahead.append((next, fetchAndStage(next, box: box, thread: thread, uidValidity: uidValidity)))
                    }
                    try refusedMark.check()  // a mark already refused: stop before storing more
                    let (present, allCreated) = try await store(batch)
                    action = pass.stored(present)
                    if !allCreated || present.count != uids.count {
                        // Duplicates and expunged UIDs did not move the store's cursor; this does, before any mark.
                        try await state.advance(key, to: pass.currentCursor, at: now())
                    }
                case .mark(let uids):
                    unmarked += uids
                    let more = !pass.upcomingBatches(1).isEmpty
                    if !more || unmarked.count >= mailbox.maxUnmarked {
                        if more, lane == nil, mailbox.separateMarkSession, markLanes.isAllowed {
                            lane = await MarkLane.open(label: key, mailbox: name, uidValidity: uidValidity,
                                                       settings: mailbox.account, connect: connect)
                            if lane == nil { markLanes.refuse() }  // this server refuses a second connection
                        }
                        sendMarks()
                    }
                    action = pass.marked()
                case .finished(let outcome):
                    sendMarks()  // left when the pass's last batch had nothing to mark (all expunged meanwhile)
                    for mark in marks { try await mark.value }
                    lane?.close()
                    try await state.advance(key, to: outcome.cursor, at: now())
                    return outcome
                }
            }
        } catch {
            // Let the session thread finish before the caller logs out.
            for next in ahead { _ = try? await next.task.value }
            for mark in marks { _ = try? await mark.value }
            lane?.close()
            throw error
        }
    }

    /// At most this many UIDs per mark command (a UID set of 5,000 scattered UIDs stays under Dovecot's 64 KB
    /// command line; stored batches are mostly ranges, a few bytes each).
    static let markChunk = 5000

    /// `uids` in ascending chunks of at most ``markChunk``.
    static func chunks(_ uids: [UInt32]) -> [[UInt32]] {
        let sorted = uids.sorted()
        return stride(from: 0, to: sorted.count, by: markChunk).map { Array(sorted[$0..<min($0 + markChunk, sorted.count)]) }
    }

    /// The mark of `uids` per `mode`, recording a refusal in `failure`; nothing is sent once a mark (or the
    /// read-write SELECT before it) of the pass failed.
    static func mark(_ uids: [UInt32], mode: MarkMode, failure: MarkFailure)
        -> @Sendable (any IMAPMailboxSession) throws -> Void {
        { session in
            try failure.check()
            do {
                switch mode {
                case .keyword(let word): try session.addFlags([word], uids: uids)
                case .seen: try session.addFlags(["\\Seen"], uids: uids)
                case .move(let target): try session.move(uids: uids, to: target)
                }
            } catch {
                failure.record(error)
                throw error
            }
        }
    }

    /// Selects `mailbox` read-write on a session that examined it (`opened` is what EXAMINE said), and checks that
    /// its UIDs still mean the same messages: marks after a UIDVALIDITY change would flag other messages, so none is
    /// sent and the pass fails (the next pass resyncs). Mail that arrived since the EXAMINE is noted in the box.
    static func reselectWritable(_ box: SessionBox, _ mailbox: String, opened: IMAPMailboxStatus,
                                 failure: MarkFailure) throws {
        do {
            let status = try box.session.select(mailbox, readOnly: false)
            if status.uidValidity != opened.uidValidity {
                throw IMAPError.command(name: "SELECT", response: "UIDVALIDITY changed during the pass; marks not sent")
            }
            if status.uidNext.map({ $0 != opened.uidNext }) ?? (status.messageCount != opened.messageCount) {
                box.arrivedSinceOpen = true
            }
        } catch {
            failure.record(error)
            throw error
        }
    }

    /// The first mark the session refused during a pass, seen by the pass before it stores the next batch.
    final class MarkFailure: Sendable {
        private let error = Mutex<(any Error)?>(nil)

        func record(_ failure: any Error) { error.withLock { if $0 == nil { $0 = failure } } }

        func check() throws { if let failure = error.withLock({ $0 }) { throw failure } }
    }

    /// One fetched batch and its staged analysis.
    struct FetchedBatch: Sendable {
        var messages: [IMAPFetchedMessage]
        var staged: StagedInboundBatch
    }

    /// Queues the fetch of `uids` on the session thread now and returns a task that stages them with the sink once
    /// fetched (analysis, nothing stored).
    private func fetchAndStage(_ uids: [UInt32], box: SessionBox, thread: SessionThread,
                               uidValidity: UInt32) -> Task<FetchedBatch, any Error> {
        let fetch = thread.submit { try box.session.fetch(uids: uids) }
        return Task { try await stage(fetch.value, uidValidity: uidValidity) }
    }

    /// Stages fetched messages with the sink (analysis, nothing stored).
    private func stage(_ messages: [IMAPFetchedMessage], uidValidity: UInt32) async -> FetchedBatch {
        let key = mailbox.key
        let deliveries: [InboundDelivery] = messages.map {
            (raw: $0.raw, source: MailboxPosition(mailbox: key, uidValidity: uidValidity, uid: $0.uid),
             receivedAt: $0.internalDate ?? now())
        }
        let staged = deliveries.isEmpty ? StagedInboundBatch { [] } : await sink.stage(batch: deliveries)
        return FetchedBatch(messages: messages, staged: staged)
    }

    /// Stores a staged batch (one transaction when the sink offers it); returns its UIDs once all are durably
    /// stored, and whether the store created every one (and so advanced the cursor itself).
    private func store(_ batch: FetchedBatch) async throws -> (uids: [UInt32], allCreated: Bool) {
        let key = mailbox.key
        let outcomes = batch.messages.isEmpty ? [] : try await batch.staged.store()
        let at = now()
        await board.stored(key, batch: zip(batch.messages, outcomes).map { ($1.created, $0.internalDate) }, at: at)
        return (batch.messages.map(\.uid), outcomes.allSatisfy(\.created))
    }

    /// Waits for new mail: IDLE in slices up to the policy's refresh, or sleep for the poll interval.
    private func wait(_ box: SessionBox, thread: SessionThread) async throws {
        let (capabilities, arrived) = try await thread.run { (box.session.capabilities, box.arrivedSinceOpen) }
        if arrived { return }
        switch mailbox.waitPolicy.wait(capabilities: capabilities) {
        case .poll(let interval):
            await board.phase(mailbox.key, .waiting)
            try await Task.sleep(for: interval)
        case .idle(let refresh):
            await board.phase(mailbox.key, .idling)
            var waited = Duration.zero
            while waited < refresh {
                try Task.checkCancellation()
                let slice = min(idleSlice, refresh - waited)
                if try await thread.run({ try box.session.idle(timeout: slice) }) { return }
                waited += slice
            }
        }
    }

    /// A failure as the status board shows it: the error's code and context, never message text.
    static func redacted(_ error: any Error) -> String {
        if let error = error as? IMAPError {
            switch error {
            case .connection(let detail): return "connection: \(detail)"
            case .timeout(let step): return "timeout: \(step)"
            case .tls(let detail): return "certificate or TLS refused: \(detail)"
            case .authentication: return "authentication failed: check user and password"
            case .command(let name, let response): return "\(name) failed: \(response)"
            case .bye(let detail): return "server closed the session: \(detail)"
            case .unsupported(let capability): return "server lacks \(capability)"
            }
        }
        if let error = error as? AgendaStoreError { return "store: \(error.code)" }
        return "error: \(type(of: error))"
    }
}

