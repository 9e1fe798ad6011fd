import AgendaStore
import Foundation

/// One message of a batch handed to a ``BatchInboundSink``.
struct InboundItem: Sendable {
    /// The raw RFC 5322 bytes.
    var raw: Data
    /// Where it was read.
    var source: MailboxPosition?
    /// When it arrived (INTERNALDATE).
    var receivedAt: Date
}

/// An ``InboundSink`` that can also take a whole IMAP batch and store it durably in one transaction, cursor included.
/// The poller uses it when the sink offers it: one commit per batch instead of one per message.
protocol BatchInboundSink: InboundSink {
    /// Stores `items` in order in one transaction; returns only once they are durable, one outcome per item.
    func accept(batch items: [InboundItem]) async throws -> [StoredInbound]
}
