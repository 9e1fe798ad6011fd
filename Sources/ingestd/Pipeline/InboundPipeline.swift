import AgendaStore
import FeedbackClassifier
import Foundation
import MailIngest

/// The real ``InboundSink``: every mail source hands its messages here. Steps, for each message:
/// 1. size check: over ``ParseLimits/maxMessageBytes`` only the header block is read and the message is quarantined
///    (`too_large`);
/// 2. MIME analysis, kind detection and reply extraction (``MessageAnalyzer``); a message that is empty, not a
///    message at all, or over another parse limit is quarantined with the reason (``QuarantineReason``);
/// 3. correlation to a customer and action (``Correlator``);
/// 4. for replies and comments, the classifier (``ReplyReading``) with the customer's open items as context, giving
///    the summary, intent and one proposal per item; for auto-replies, the return date and alternative contact;
/// 5. one store transaction for the whole batch (``InboundPipelineStore/storeInboundBatch(_:)``): raw bytes,
///    parsed fields, analysis, proposals, bounce recipients, auto-reply details and, for a mailbox source, the
///    sync cursor.
///
/// Steps 1 to 4 are pure or read-only: a batch runs them for several messages at once (at most
/// ``Configuration/concurrency``), with the store reads remembered for the batch (``CorrelationLookup``).
///
/// Nothing is lost: whatever fails before step 5 stores the message anyway, quarantined and without analysis; only a
/// failure of the store itself is thrown (the source then keeps the batch and retries). The same bytes (or the
/// same mailbox position) twice are stored once.
struct InboundPipeline: InboundSink {
    /// What the pipeline does besides its fixed steps.
    struct Configuration: Sendable {
        /// Parse limits; a message over `maxMessageBytes` is quarantined as `too_large`.
        var limits = ParseLimits.default
        /// The classifier; nil stores replies without classification.
        var interpreter: ReplyInterpreter?
        /// The model version recorded with each analysis.
        var modelVersion: String?
        /// The instant relative dates in replies resolve against; nil: the message's Date field, else its arrival.
        var referenceDate: Date?
        /// Public mail providers, skipped by the sender-domain rule.
        var freemailDomains = FreemailDomains.all
        /// How many days back a reply matched by sender or items is linked to the customer's last done email
        /// action (0: never).
        var actionWindowDays = 30
        /// Messages of a batch analysed at once (MIME analysis and classification are CPU-bound).
        var concurrency = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// When set, the model is read from here for each batch (replacing `interpreter` and `modelVersion`), so a
        /// promoted model is used without a restart.
        var live: LiveModel?

        init(limits: ParseLimits = .default, interpreter: ReplyInterpreter? = nil, modelVersion: String? = nil,
             referenceDate: Date? = nil) {
            self.limits = limits
            self.interpreter = interpreter
            self.modelVersion = modelVersion
            self.referenceDate = referenceDate
        }
    }

    /// What happened to one message (for summaries and tests).
    struct Outcome: Sendable, Hashable {
        var stored: StoredInbound
        var kind: MessageKind
        var correlation: Correlation
        var target: CorrelationTarget?
        var quarantine: QuarantineReason?
    }

    /// One message read, matched and classified, ready for the store.
    struct Prepared: Sendable {
        var entry: InboundBatchEntry
        var target: CorrelationTarget?
        var quarantine: QuarantineReason?
    }

    /// Kinds the classifier reads for the store (auto-replies and bounces are handled by rules).
    static let classifiedKinds: Set<MailIngest.MessageAnalysis.Kind> = [.reply, .comment]
    /// How much of a too-large message is searched for the end of its header block.
    static let headerScanBytes = 1 << 20

    let store: any PipelineStore
    let configuration: Configuration

    init(store: any PipelineStore, configuration: Configuration = Configuration()) {
        self.store = store
        self.configuration = configuration
    }

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        try await process(raw: raw, source: source, receivedAt: receivedAt).stored
    }

    func accept(batch: [InboundDelivery]) async throws -> [StoredInbound] {
        try await process(batch: batch).map(\.stored)
    }

    /// Steps 1 to 4 now, the store when the source stores the staged batch (after the batch before it).
    func stage(batch: [InboundDelivery]) async -> StagedInboundBatch {
        guard !batch.isEmpty else { return StagedInboundBatch { [] } }
        let prepared = await prepare(batch, lookup: CorrelationLookup(store: store))
        // Hash and compress now too, so the store's turn is the write alone; a refused entry is refused by the store.
        let sealed = try? await SealedInboundBatch.seal(prepared.map(\.entry))
        return StagedInboundBatch { try await self.store(prepared, sealed: sealed).map(\.stored) }
    }

    /// Runs every step for one message and stores it.
    func process(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> Outcome {
        try await process(batch: [(raw: raw, source: source, receivedAt: receivedAt)])[0]
    }

    /// Runs every step for each message of `batch` and stores them all in one transaction; one outcome each.
    func process(batch: [InboundDelivery]) async throws -> [Outcome] {
        guard !batch.isEmpty else { return [] }
        let prepared = await prepare(batch, lookup: CorrelationLookup(store: store))
        return try await store(prepared)
    }

    /// Stores prepared messages in one transaction (`sealed`: the same entries hashed and compressed beforehand).
    func store(_ prepared: [Prepared], sealed: SealedInboundBatch? = nil) async throws -> [Outcome] {
        let stored = if let sealed {
            try await store.storeInboundBatch(sealed: sealed)
        } else {
            try await store.storeInboundBatch(prepared.map(\.entry))
        }
        return zip(prepared, stored).map { prepared, stored in
            Outcome(stored: stored, kind: prepared.entry.message.kind, correlation: prepared.entry.message.correlation,
                    target: prepared.target, quarantine: prepared.quarantine)
        }
    }

    /// This pipeline with the live model's current version, the model file checked for a promotion first (a file
    /// that does not load keeps the model in use); itself without a live model.
    func resolvingModel() -> InboundPipeline {
        guard let live = configuration.live else { return self }
        _ = try? live.refreshIfChanged()
        let snapshot = live.current
        var fixed = configuration
        fixed.live = nil
        fixed.interpreter = snapshot.interpreter
        fixed.modelVersion = snapshot.version
        return InboundPipeline(store: store, configuration: fixed)
    }

    /// Steps 1 to 4 for every message, at most ``Configuration/concurrency`` at once; results in batch order.
    func prepare(_ batch: [InboundDelivery], lookup: CorrelationLookup) async -> [Prepared] {
        guard configuration.live == nil else { return await resolvingModel().prepare(batch, lookup: lookup) }
        let lanes = max(1, min(configuration.concurrency, batch.count))
        if lanes == 1 {
            var prepared: [Prepared] = []
            for delivery in batch { prepared.append(await prepare(delivery, lookup: lookup)) }
            return prepared
        }
        return await withTaskGroup(of: (Int, Prepared).self) { group in
            var results = [Prepared?](repeating: nil, count: batch.count)
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { (index, await prepare(batch[index], lookup: lookup)) }
            }
            for _ in 0..<lanes { start() }
            for await (index, prepared) in group {
                results[index] = prepared
                if next < batch.count { start() }
            }
            return results.map { $0! }
        }
    }
}
