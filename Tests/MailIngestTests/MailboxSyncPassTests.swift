import MailIngest
import Testing

@Suite("MailboxSyncPass")
struct MailboxSyncPassTests {
    private static func status(_ validity: UInt32 = 7, next: UInt32? = nil, count: Int = 1,
                               modSeq: UInt64? = nil) -> IMAPMailboxStatus {
        IMAPMailboxStatus(uidValidity: validity, uidNext: next, highestModSeq: modSeq, messageCount: count)
    }

    /// Drives a pass to its end against a fixed UID list, recording every action.
    private static func run(_ pass: inout MailboxSyncPass, uids: [UInt32], present: (UInt32) -> Bool = { _ in true })
        -> (actions: [MailboxSyncPass.Action], outcome: MailboxSyncPass.Outcome) {
        var actions: [MailboxSyncPass.Action] = []
        var action = pass.start()
        while true {
            actions.append(action)
            switch action {
            case .search(let from): action = pass.searched(uids.filter { $0 >= from })
            case .fetch(let batch): action = pass.stored(batch.filter(present))
            case .mark: action = pass.marked()
            case .finished(let outcome): return (actions, outcome)
            }
        }
    }

    @Test("The batches after the current one, in order, for fetching ahead")
    func upcomingBatches() {
        var pass = MailboxSyncPass(stored: nil, status: Self.status(count: 7), batchSize: 3, marksReconciled: true,
                                   markMode: .default)
        guard case .search = pass.start() else { Issue.record("expected a search"); return }
        #expect(pass.searched([1, 2, 3, 4, 5, 6, 7]) == .fetch([1, 2, 3]))
        #expect(pass.upcomingBatches(2) == [[4, 5, 6], [7]])
        #expect(pass.upcomingBatches(5) == [[4, 5, 6], [7]])
        #expect(pass.upcomingBatches(1) == [[4, 5, 6]])
        #expect(pass.upcomingBatches(0).isEmpty)
        _ = pass.stored([1, 2, 3])
        #expect(pass.marked() == .fetch([4, 5, 6]))
        #expect(pass.upcomingBatches(2) == [[7]])
    }

