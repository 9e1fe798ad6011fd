public import Foundation

/// Inbound entries checked, hashed (SHA-256, the content hash that finds a message stored twice) and compressed
/// (zstd) before any store is involved: the CPU part of storing, done by whoever holds the batch, e.g. a mail
/// poller while the store still writes the batch before it. ``InboundPipelineStore/storeInboundBatch(sealed:)``
/// writes it.
public struct SealedInboundBatch: Sendable {
    /// The entries with their hash and compressed bytes, in order.
    let items: [SealedInbound]

    /// The entries, in order.
    public var entries: [InboundBatchEntry] { items.map(\.entry) }

    /// Seals `entries`, split over the cores. Throws ``AgendaStoreError`` (`invalidArgument`) for a confidence
    /// outside 0...1, as storing would.
    public static func seal(_ entries: [InboundBatchEntry]) async throws -> SealedInboundBatch {
        let lanes = min(entries.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard lanes > 1 else { return SealedInboundBatch(items: try entries.map(SealedInbound.init)) }
        let chunk = (entries.count + lanes - 1) / lanes
        return try await withThrowingTaskGroup(of: (Int, [SealedInbound]).self) { group in
            for start in stride(from: 0, to: entries.count, by: chunk) {
                let slice = entries[start..<min(start + chunk, entries.count)]
                group.addTask { (start, try slice.map(SealedInbound.init)) }
            }
            var parts: [(Int, [SealedInbound])] = []
            for try await part in group { parts.append(part) }
            return SealedInboundBatch(items: parts.sorted { $0.0 < $1.0 }.flatMap(\.1))
        }
    }
}

/// One entry checked, hashed and compressed.
struct SealedInbound: Sendable {
    /// The entry.
    var entry: InboundBatchEntry
    /// SHA-256 of the raw bytes.
    var hash: Data
    /// The raw bytes as a zstd frame, or nil when libzstd failed (the bytes are then stored as they are).
    var compressed: Data?

    /// The message.
    var message: InboundMessage { entry.message }
    /// The classifier's reading, or nil.
    var analysis: MessageAnalysis? { entry.analysis }

    init(_ entry: InboundBatchEntry) throws {
        if let analysis = entry.analysis {
            guard (0...1).contains(analysis.confidence),
                  analysis.proposals.allSatisfy({ (0...1).contains($0.confidence) })
            else { throw AgendaStoreError(.invalidArgument, "confidence outside 0...1") }
        }
        self.entry = entry
        hash = Data(SHA256.hash(entry.message.raw))
        compressed = Zstd.compress(entry.message.raw)
    }

    init(_ message: InboundMessage, analysis: MessageAnalysis?) throws {
        try self.init(InboundBatchEntry(message: message, analysis: analysis))
    }
}
