import AgendaStore
import Foundation
import Logging

/// The ``InboundPipeline`` followed by DSN matching: once a batch is stored, each new bounce in it is matched to the
/// outbound action it answers (``BounceMatcher``), which turns to `error` `bounced` with the DSN's status code and
/// reason. Matching runs after the store's transaction: a failure there is logged (ids and counts only) and never
/// makes the source fetch the batch again; the outbound component's sweep catches up on anything missed (a crash
/// between the two, a store error).
struct BounceMatchingSink: InboundSink {
    /// The pipeline (or the metered pipeline) that stores each batch and tells each message's outcome.
    let pipeline: any InboundBatchProcessor
    let matcher: BounceMatcher
    var logger: Logger?

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        try await accept(batch: [(raw: raw, source: source, receivedAt: receivedAt)])[0]
    }

    func accept(batch: [InboundDelivery]) async throws -> [StoredInbound] {
        let outcomes = try await pipeline.process(batch: batch)
        var bounces: [InboundMessageID] = []
        var envelopeIDs: [InboundMessageID: String] = [:]
        for (delivery, outcome) in zip(batch, outcomes)
        where outcome.kind == .bounce && outcome.stored.created && outcome.quarantine == nil {
            bounces.append(outcome.stored.id)
            envelopeIDs[outcome.stored.id] = DSNEnvelopeID.find(in: delivery.raw)
        }
        if !bounces.isEmpty {
            do {
                let result = try await matcher.match(messages: bounces, envelopeIDs: envelopeIDs)
                if !result.bounced.isEmpty {
                    logger?.info("bounces matched", metadata: [
                        "outbound.bounced": "\(result.bounced.map(\.rawValue))", "inbound.bounces": "\(bounces.count)"])
                }
            } catch {
                logger?.warning("bounce matching failed", metadata: ["inbound.bounces": "\(bounces.count)",
                                                                    "error.type": "\(type(of: error))"])
            }
        }
        return outcomes.map(\.stored)
    }
}

/// Runs the inbound pipeline over a batch and tells each message's outcome (kind, quarantine, stored id).
protocol InboundBatchProcessor: Sendable {
    func process(batch: [InboundDelivery]) async throws -> [InboundPipeline.Outcome]
}

extension InboundPipeline: InboundBatchProcessor {}
