/// One sync pass over a selected mailbox as a state machine (RFC 9051): it decides, the driver performs. No I/O.
///
/// The driver starts with ``start()``, performs the returned ``Action`` and reports its result with the matching
/// method, until ``Action/finished(_:)``. Messages are fetched in ascending UID batches; every batch is stored (the store
/// advances its cursor in the same transaction as each message) and only then marked. Marks are idempotent, so a
/// pass may mark a message twice but never skips one:
/// - `marksReconciled == false` (first pass of a process, or after a reconnect whose marks are in doubt) searches the
///   whole mailbox and re-marks every UID at or below the cursor: a crash between store and mark leaves stored,
///   unmarked messages there.
/// - In move mode every message still in the mailbox at or below the cursor is stored but not yet moved, so the
///   reconciliation runs on every pass; it costs one SEARCH over a mailbox that stays small.
/// - A UIDVALIDITY change (RFC 9051 section 2.3.1.1) fetches everything again; the store deduplicates by content, so
///   nothing is stored twice.
/// - A mailbox whose EXISTS is UIDNEXT - 1 holds exactly UIDs 1 ..< UIDNEXT: the pass skips its UID SEARCH.
public struct MailboxSyncPass: Sendable {
    /// What the driver does next.
    public enum Action: Sendable, Hashable {
        /// `UID SEARCH UID first:*`; report with ``searched(_:)``.
        case search(from: UInt32)
        /// `UID FETCH` these UIDs, hand each message to the sink, then report with ``stored(_:)``.
        case fetch([UInt32])
        /// Mark these UIDs per the configured ``MarkMode``; report with ``marked()``.
        case mark([UInt32])
        /// The pass is over; persist the outcome's cursor.
        case finished(Outcome)
    }

    /// Why this pass fetches what it fetches.
    public enum Kind: Sendable, Hashable {
        /// No stored state: the first sync of this mailbox, everything is fetched.
        case initial
        /// Same UIDVALIDITY: only UIDs above the cursor are fetched.
        case incremental
        /// UIDVALIDITY changed from the stored value: everything is fetched again and deduplicated by the store.
        case resync(previousValidity: UInt32)
    }

    /// What a finished pass did.
    public struct Outcome: Sendable, Hashable {
        /// The kind of pass.
        public var kind: Kind
        /// The cursor to persist: UIDVALIDITY, highest UID handled, HIGHESTMODSEQ from the SELECT.
        public var cursor: MailboxCursor
        /// UIDs fetched and handed to the sink.
        public var fetched: Int
        /// UIDs marked (including re-marks of earlier passes' messages).
        public var marked: Int
        /// True when a SELECT status showed nothing new and no search was needed.
        public var upToDate: Bool
    }

    private enum Phase: Sendable, Hashable {
        case idle, searching, remarking, fetching, marking, done
    }

    /// At most this many UIDs per re-mark command, to keep command lines short (Dovecot's default limit is 64 KB).
    public static let remarkChunk = 1000

    /// The kind of pass, known from the stored cursor and the SELECT status.
    public let kind: Kind
    private let status: IMAPMailboxStatus
    private let batchSize: Int
    private let reconcile: Bool
    private var cursor: MailboxCursor
    private var pending: ArraySlice<UInt32> = []
    private var remark: ArraySlice<UInt32> = []
    private var batch: [UInt32] = []
    private var phase = Phase.idle
    private var fetchedCount = 0
    private var markedCount = 0

    /// Plans a pass from the stored cursor (nil when the mailbox was never synced) and the server's SELECT answer.
    /// `batchSize` UIDs per FETCH (at least 1); `marksReconciled` says whether this process already re-marked
    /// everything at or below the cursor; `markMode` decides whether marked messages leave the mailbox.
    public init(stored: MailboxCursor?, status: IMAPMailboxStatus, batchSize: Int, marksReconciled: Bool,
                markMode: MarkMode) {
        self.status = status
        self.batchSize = max(1, batchSize)
        if let stored, stored.uidValidity == status.uidValidity {
            kind = .incremental
            cursor = stored
            reconcile = !marksReconciled || markMode.removesFromMailbox
        } else {
            kind = stored.map { .resync(previousValidity: $0.uidValidity) } ?? .initial
            cursor = MailboxCursor(uidValidity: status.uidValidity, lastUID: 0)
            reconcile = false
        }
        cursor.highestModSeq = stored?.uidValidity == status.uidValidity ? stored?.highestModSeq : nil
    }

