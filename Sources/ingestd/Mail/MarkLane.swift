import Foundation
import MailIngest

/// Where a pass's marks run. A pass that catches up on a backlog (more batches to fetch after the one being marked)
/// opens a second session on the same mailbox, on a thread of its own, and marks there: the server then marks one
/// batch while it sends the next, instead of each mark waiting behind the fetches queued before it and each fetch
/// behind the mark. The lane is closed (LOGOUT) at the end of the pass, so a mailbox holds the second connection only
/// while it catches up; a pass of one batch (the usual IDLE wake-up) marks on the fetching session as before.
///
/// Marks are idempotent and the pass awaits every one before it persists its cursor, so nothing changes for crash
/// safety: a mark cut off by a failure of either session fails the pass, and the next pass re-marks.
final class MarkLane: Sendable {
    private let thread: SessionThread
    private let holder = Holder()

    /// The second session, touched only on the lane's thread.
    private final class Holder: @unchecked Sendable {
        var box: SessionBox?
        var failure: (any Error)?
    }

    /// Queues the connect and read-write SELECT of `mailbox` on a new thread; marks queued after it wait for it.
    init(label: String, mailbox: String, settings: IMAPConnectionSettings, connect: @escaping IMAPSessionFactory) {
        thread = SessionThread(label: label + ".marks")
        let holder = self.holder
        _ = thread.submit {
            do {
                let session = try connect(settings)
                holder.box = SessionBox(session)
                _ = try session.select(mailbox, readOnly: false)
            } catch {
                holder.failure = error
            }
        }
    }

    /// Queues `mark` on the lane's session; the task fails when the lane could not connect or select.
    func submit(_ mark: @escaping @Sendable (any IMAPMailboxSession) throws -> Void) -> Task<Void, any Error> {
        let holder = self.holder
        return thread.submit {
            if let failure = holder.failure { throw failure }
            guard let box = holder.box else { throw IMAPError.connection("mark session not open") }
            try mark(box.session)
        }
    }

    /// Queues the LOGOUT behind everything queued and returns at once: the pass has already awaited its marks, and a
    /// server slow to answer LOGOUT must not hold up the next pass (the session's timeout bounds the wait).
    func close() {
        let holder = self.holder
        _ = thread.submit {
            holder.box?.session.logout()
            holder.box = nil
        }
    }
}
