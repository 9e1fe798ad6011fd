extension AgendaSchema {
    /// Migration 14: `inboundTally` and `historyTally` are counted by the code that inserts the rows (`TallyCounts`,
    /// one upsert per key at the end of a write) instead of a trigger per inserted row. The triggers that move a
    /// message's count when it is updated or deleted stay.
    static let tallyWriters = """
        DROP TRIGGER inbound_tally_insert;
        DROP TRIGGER history_tally;
        """
}
