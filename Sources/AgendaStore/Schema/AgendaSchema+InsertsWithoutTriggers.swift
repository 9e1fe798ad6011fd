extension AgendaSchema {
    /// Migration 14: no trigger fires on inserting an inbound message or a history event; the code that inserts them
    /// (`insertInbound`, `History.append`) keeps what the triggers kept:
    /// - `inboundTally` and `historyTally`, counted in `TallyCounts` and added with one upsert per key when the write
    ///   ends;
    /// - the rows of `inboundByCollector` and `historyByCollector`, and `historyCollectorTally`, written for
    ///   messages and events of a customer with a collector.
    ///
    /// In SQLite any AFTER INSERT trigger, even one whose WHEN clause is false, makes the insert run a trigger program
    /// and keep a statement journal (a copy of every page it changes): measured on the IMAP benchmark's writes, the
    /// four triggers cost more than the rows themselves. The triggers that follow updates and deletes, and the ones
    /// on the collector tables, stay.
    static let insertsWithoutTriggers = """
        DROP TRIGGER inbound_tally_insert;
        DROP TRIGGER history_tally;
        DROP TRIGGER inbound_by_collector_insert;
        DROP TRIGGER history_by_collector;
        """
}
