import Foundation
import GRDB

extension SQLiteAgendaStore: InboundPipelineStore {
    public func storeInboundBatch(_ entries: [InboundBatchEntry]) async throws -> [StoredInbound] {
        guard !entries.isEmpty else { return [] }
        return try await storeInboundBatch(sealed: SealedInboundBatch.seal(entries))
    }

    public func storeInboundBatch(sealed batch: SealedInboundBatch) async throws -> [StoredInbound] {
        guard !batch.items.isEmpty else { return [] }
        return try await pool.write { db in try Self.writeInboundBatch(db, batch) }
    }

    public func rehearseInboundBatch(sealed batch: SealedInboundBatch) async throws {
        guard !batch.items.isEmpty else { return }
        try await pool.writeWithoutTransaction { db in
            try db.inTransaction {
                _ = try Self.writeInboundBatch(db, batch)
                return .rollback
            }
        }
    }

    /// The writes of a batch, inside the caller's transaction.
    static func writeInboundBatch(_ db: Database, _ batch: SealedInboundBatch) throws -> [StoredInbound] {
        var moves: [(source: MailboxPosition, at: Date)] = []
        var tallies = TallyCounts()
        let statements = try InboundStatements(db)
        let stored = try batch.items.map { inbound in
            let entry = inbound.entry
            let stored = try Self.insertInbound(db, inbound, advanceCursor: false, tallies: &tallies,
                                                statements: statements)
            guard stored.created else { return stored }
            if let source = inbound.message.source { moves.append((source, inbound.message.receivedAt)) }
            if let bounce = entry.bounce { try Self.insertBounce(db, message: stored.id, bounce) }
            if let details = entry.autoReply {
                try db.cachedStatement(sql: """
                    INSERT INTO autoReply (messageId, returnDate, redirectContact) VALUES (?, ?, ?)
                    """).execute(arguments: [stored.id.rawValue, details.returnDate?.iso, details.redirectContact])
            }
            return stored
        }
        try Self.advanceCursors(db, moves)
        try tallies.write(db)
        return stored
    }

    public func lastDoneAction(of customer: CustomerID, channel: Channel, from: Day, through: Day) async throws
        -> ActionID? {
        guard from <= through else { return nil }
        return try await pool.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM action WHERE customerId = ? AND channel = ? AND status = 'done'
                    AND doneDate BETWEEN ? AND ? ORDER BY doneDate DESC, id DESC LIMIT 1
                """), arguments: [customer.rawValue, channel.rawValue, from.iso, through.iso]).map(ActionID.init)
        }
    }

    /// Writes a bounce's report and recipients for a newly stored message, inside the caller's transaction.
    static func insertBounce(_ db: Database, message: InboundMessageID, _ bounce: BounceInput) throws {
        try db.cachedStatement(sql: "INSERT INTO bounce (messageId, originalMessageId) VALUES (?, ?)")
            .execute(arguments: [message.rawValue, bounce.originalMessageID.map(Self.bareMessageID)])
        for (position, recipient) in bounce.recipients.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO bounceRecipient (messageId, position, address, status, replyCode, reason, hard,
                    diagnostic) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [message.rawValue, position, recipient.address, recipient.status,
                                         recipient.replyCode, recipient.reason, recipient.hard, recipient.diagnostic])
        }
    }
}


