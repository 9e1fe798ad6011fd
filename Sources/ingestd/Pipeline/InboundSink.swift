import AgendaStore
import Foundation

/// One message as a mail source hands it over: its raw bytes, where it was read, when it arrived.
typealias InboundDelivery = (raw: Data, source: MailboxPosition?, receivedAt: Date)

/// Where every mail source (IMAP poller, Maildir, `ingest`, page comments) hands the messages it reads. An
/// implementation stores the raw bytes before anything else and returns only once the message is durably stored;
/// when `source` is set the mailbox's sync state advances in the same transaction (DESIGN.md, "Nothing is lost").
/// Handing the same message twice stores it once.
protocol InboundSink: Sendable {
    /// Stores one message; returns what the store did.
    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound
    /// Stores several messages, one outcome each in order, with the same guarantees per message; the fast path
    /// for sources that read in batches (an IMAP FETCH, a Maildir). An implementation may store the whole batch
    /// in one transaction; the default stores one message after the other.
    func accept(batch: [InboundDelivery]) async throws -> [StoredInbound]
    /// The work of ``accept(batch:)`` that writes nothing (MIME analysis, detection, hashing) done now, the store
    /// left for later: a source that reads ahead stages the next batch while the previous one is being stored, then
    /// stores the staged batches in the order it read them (``StagedInboundBatch/store()``), each with the same
    /// guarantees as ``accept(batch:)``. The default stages nothing and stores through ``accept(batch:)``.
    func stage(batch: [InboundDelivery]) async -> StagedInboundBatch
    /// Readies the sink while a source connects (first use of the analysis code and the store's writes, with
    /// ``RehearsalMessages``); stores nothing and never fails. The default does nothing.
    func warmUp() async
}

/// A batch whose analysis is done and whose store is still to come (``InboundSink/stage(batch:)``). Storing it
/// twice stores it once, as handing the same messages twice does.
struct StagedInboundBatch: Sendable {
    /// Stores the batch; one outcome per message, in order.
    let store: @Sendable () async throws -> [StoredInbound]
}

extension InboundSink {
    func accept(batch: [InboundDelivery]) async throws -> [StoredInbound] {
        var stored: [StoredInbound] = []
        stored.reserveCapacity(batch.count)
        for delivery in batch {
            stored.append(try await accept(raw: delivery.raw, source: delivery.source, receivedAt: delivery.receivedAt))
        }
        return stored
    }

    func stage(batch: [InboundDelivery]) async -> StagedInboundBatch {
        StagedInboundBatch { try await accept(batch: batch) }
    }

    func warmUp() async {}
}
