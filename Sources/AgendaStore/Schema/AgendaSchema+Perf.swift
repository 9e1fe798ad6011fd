extension AgendaSchema {
    /// The history tab for one collector without reading the whole history (issue 4: p95 under 50 ms).
    ///
    /// A collector's history is the history of the customers they hold now, and those customers are spread over the
    /// whole `history_customer` index: counting one collector's 54,000 events of a 1.1-million-row history read ~10,000
    /// pages (~17 ms CPU), and a page newest first scanned the history table. Two tables kept by triggers in the
    /// writing transaction hold the history again by the customer's current collector:
    /// - `historyByCollector`: one row per event of a customer with a collector (history id, customer, day, status,
    ///   channel), clustered by collector then id, so a page is a short range read newest first;
    /// - `historyCollectorTally`: event counts by collector, day, status and channel (as `historyTally`), so the grey
    ///   and red counts read a few hundred rows.
    /// When a customer changes collector, its events move (it has tens, found through `history_customer`).
    /// Tally rows that reach 0 are kept (sums ignore them; deleting them would scan the collector's range).
    static let perfHistoryByCollector = """
        CREATE TABLE historyByCollector (
            collectorId INTEGER NOT NULL,
            id INTEGER NOT NULL,
            customerId INTEGER NOT NULL,
            day TEXT NOT NULL,
            status TEXT,
            channel TEXT,
            PRIMARY KEY (collectorId, id)) WITHOUT ROWID;
        CREATE TABLE historyCollectorTally (
            collectorId INTEGER NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL, channel TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (collectorId, day, status, channel)) WITHOUT ROWID;
        INSERT INTO historyByCollector (collectorId, id, customerId, day, status, channel)
            SELECT c.collectorId, h.id, h.customerId, substr(h.at, 1, 10), h.status, h.channel
            FROM history h JOIN customer c ON c.id = h.customerId WHERE c.collectorId IS NOT NULL;
        INSERT INTO historyCollectorTally (collectorId, day, status, channel, n)
            SELECT collectorId, day, ifnull(status, ''), ifnull(channel, ''), count(*) FROM historyByCollector
            GROUP BY 1, 2, 3, 4;
        CREATE TRIGGER history_by_collector AFTER INSERT ON history WHEN NEW.customerId IS NOT NULL BEGIN
            INSERT INTO historyByCollector (collectorId, id, customerId, day, status, channel)
                SELECT collectorId, NEW.id, NEW.customerId, substr(NEW.at, 1, 10), NEW.status, NEW.channel
                FROM customer WHERE id = NEW.customerId AND collectorId IS NOT NULL;
            INSERT INTO historyCollectorTally (collectorId, day, status, channel, n)
                SELECT collectorId, substr(NEW.at, 1, 10), ifnull(NEW.status, ''), ifnull(NEW.channel, ''), 1
                FROM customer WHERE id = NEW.customerId AND collectorId IS NOT NULL
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER customer_collector_history AFTER UPDATE OF collectorId ON customer
        WHEN OLD.collectorId IS NOT NEW.collectorId BEGIN
            UPDATE historyCollectorTally SET n = n - g.k
                FROM (SELECT substr(at, 1, 10) AS day, ifnull(status, '') AS status, ifnull(channel, '') AS channel,
                             count(*) AS k
                      FROM history WHERE customerId = OLD.id GROUP BY 1, 2, 3) AS g
                WHERE historyCollectorTally.collectorId = OLD.collectorId AND historyCollectorTally.day = g.day
                  AND historyCollectorTally.status = g.status AND historyCollectorTally.channel = g.channel;
            DELETE FROM historyByCollector
                WHERE collectorId = OLD.collectorId AND id IN (SELECT id FROM history WHERE customerId = OLD.id);
            INSERT INTO historyByCollector (collectorId, id, customerId, day, status, channel)
                SELECT NEW.collectorId, id, customerId, substr(at, 1, 10), status, channel FROM history
                WHERE customerId = NEW.id AND NEW.collectorId IS NOT NULL;
            INSERT INTO historyCollectorTally (collectorId, day, status, channel, n)
                SELECT NEW.collectorId, substr(at, 1, 10), ifnull(status, ''), ifnull(channel, ''), count(*)
                FROM history WHERE customerId = NEW.id AND NEW.collectorId IS NOT NULL GROUP BY 2, 3, 4
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
        END;
        """
}
