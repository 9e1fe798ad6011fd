import MailIngest
import Synchronization

/// Where a pass's marks run when they are sent while more batches remain to fetch: a long catch-up whose waiting
/// marks reached `max_unmarked` (marks otherwise wait for the pass's last batch and go on the fetching session). The
/// pass opens a second session on the same mailbox, on a thread of its own, and marks there: the server then marks
/// while it sends the next batch, instead of the mark waiting behind the fetches queued before it and the next fetch
/// behind the mark. The lane is closed (LOGOUT) at the end of the pass, so a mailbox holds the second connection only
/// while it catches up.
///
/// A server that refuses the second connection (a per-user connection limit, a login refused) does not stop the
/// mailbox: ``open(label:mailbox:settings:connect:)`` returns nil, the pass marks on its own session, and the poller
/// stops asking for a lane (``MarkLane/Allowance``).
///
/// Marks are idempotent and the pass awaits every one before it persists its cursor, so nothing changes for crash
/// safety: a mark cut off by a failure of either session fails the pass, and the next pass re-marks.
final class MarkLane: Sendable {
    private let thread: SessionThread
    private let holder: Holder

    /// The second session, touched only on the lane's thread.
    private final class Holder: @unchecked Sendable {
        var box: SessionBox?
        /// Set when the lane's SELECT found another UIDVALIDITY than the pass: its UIDs name other messages now.
        var refusal: IMAPError?
    }

    /// Whether a poller still asks for lanes: true until a server refuses one.
    final class Allowance: Sendable {
        private let allowed = Mutex(true)

        var isAllowed: Bool { allowed.withLock { $0 } }

        func refuse() { allowed.withLock { $0 = false } }
    }

    private init(thread: SessionThread, holder: Holder) {
        self.thread = thread
        self.holder = holder
    }

    /// Connects and SELECTs `mailbox` read-write on a new thread; nil when the server refused either (the half-open
    /// session is logged out). When the mailbox's UIDVALIDITY is no longer the pass's `uidValidity`, every mark
    /// submitted is refused (the pass fails and the next one resyncs).
    static func open(label: String, mailbox: String, uidValidity: UInt32, settings: IMAPConnectionSettings,
                     connect: @escaping IMAPSessionFactory) async -> MarkLane? {
        let thread = SessionThread(label: label + ".marks"), holder = Holder()
        let opened = (try? await thread.run { () throws -> Bool in
            let session = try connect(settings)
            do {
                if try session.select(mailbox, readOnly: false).uidValidity != uidValidity {
                    holder.refusal = .command(name: "SELECT", response: "UIDVALIDITY changed during the pass; marks not sent")
                }
            } catch {
                session.logout()
                throw error
            }
            holder.box = SessionBox(session)
            return true
        }) ?? false
        return opened ? MarkLane(thread: thread, holder: holder) : nil
    }

    /// Queues `mark` on the lane's session.
    func submit(_ mark: @escaping @Sendable (any IMAPMailboxSession) throws -> Void) -> Task<Void, any Error> {
        let holder = self.holder
        return thread.submit {
            if let refusal = holder.refusal { throw refusal }
            guard let box = holder.box else { throw IMAPError.connection("mark session closed") }
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
