import Foundation
import GRDB

extension SQLiteAgendaStore: InboundBatchStore {
    public func storeInbound(batch messages: [(message: InboundMessage, analysis: MessageAnalysis?)]) async throws
        -> [StoredInbound] {
        // Validate, hash and compress before taking the write lock, split over the cores.
        guard !messages.isEmpty else { return [] }
        let prepared = try await Self.prepare(messages.map { InboundBatchEntry(message: $0.message, analysis: $0.analysis) })
        return try await pool.write { db in
            var moves: [(source: MailboxPosition, at: Date)] = []
            let stored = try prepared.map { inbound in
                let stored = try Self.insertInbound(db, inbound, advanceCursor: false)
                if stored.created, let source = inbound.message.source { moves.append((source, inbound.message.receivedAt)) }
                return stored
            }
            try Self.advanceCursors(db, moves)
            return stored
        }
    }
}
