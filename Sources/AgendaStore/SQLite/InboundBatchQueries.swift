public import Foundation
import GRDB

extension SQLiteAgendaStore: InboundBatchStore {
    public func storeInbound(batch messages: [(message: InboundMessage, analysis: MessageAnalysis?)]) async throws
        -> [StoredInbound] {
        for entry in messages { try Self.validateInbound(entry.analysis) }
        // Hash and compress before taking the write lock.
        let prepared = messages.map { (Data(SHA256.hash($0.message.raw)), Deflate.compress($0.message.raw)) }
        return try await pool.write { db in
            try zip(messages, prepared).map { entry, bytes in
                try Self.insertInbound(db, entry.message, analysis: entry.analysis, hash: bytes.0, compressed: bytes.1)
            }
        }
    }
}