    @Test("UIDNEXT at the cursor means nothing new and no search")
    func upToDate() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 41), status: Self.status(next: 42),
                                   batchSize: 10, marksReconciled: true, markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [41])
        #expect(actions.count == 1)
        #expect(outcome.upToDate)
        #expect(outcome.kind == .incremental)
        #expect(outcome.cursor == MailboxCursor(uidValidity: 7, lastUID: 41))
    }

    @Test("An unchanged HIGHESTMODSEQ (RFC 7162) means nothing new, even without UIDNEXT")
    func modSeqUnchanged() {
        let stored = MailboxCursor(uidValidity: 7, lastUID: 41, highestModSeq: 900)
        var pass = MailboxSyncPass(stored: stored, status: Self.status(next: nil, count: 41, modSeq: 900),
                                   batchSize: 10, marksReconciled: true, markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [41])
        #expect(actions.count == 1)
        #expect(outcome.upToDate)
        #expect(outcome.cursor == stored)
    }

    @Test("A changed HIGHESTMODSEQ, a new UIDVALIDITY or marks in doubt still search",
          arguments: [(UInt32(7), UInt64(901), true), (8, 900, true), (7, 900, false)])
    func modSeqDoesNotSkip(validity: UInt32, modSeq: UInt64, marksReconciled: Bool) {
        let stored = MailboxCursor(uidValidity: 7, lastUID: 41, highestModSeq: 900)
        var pass = MailboxSyncPass(stored: stored, status: Self.status(validity, next: nil, count: 42, modSeq: modSeq),
                                   batchSize: 10, marksReconciled: marksReconciled, markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [41, 42])
        #expect(actions.first.map { if case .search = $0 { true } else { false } } == true)
        #expect(!outcome.upToDate)
        #expect(outcome.cursor.highestModSeq == modSeq)
    }

    @Test("An empty mailbox is up to date even without UIDNEXT")
    func emptyMailbox() {
        var pass = MailboxSyncPass(stored: nil, status: Self.status(next: nil, count: 0), batchSize: 10,
                                   marksReconciled: true, markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [])
        #expect(actions.count == 1)
        #expect(outcome.kind == .initial)
        #expect(outcome.cursor.lastUID == 0)
    }

    @Test("Incremental: only UIDs above the cursor, in ascending batches, each marked after it is stored",
          arguments: [1, 2, 3, 50])
    func incrementalBatches(batchSize: Int) {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 10), status: Self.status(next: 20),
                                   batchSize: batchSize, marksReconciled: true, markMode: .default)
        // The server also answers the highest existing UID (RFC 9051 `n:*` quirk) and lists out of order.
        let (actions, outcome) = Self.run(&pass, uids: [10, 15, 11, 19, 12])
        #expect(actions.first == .search(from: 11))
        let fetches = actions.compactMap { if case .fetch(let b) = $0 { return b } else { return nil } }
        #expect(fetches.flatMap { $0 } == [11, 12, 15, 19])
        #expect(fetches.allSatisfy { $0.count <= batchSize })
        // Every fetch is followed directly by the mark of the same UIDs.
        for (index, action) in actions.enumerated() {
            if case .fetch(let batch) = action { #expect(actions[index + 1] == .mark(batch)) }
        }
        #expect(outcome.cursor.lastUID == 19)
        #expect(outcome.fetched == 4)
        #expect(outcome.marked == 4)
    }

    @Test("A UID expunged between SEARCH and FETCH is skipped, not marked, and the cursor passes it")
    func expungedMeanwhile() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 0), status: Self.status(next: 4),
                                   batchSize: 10, marksReconciled: true, markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [1, 2, 3], present: { $0 != 3 })
        #expect(actions.contains(.mark([1, 2])))
        #expect(outcome.cursor.lastUID == 3)
        #expect(outcome.fetched == 2)
    }

    @Test("A batch whose UIDs are all gone is not marked")
    func allGone() {
        var pass = MailboxSyncPass(stored: nil, status: Self.status(next: 3), batchSize: 10, marksReconciled: true,
                                   markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [1, 2], present: { _ in false })
        #expect(!actions.contains { if case .mark = $0 { true } else { false } })
        #expect(outcome.cursor.lastUID == 2)
    }

    @Test("UIDVALIDITY change: full resync from UID 1 under the new validity, HIGHESTMODSEQ reset")
    func resync() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 500, highestModSeq: 900),
                                   status: Self.status(8, next: 9, count: 3, modSeq: nil), batchSize: 2,
                                   marksReconciled: true, markMode: .default)
        #expect(pass.kind == .resync(previousValidity: 7))
        let (actions, outcome) = Self.run(&pass, uids: [1, 2, 3])
        #expect(actions.first == .search(from: 1))
        #expect(actions.contains(.fetch([1, 2])) && actions.contains(.fetch([3])))
        #expect(outcome.cursor == MailboxCursor(uidValidity: 8, lastUID: 3, highestModSeq: nil))
    }

    @Test("First pass of a process re-marks everything at or below the cursor, then fetches the rest")
    func reconcileAfterRestart() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 3), status: Self.status(next: 6),
                                   batchSize: 10, marksReconciled: false, markMode: .default)
        let (actions, outcome) = Self.run(&pass, uids: [1, 2, 3, 4, 5])
        #expect(actions == [.search(from: 1), .mark([1, 2, 3]), .fetch([4, 5]), .mark([4, 5]), .finished(outcome)])
        #expect(outcome.marked == 5)
    }

    @Test("Reconciliation runs even when UIDNEXT says nothing is new")
    func reconcileWhenUpToDate() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 3), status: Self.status(next: 4),
                                   batchSize: 10, marksReconciled: false, markMode: .default)
        let (actions, _) = Self.run(&pass, uids: [2, 3])
        #expect(actions.prefix(2) == [.search(from: 1), .mark([2, 3])])
    }

    @Test("Re-marks go out in chunks")
    func remarkChunks() {
        let count = UInt32(MailboxSyncPass.remarkChunk * 2 + 5)
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: count),
                                   status: Self.status(next: count + 1), batchSize: 10, marksReconciled: false,
                                   markMode: .seen)
        let (actions, outcome) = Self.run(&pass, uids: Array(1...count))
        let marks = actions.compactMap { if case .mark(let b) = $0 { return b.count } else { return nil } }
        #expect(marks == [MailboxSyncPass.remarkChunk, MailboxSyncPass.remarkChunk, 5])
        #expect(outcome.marked == Int(count))
        #expect(outcome.fetched == 0)
    }

    @Test("Move mode reconciles on every pass: what stays at or below the cursor is not moved yet",
          arguments: [true, false])
    func moveModeAlwaysReconciles(reconciled: Bool) {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 9), status: Self.status(next: 10),
                                   batchSize: 10, marksReconciled: reconciled, markMode: .move(to: "Captured"))
        let (actions, _) = Self.run(&pass, uids: [9])
        #expect(actions.prefix(2) == [.search(from: 1), .mark([9])])
    }

    @Test("Resync does not re-mark by cursor: the old UIDs mean nothing under the new validity")
    func resyncFetchesRatherThanRemarks() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 9), status: Self.status(8, next: 3),
                                   batchSize: 10, marksReconciled: false, markMode: .default)
        let (actions, _) = Self.run(&pass, uids: [1, 2])
        #expect(actions == [.search(from: 1), .fetch([1, 2]), .mark([1, 2]), actions.last!])
    }

    @Test("HIGHESTMODSEQ of the SELECT is kept at the end of a complete pass")
    func modSeq() {
        var pass = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 1, highestModSeq: 5),
                                   status: Self.status(next: 3, modSeq: 12), batchSize: 10, marksReconciled: true,
                                   markMode: .default)
        #expect(pass.currentCursor.highestModSeq == 5)
        let (_, outcome) = Self.run(&pass, uids: [2])
        #expect(outcome.cursor == MailboxCursor(uidValidity: 7, lastUID: 2, highestModSeq: 12))
    }

    @Test("EXISTS = UIDNEXT - 1: the UIDs are 1 ..< UIDNEXT, fetched without a search; otherwise the pass searches")
    func denseMailboxSkipsTheSearch() {
        var initial = MailboxSyncPass(stored: nil, status: Self.status(next: 6, count: 5), batchSize: 2,
                                      marksReconciled: true, markMode: .default)
        let (actions, outcome) = Self.run(&initial, uids: [1, 2, 3, 4, 5])
        #expect(actions == [.fetch([1, 2]), .mark([1, 2]), .fetch([3, 4]), .mark([3, 4]), .fetch([5]), .mark([5]),
                            .finished(outcome)])
        #expect(outcome.cursor.lastUID == 5 && outcome.fetched == 5)

        // Above the cursor only; one UID expunged between the SELECT and its FETCH is skipped, not marked.
        var incremental = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 3),
                                          status: Self.status(next: 7, count: 6), batchSize: 10,
                                          marksReconciled: true, markMode: .default)
        let (later, laterOutcome) = Self.run(&incremental, uids: [], present: { $0 != 5 })
        #expect(later == [.fetch([4, 5, 6]), .mark([4, 6]), .finished(laterOutcome)])
        #expect(laterOutcome.cursor.lastUID == 6)

        // Marks in doubt: everything at or below the cursor is re-marked first, as a search would have found it.
        var reconcile = MailboxSyncPass(stored: MailboxCursor(uidValidity: 7, lastUID: 3),
                                        status: Self.status(next: 5, count: 4), batchSize: 10,
                                        marksReconciled: false, markMode: .default)
        let (remarks, _) = Self.run(&reconcile, uids: [])
        #expect(remarks.prefix(3) == [.mark([1, 2, 3]), .fetch([4]), .mark([4])])

        // A gap (EXISTS below UIDNEXT - 1) or no UIDNEXT: the server is asked.
        for status in [Self.status(next: 7, count: 5), Self.status(next: nil, count: 5)] {
            var sparse = MailboxSyncPass(stored: nil, status: status, batchSize: 10, marksReconciled: true,
                                         markMode: .default)
            #expect(sparse.start() == .search(from: 1))
        }
    }
}
