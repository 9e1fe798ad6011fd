import AgendaStore
import Foundation
import Metrics

/// The ``InboundPipeline`` with the daemon's Prometheus metrics (issue #8, swift-metrics): messages ingested per
/// mailbox and kind, duplicates, quarantined per mailbox and reason, the analysis and classification time of each
/// message, classifications and proposals by intent. A mailbox source's messages count under their
/// `MailboxPosition.mailbox`, others under `mailbox`. Labels are codes and names, never message text.
struct MeteredInboundSink: InboundSink, InboundBatchProcessor {
    /// The pipeline doing the work.
    let pipeline: InboundPipeline
    /// The label of messages without a mailbox position (a Maildir's name).
    let mailbox: String

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        try await accept(batch: [(raw: raw, source: source, receivedAt: receivedAt)])[0]
    }

    func accept(batch: [InboundDelivery]) async throws -> [StoredInbound] {
        try await process(batch: batch).map(\.stored)
    }

    /// The pipeline's steps over `batch`, with each message's outcome, recording the metrics on the way.
    func process(batch: [InboundDelivery]) async throws -> [InboundPipeline.Outcome] {
        guard !batch.isEmpty else { return [] }
        // One model version for the whole batch (a promoted model is picked up here, ``LiveModel``).
        let pipeline = self.pipeline.resolvingModel()
        let lookup = CorrelationLookup(store: pipeline.store)
        // Steps 1-4 per message, timed one by one (the concurrency pool bounds the parallelism to the cores).
        let prepared = await withTaskGroup(of: (Int, InboundPipeline.Prepared, Duration).self) { group in
            for (index, delivery) in batch.enumerated() {
                group.addTask {
                    let clock = ContinuousClock()
                    let start = clock.now
                    let prepared = await pipeline.prepare(delivery, lookup: lookup)
                    return (index, prepared, clock.now - start)
                }
            }
            var results = [(InboundPipeline.Prepared, Duration)?](repeating: nil, count: batch.count)
            for await (index, prepared, elapsed) in group { results[index] = (prepared, elapsed) }
            return results.map { $0! }
        }
        let outcomes = try await pipeline.store(prepared.map(\.0))
        for ((entry, elapsed), (outcome, delivery)) in zip(prepared, zip(outcomes, batch)) {
            Self.record(entry, elapsed: elapsed, outcome: outcome, mailbox: delivery.source?.mailbox ?? mailbox)
        }
        return outcomes
    }

    /// Records one message's metrics.
    static func record(_ prepared: InboundPipeline.Prepared, elapsed: Duration, outcome: InboundPipeline.Outcome,
                       mailbox: String) {
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        Timer(label: "ingestd_message_analysis_seconds", dimensions: [("kind", outcome.kind.rawValue)])
            .recordNanoseconds(nanoseconds)
        guard outcome.stored.created else {
            Counter(label: "ingestd_messages_duplicate_total", dimensions: [("mailbox", mailbox)]).increment()
            return
        }
        Counter(label: "ingestd_messages_ingested_total",
                dimensions: [("mailbox", mailbox), ("kind", outcome.kind.rawValue)]).increment()
        if let reason = outcome.quarantine {
            Counter(label: "ingestd_messages_quarantined_total",
                    dimensions: [("mailbox", mailbox), ("reason", reason.rawValue)]).increment()
        }
        guard let analysis = prepared.entry.analysis else { return }
        Timer(label: "ingestd_classification_seconds").recordNanoseconds(nanoseconds)
        Counter(label: "ingestd_classifications_total",
                dimensions: [("intent", analysis.intent?.rawValue ?? "abstained")]).increment()
        if !analysis.proposals.isEmpty {
            Counter(label: "ingestd_proposals_total", dimensions: [("intent", analysis.intent?.rawValue ?? "abstained")])
                .increment(by: analysis.proposals.count)
        }
    }
}
