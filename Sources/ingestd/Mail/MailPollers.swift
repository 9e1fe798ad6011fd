import Foundation
import MailIngest

/// Runs one ``MailboxPoller`` per configured mailbox, each in its own child task (with its own session thread),
/// until the surrounding task is cancelled.
struct MailPollers: Sendable {
    /// The mailboxes, resolved from configuration.
    var mailboxes: [PolledMailbox]
    /// Where every message goes.
    var sink: any InboundSink
    /// Cursor storage.
    var state: any MailboxStateStore
    /// Shared status.
    var board: MailboxStatusBoard
    /// Opens sessions.
    var connect: IMAPSessionFactory

    /// The poller of one mailbox.
    func poller(for mailbox: PolledMailbox) -> MailboxPoller {
        MailboxPoller(mailbox: mailbox, sink: sink, state: state, board: board, connect: connect)
    }

    /// Runs every poller until cancelled.
    func run() async {
        let sink = self.sink
        let warming = Task { await sink.warmUp() }  // while the pollers connect
        defer { warming.cancel() }
        await withDiscardingTaskGroup { group in
            for mailbox in mailboxes {
                let poller = poller(for: mailbox)
                group.addTask { await poller.run() }
            }
        }
    }

    /// Drains every mailbox once, concurrently; returns messages fetched per mailbox key. Throws the first failure.
    func drainAll() async throws -> [String: Int] {
        let sink = self.sink
        let warming = Task { await sink.warmUp() }  // while the pollers connect
        defer { warming.cancel() }
        return try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for mailbox in mailboxes {
                let poller = poller(for: mailbox)
                group.addTask { (mailbox.key, try await poller.drain()) }
            }
            var result: [String: Int] = [:]
            for try await (key, count) in group { result[key] = count }
            return result
        }
    }
}