    /// The cursor as it stands: the highest UID this pass has seen stored.
    public var currentCursor: MailboxCursor { cursor }

    /// The next `count` batches the pass will fetch after the current one, in order (fewer near the end): a driver
    /// may fetch them ahead while the current batch is being stored (nothing durable depends on a fetch).
    public func upcomingBatches(_ count: Int) -> [[UInt32]] {
        var batches: [[UInt32]] = []
        var rest = pending
        while batches.count < count, !rest.isEmpty {
            batches.append(Array(rest.prefix(batchSize)))
            rest = rest.dropFirst(batchSize)
        }
        return batches
    }

    /// The first action.
    public mutating func start() -> Action {
        precondition(phase == .idle, "start() called twice")
        let nothingAbove = status.uidNext.map { $0 <= cursor.lastUID &+ 1 } ?? false
        // RFC 7162 section 3.1: every new message gets a mod-sequence above all others, so a HIGHESTMODSEQ equal to
        // the one stored at the end of the last complete pass (same UIDVALIDITY) means nothing arrived since; this
        // also covers a server that leaves UIDNEXT out of its SELECT answer.
        let modSeqUnchanged = status.highestModSeq != nil && status.highestModSeq == cursor.highestModSeq
        if status.messageCount == 0 || (!reconcile && (nothingAbove || modSeqUnchanged)) {
            return finish(upToDate: true)
        }
        phase = .searching
        let from = reconcile ? 1 : cursor.lastUID &+ 1
        // UIDs are ascending and at least 1, so EXISTS equal to UIDNEXT - 1 means the mailbox holds exactly UIDs
        // 1 ..< UIDNEXT: the search's answer is known without asking (one round trip less; a message expunged
        // meanwhile is simply absent from its FETCH, one that arrived meanwhile is above UIDNEXT for the next pass).
        if let next = status.uidNext, next > 0, status.messageCount == Int(next) - 1 {
            return searched(from < next ? Array(from..<next) : [])
        }
        return .search(from: from)
    }

    /// Reports the UIDs the search returned (any order; duplicates and UIDs the pass does not need are ignored).
    public mutating func searched(_ uids: [UInt32]) -> Action {
        precondition(phase == .searching, "searched(_:) outside a search")
        let sorted = Array(Set(uids)).sorted()
        let last = cursor.lastUID
        if reconcile {
            remark = sorted.filter { $0 >= 1 && $0 <= last }[...]
        }
        pending = sorted.filter { $0 > last }[...]
        return nextRemark()
    }

    /// Reports that every message of the last fetch that the server returned was durably stored (or found already
    /// stored). `present` are the UIDs the server returned; absent ones were expunged meanwhile.
    public mutating func stored(_ present: [UInt32]) -> Action {
        precondition(phase == .fetching, "stored(_:) outside a fetch")
        fetchedCount += present.count
        // The requested batch is handled even where the server returned nothing: those UIDs are gone for good.
        if let highest = batch.last, highest > cursor.lastUID { cursor.lastUID = highest }
        let requested = Set(batch)
        let toMark = Array(Set(present.filter { requested.contains($0) })).sorted()
        if toMark.isEmpty { return nextFetch() }
        phase = .marking
        batch = toMark
        return .mark(toMark)
    }

    /// Reports that the last mark succeeded.
    public mutating func marked() -> Action {
        precondition(phase == .marking || phase == .remarking, "marked() outside a mark")
        markedCount += batch.count
        return phase == .remarking ? nextRemark() : nextFetch()
    }

    private mutating func nextRemark() -> Action {
        guard !remark.isEmpty else { return nextFetch() }
        batch = Array(remark.prefix(Self.remarkChunk))
        remark = remark.dropFirst(batch.count)
        phase = .remarking
        return .mark(batch)
    }

    private mutating func nextFetch() -> Action {
        guard !pending.isEmpty else { return finish(upToDate: false) }
        batch = Array(pending.prefix(batchSize))
        pending = pending.dropFirst(batch.count)
        phase = .fetching
        return .fetch(batch)
    }

    private mutating func finish(upToDate: Bool) -> Action {
        phase = .done
        cursor.highestModSeq = status.highestModSeq ?? cursor.highestModSeq
        return .finished(Outcome(kind: kind, cursor: cursor, fetched: fetchedCount, marked: markedCount, upToDate: upToDate))
    }
}
