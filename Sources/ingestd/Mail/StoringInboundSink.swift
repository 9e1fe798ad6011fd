import AgendaStore
import Foundation
import MailIngest

/// A minimal sink over the agenda store for `ingestd poll`, tests and the benchmark, until the pipeline's sink
/// (classification, correlation) is wired: it runs MailIngest's analysis for the kind and headers and stores the raw
/// bytes with the mailbox position, no classifier analysis. Unparseable input is stored, never dropped.
struct StoringInboundSink: InboundSink {
    /// The store.
    var store: any AgendaStore & InboundBatchStore
    /// Run MIME analysis and detection (kind, Message-ID, sender, subject); when false only the raw bytes are stored.
    var analyze = true

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        try await store.storeInbound(message((raw: raw, source: source, receivedAt: receivedAt)),
                                     analysis: nil)
    }

    func accept(batch items: [InboundDelivery]) async throws -> [StoredInbound] {
        try await stage(batch: items).store()
    }

    func stage(batch items: [InboundDelivery]) async -> StagedInboundBatch {
        // Analysis is pure and CPU-bound: split the batch over the cores; the store is one transaction for all.
        let messages = await withTaskGroup(of: (Int, [InboundMessage]).self) { group in
            // A few chunks per core, so a core that is also storing the previous batch gets fewer of them.
            let chunk = max(1, (items.count + Self.cores * 4 - 1) / (Self.cores * 4))
            for start in stride(from: 0, to: items.count, by: chunk) {
                let slice = Array(items[start..<min(start + chunk, items.count)])
                group.addTask { (start, slice.map(message)) }
            }
            var parts: [(Int, [InboundMessage])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        let store = self.store
        return StagedInboundBatch { try await store.storeInbound(batch: messages.map { ($0, nil) }) }
    }

    private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    private func message(_ item: InboundDelivery) -> InboundMessage {
        var message = InboundMessage(raw: item.raw, source: item.source, kind: .other, receivedAt: item.receivedAt)
        if analyze {
            let analysis = MessageAnalyzer().analyze(item.raw)
            message.kind = MessageKind(rawValue: analysis.kind.rawValue) ?? .other
            message.messageID = analysis.message?.messageID
            message.fromAddress = analysis.sender?.address
            message.subject = analysis.message?.subject
        }
        return message
    }
}
