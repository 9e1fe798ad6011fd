import Foundation
import AgendaStore
import MailIngest

/// Where the poller reads and advances a mailbox's sync cursor. The store also advances it itself, in the same
/// transaction as each newly stored message (`storeInbound` with a source); the poller records it for what the store
/// did not write (duplicates found by content, UIDs expunged before FETCH, HIGHESTMODSEQ at the end of a pass).
protocol MailboxStateStore: Sendable {
    /// The stored cursor of `mailbox`, nil when never synced.
    func cursor(of mailbox: String) async throws -> MailboxCursor?
    /// Advances the cursor (never moves the last UID back under the same UIDVALIDITY).
    func advance(_ mailbox: String, to cursor: MailboxCursor, at: Date) async throws
}

extension SQLiteAgendaStore: MailboxStateStore {
    func cursor(of mailbox: String) async throws -> MailboxCursor? {
        try await mailboxState(mailbox).map {
            MailboxCursor(uidValidity: $0.uidValidity, lastUID: $0.lastUID, highestModSeq: $0.highestModSeq)
        }
    }

    func advance(_ mailbox: String, to cursor: MailboxCursor, at: Date) async throws {
        try await recordMailboxState(MailboxSyncState(mailbox: mailbox, uidValidity: cursor.uidValidity,
                                                      lastUID: cursor.lastUID, highestModSeq: cursor.highestModSeq),
                                     at: at)
    }
}
