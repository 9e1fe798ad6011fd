import Foundation
import GRDB

extension SQLiteAgendaStore: InboundBatchStore {
    public func storeInbound(batch messages: [(message: InboundMessage, analysis: MessageAnalysis?)]) async throws
        -> [StoredInbound] {
        // The pipeline's batch write with entries that carry no bounce or auto-reply details.
        try await storeInboundBatch(messages.map { InboundBatchEntry(message: $0.message, analysis: $0.analysis) })
    }
}
