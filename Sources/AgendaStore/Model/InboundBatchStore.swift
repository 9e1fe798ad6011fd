/// Stores several inbound messages in one transaction: the mail poller's fast path (one durable commit per IMAP
/// batch instead of one per message). Same rules as `AgendaStore.storeInbound` for each message, in order; the
/// mailbox cursor advances with them in the same transaction, so a crash stores all or none of a batch.
public protocol InboundBatchStore: Sendable {
    /// Stores `messages` (each with its analysis, or nil) in order, in one transaction; returns one outcome each.
    func storeInbound(batch messages: [(message: InboundMessage, analysis: MessageAnalysis?)]) async throws
        -> [StoredInbound]
}
