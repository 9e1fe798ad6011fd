extension AgendaSchema {
    /// A collector's agenda without reading the other collectors' rows (issues 4 and 8: every tab p95 under 50 ms, the
    /// web UI's agenda pages under 100 ms with 20 collectors at once).
    ///
    /// - `inboundByCollector`: the replies and comments (the Replies & Comments tab's kinds) again by their customer's
    ///   current collector, clustered by collector then time, kept by triggers in the writing transaction. A
    ///   collector's page is a short range read newest first (with custom fields, their counts one range: about 10,000
    ///   rows at 200,000 replies and 20 collectors) instead of a join over their 5,000 customers and a sort. When a
    ///   customer changes collector, its messages move (found through `inboundMessage_customer`).
    /// - `inboundCollectorTally`: those rows counted by collector, day, kind and "has open proposals", kept by
    ///   triggers on `inboundByCollector` itself, so a collector's grey and red counts read a few hundred rows.
    /// - `action_assignee_open`: the open actions by assignee, mode and planned date, so a collector's manual actions
    ///   are read in page order (the shared `action_open` index is by planned date first and holds every collector).
    /// - `actionTally_assignee`: the action tallies by assignee first, so one collector's counts read their own
    ///   tally rows only.
    /// - `action_customer_open`, `history_error`: a customer's open actions and events in error, so the counts of a
    ///   custom-field filter without a collector read only those per customer (FieldScopedTabs).
    static let uiSpeedCollectorIndexes = """
        CREATE TABLE inboundByCollector (
            collectorId INTEGER NOT NULL,
            receivedAt TEXT NOT NULL,
            id INTEGER NOT NULL,
            customerId INTEGER NOT NULL,
            kind TEXT NOT NULL,
            openProposals INTEGER NOT NULL,
            PRIMARY KEY (collectorId, receivedAt, id)) WITHOUT ROWID;
        INSERT INTO inboundByCollector (collectorId, receivedAt, id, customerId, kind, openProposals)
            SELECT c.collectorId, m.receivedAt, m.id, m.customerId, m.kind, m.openProposals
            FROM inboundMessage m JOIN customer c ON c.id = m.customerId
            WHERE c.collectorId IS NOT NULL AND m.kind IN ('reply','comment');
        CREATE TRIGGER inbound_by_collector_insert AFTER INSERT ON inboundMessage
        WHEN NEW.customerId IS NOT NULL AND NEW.kind IN ('reply','comment') BEGIN
            INSERT INTO inboundByCollector (collectorId, receivedAt, id, customerId, kind, openProposals)
                SELECT collectorId, NEW.receivedAt, NEW.id, NEW.customerId, NEW.kind, NEW.openProposals
                FROM customer WHERE id = NEW.customerId AND collectorId IS NOT NULL;
        END;
        CREATE TRIGGER inbound_by_collector_update
        AFTER UPDATE OF receivedAt, kind, customerId, openProposals ON inboundMessage BEGIN
            DELETE FROM inboundByCollector
                WHERE collectorId = (SELECT collectorId FROM customer WHERE id = OLD.customerId)
                  AND receivedAt = OLD.receivedAt AND id = OLD.id;
            INSERT INTO inboundByCollector (collectorId, receivedAt, id, customerId, kind, openProposals)
                SELECT collectorId, NEW.receivedAt, NEW.id, NEW.customerId, NEW.kind, NEW.openProposals
                FROM customer WHERE id = NEW.customerId AND collectorId IS NOT NULL
                  AND NEW.kind IN ('reply','comment');
        END;
        CREATE TRIGGER inbound_by_collector_delete AFTER DELETE ON inboundMessage BEGIN
            DELETE FROM inboundByCollector
                WHERE collectorId = (SELECT collectorId FROM customer WHERE id = OLD.customerId)
                  AND receivedAt = OLD.receivedAt AND id = OLD.id;
        END;
        CREATE TRIGGER customer_collector_inbound AFTER UPDATE OF collectorId ON customer
        WHEN OLD.collectorId IS NOT NEW.collectorId BEGIN
            DELETE FROM inboundByCollector
                WHERE collectorId = OLD.collectorId
                  AND (receivedAt, id) IN (SELECT receivedAt, id FROM inboundMessage WHERE customerId = OLD.id);
            INSERT INTO inboundByCollector (collectorId, receivedAt, id, customerId, kind, openProposals)
                SELECT NEW.collectorId, receivedAt, id, customerId, kind, openProposals FROM inboundMessage
                WHERE customerId = NEW.id AND kind IN ('reply','comment') AND NEW.collectorId IS NOT NULL;
        END;
        CREATE TABLE inboundCollectorTally (
            collectorId INTEGER NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, open INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (collectorId, day, kind, open)) WITHOUT ROWID;
        INSERT INTO inboundCollectorTally (collectorId, day, kind, open, n)
            SELECT collectorId, substr(receivedAt, 1, 10), kind, openProposals > 0, count(*) FROM inboundByCollector
            GROUP BY 1, 2, 3, 4;
        CREATE TRIGGER inbound_collector_tally_insert AFTER INSERT ON inboundByCollector BEGIN
            INSERT INTO inboundCollectorTally (collectorId, day, kind, open, n)
                VALUES (NEW.collectorId, substr(NEW.receivedAt, 1, 10), NEW.kind, NEW.openProposals > 0, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER inbound_collector_tally_delete AFTER DELETE ON inboundByCollector BEGIN
            UPDATE inboundCollectorTally SET n = n - 1
                WHERE collectorId = OLD.collectorId AND day = substr(OLD.receivedAt, 1, 10) AND kind = OLD.kind
                  AND open = (OLD.openProposals > 0);
        END;
        CREATE INDEX action_assignee_open ON action(assigneeId, mode, plannedDate, status, channel, customerId)
            WHERE status IN ('planned','confirmed','sending','error');
        CREATE INDEX actionTally_assignee ON actionTally(assigneeId, mode, status, plannedDate, channel, n);
        CREATE INDEX action_customer_open ON action(customerId, mode, status, plannedDate, channel)
            WHERE status IN ('planned','confirmed','sending','error');
        CREATE INDEX history_error ON history(customerId, at, channel) WHERE status = 'error';
        """
}
