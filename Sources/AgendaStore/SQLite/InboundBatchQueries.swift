import GRDB

extension SQLiteAgendaStore: InboundBatchStore {
    public func storeInbound(batch messages: [(message: InboundMessage, analysis: MessageAnalysis?)]) async throws
        -> [StoredInbound] {
        // Validate, hash and compress before taking the write lock.
        let prepared = try messages.map { try PreparedInbound($0.message, analysis: $0.analysis) }
        guard !prepared.isEmpty else { return [] }
        return try await pool.write { db in try prepared.map { try Self.insertInbound(db, $0) } }
    }
}
