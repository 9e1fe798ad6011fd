import GRDB

/// Rows counted into `inboundTally`, `historyTally` and `historyCollectorTally` by the inserts of one write, added
/// with one upsert per key when the write ends (``write(_:)``).
///
/// Triggers kept these tallies until migration 14 (see `AgendaSchema.insertsWithoutTriggers`); a mail batch of 500
/// messages touches two or three keys. `insertInbound` and `History.append` are the only inserts into `inboundMessage`
/// and `history` and count here; updates and deletes of inbound messages, and a customer's change of collector,
/// still move their counts through triggers, which only ever meet rows already counted.
struct TallyCounts {
    private struct InboundKey: Hashable { var day: Substring, kind: String, hasProposals: Bool }
    private struct HistoryKey: Hashable { var day: Substring, status: String, channel: String }
    private struct CollectorKey: Hashable { var collector: Int64, history: HistoryKey }

    private var inbound: [InboundKey: Int] = [:]
    private var history: [HistoryKey: Int] = [:]
    private var collectorHistory: [CollectorKey: Int] = [:]

    /// One inbound message stored at `receivedAt` (the stored text: its first ten characters are the day).
    mutating func countInbound(receivedAt: String, kind: String, openProposals: Int) {
        inbound[InboundKey(day: receivedAt.prefix(10), kind: kind, hasProposals: openProposals > 0), default: 0] += 1
    }

    /// One history event at `at` (the stored text).
    mutating func countHistory(at: String, status: String?, channel: String?, collector: Int64?) {
        let key = HistoryKey(day: at.prefix(10), status: status ?? "", channel: channel ?? "")
        history[key, default: 0] += 1
        if let collector { collectorHistory[CollectorKey(collector: collector, history: key), default: 0] += 1 }
    }

    /// Adds the counts to the tallies, inside the caller's transaction, and empties them.
    mutating func write(_ db: Database) throws {
        if !inbound.isEmpty {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO inboundTally (receivedAt, kind, openProposals, n) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET n = n + excluded.n
                """)
            for (key, n) in inbound {
                try upsert.execute(arguments: [String(key.day), key.kind, key.hasProposals ? 1 : 0, n])
            }
            inbound = [:]
        }
        if !history.isEmpty {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO historyTally (at, status, channel, n) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET n = n + excluded.n
                """)
            for (key, n) in history { try upsert.execute(arguments: [String(key.day), key.status, key.channel, n]) }
            history = [:]
        }
        if !collectorHistory.isEmpty {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO historyCollectorTally (collectorId, day, status, channel, n) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET n = n + excluded.n
                """)
            for (key, n) in collectorHistory {
                let history = key.history
                try upsert.execute(arguments: [key.collector, String(history.day), history.status, history.channel, n])
            }
            collectorHistory = [:]
        }
    }
}
