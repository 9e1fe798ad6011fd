import GRDB

/// Rows counted into `inboundTally` and `historyTally` by the inserts of one write, added with one upsert per key
/// when the write ends (``write(_:)``).
///
/// Triggers kept both tallies until migration 14: a trigger program per inserted row cost about as much as the row
/// itself (an upsert plus SQLite's sub-program setup), and a mail batch of 500 messages touches two or three keys.
/// `insertInbound` and `History.append` are the only inserts into those tables and count here; updates and deletes
/// of inbound messages still move their tally through triggers, which only ever meet rows already counted.
struct TallyCounts {
    private struct InboundKey: Hashable { var day: Substring, kind: String, hasProposals: Bool }
    private struct HistoryKey: Hashable { var day: Substring, status: String, channel: String }

    private var inbound: [InboundKey: Int] = [:]
    private var history: [HistoryKey: Int] = [:]

    /// One inbound message stored at `receivedAt` (the stored text: its first ten characters are the day).
    mutating func countInbound(receivedAt: String, kind: String, openProposals: Int) {
        inbound[InboundKey(day: receivedAt.prefix(10), kind: kind, hasProposals: openProposals > 0), default: 0] += 1
    }

    /// One history event at `at` (the stored text).
    mutating func countHistory(at: String, status: String?, channel: String?) {
        history[HistoryKey(day: at.prefix(10), status: status ?? "", channel: channel ?? ""), default: 0] += 1
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
    }
}
