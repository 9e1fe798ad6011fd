import AgendaStore
import Foundation

/// Where every mail source (IMAP poller, Maildir, `ingest`, page comments) hands the messages it reads. An
/// implementation stores the raw bytes before anything else and returns only once the message is durably stored;
/// when `source` is set the mailbox's sync state advances in the same transaction (DESIGN.md, "Nothing is lost").
/// Handing the same message twice stores it once.
protocol InboundSink: Sendable {
    /// Stores one message; returns what the store did.
    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound
}
