import GRDB

/// The schema as append-only named migrations (GRDB `DatabaseMigrator`). Never edit a shipped migration: add one.
enum AgendaSchema {
    /// Migration names in order; the index of the last applied one + 1 is the schema version.
    static let migrationNames = ["v1-collection-domain", "v2-inbound-and-proposals", "v3-alerts-and-models",
                                  "v4-reply-correlation", "v5-auto-reply-details", "outbound-send-tracking",
                                  "serve-user-credentials", "perf_history_by_collector",
                                  "operator-labels-and-quarantine", "ui-collector-uploads",
                                  "ui-features-state", "ui-speed-collector-indexes",
                                  "vocabulary-checks-as-comparisons", "inserts-without-triggers"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrationNames[0]) { db in try db.execute(sql: v1) }
        migrator.registerMigration(migrationNames[1]) { db in try db.execute(sql: v2) }
        migrator.registerMigration(migrationNames[2]) { db in try db.execute(sql: v3) }
        migrator.registerMigration(migrationNames[3]) { db in try db.execute(sql: replyCorrelation) }
        migrator.registerMigration(migrationNames[4]) { db in try db.execute(sql: autoReplyDetails) }
        migrator.registerMigration(migrationNames[5]) { db in try db.execute(sql: outbound) }
        migrator.registerMigration(migrationNames[6]) { db in try db.execute(sql: serveCredentials) }
        migrator.registerMigration(migrationNames[7]) { db in try db.execute(sql: perfHistoryByCollector) }
        migrator.registerMigration(migrationNames[8]) { db in try db.execute(sql: operatorLabels) }
        migrator.registerMigration(migrationNames[9]) { db in try db.execute(sql: collectorUploads) }
        migrator.registerMigration(migrationNames[10]) { db in try db.execute(sql: uiFeaturesState) }
        migrator.registerMigration(migrationNames[11]) { db in try db.execute(sql: uiSpeedCollectorIndexes) }
        migrator.registerMigration(migrationNames[12]) { db in try vocabularyChecksAsComparisons(db) }
        migrator.registerMigration(migrationNames[13]) { db in try db.execute(sql: insertsWithoutTriggers) }
        return migrator
    }

    static let qualifications = "'ongoing','promise_to_pay','dispute','dispute_resolved','litigation'"
    static let reasons = "'price','quality','delivery','administrative'"
    static let channels = "'email','sms','letter','call','litigation'"
    static let modes = "'manual','automatic','automatic_with_confirmation'"
    static let statuses = "'planned','confirmed','sending','done','cancelled','error'"
    static let causes = """
        'no_collection_contact','contact_has_no_email','contact_has_no_phone','contact_has_no_address',\
        'address_rejected','bounced','send_failed'
        """

    /// Users, customers, contacts, items and their qualification changes, scenarios, actions, history.
    static let v1 = """
        CREATE TABLE user (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE CHECK (length(login) > 0),
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('collector','operator','admin')),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)));
        CREATE TABLE scenario (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            pauseOnDispute INTEGER NOT NULL CHECK (pauseOnDispute IN (0,1)),
            pauseOnPromise INTEGER NOT NULL CHECK (pauseOnPromise IN (0,1)));
        CREATE TABLE scenarioStep (
            id INTEGER PRIMARY KEY,
            scenarioId INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            dayOffset INTEGER NOT NULL,
            dayBase TEXT NOT NULL CHECK (dayBase IN ('oldest_open_due_date','previous_action')),
            channel TEXT NOT NULL CHECK (channel IN (\(channels))),
            mode TEXT NOT NULL CHECK (mode IN (\(modes))),
            template TEXT NOT NULL,
            UNIQUE (scenarioId, position));
        CREATE TABLE customer (
            id INTEGER PRIMARY KEY,
            externalKey TEXT NOT NULL UNIQUE CHECK (length(externalKey) > 0),
            name TEXT NOT NULL,
            language TEXT,
            collectorId INTEGER REFERENCES user(id),
            scenarioId INTEGER REFERENCES scenario(id),
            createdAt TEXT NOT NULL,
            updatedAt TEXT NOT NULL);
        CREATE INDEX customer_collector ON customer(collectorId);
        CREATE TABLE customerField (
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            value TEXT NOT NULL,
            PRIMARY KEY (customerId, name)) WITHOUT ROWID;
        CREATE INDEX customerField_value ON customerField(name, value);
        CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            externalKey TEXT NOT NULL UNIQUE CHECK (length(externalKey) > 0),
            name TEXT, email TEXT, phone TEXT, postalAddress TEXT,
            isCollectionContact INTEGER NOT NULL CHECK (isCollectionContact IN (0,1)));
        CREATE INDEX contact_customer ON contact(customerId);
        CREATE INDEX contact_email ON contact(email COLLATE NOCASE);
        CREATE UNIQUE INDEX contact_one_collection ON contact(customerId) WHERE isCollectionContact = 1;
        CREATE TABLE item (
            id INTEGER PRIMARY KEY,
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('invoice','credit_note')),
            number TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
            issueDate TEXT NOT NULL CHECK (issueDate GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            dueDate TEXT NOT NULL CHECK (dueDate GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            amountMinor INTEGER NOT NULL,
            openAmountMinor INTEGER NOT NULL,
            currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
            qualification TEXT CHECK (qualification IN (\(qualifications))),
            promiseDate TEXT,
            qualificationAmountMinor INTEGER,
            disputeReason TEXT CHECK (disputeReason IN (\(reasons))),
            qualifiedAt TEXT,
            CHECK (promiseDate IS NULL OR qualification = 'promise_to_pay'),
            CHECK (disputeReason IS NULL OR qualification IN ('dispute','litigation','dispute_resolved')));
        CREATE INDEX item_customer ON item(customerId, openAmountMinor);
        CREATE INDEX item_promise ON item(promiseDate) WHERE qualification = 'promise_to_pay';
        CREATE TABLE qualificationChange (
            id INTEGER PRIMARY KEY,
            itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            userId INTEGER REFERENCES user(id),
            source TEXT NOT NULL CHECK (source IN ('manual','proposal','import','system')),
            before TEXT NOT NULL,
            after TEXT NOT NULL);
        CREATE INDEX qualificationChange_item ON qualificationChange(itemId);
        CREATE TABLE action (
            id INTEGER PRIMARY KEY,
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            stepId INTEGER REFERENCES scenarioStep(id),
            cycleDate TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('scenario','broken_promise','manual')),
            channel TEXT NOT NULL CHECK (channel IN (\(channels))),
            mode TEXT NOT NULL CHECK (mode IN (\(modes))),
            status TEXT NOT NULL CHECK (status IN (\(statuses))),
            errorCause TEXT CHECK (errorCause IN (\(causes))),
            errorDetail TEXT,
            plannedDate TEXT NOT NULL,
            doneDate TEXT,
            assigneeId INTEGER REFERENCES user(id),
            renderedContent TEXT,
            outboundMessageId TEXT UNIQUE,
            captureToken TEXT UNIQUE,
            createdAt TEXT NOT NULL,
            CHECK ((status = 'error') = (errorCause IS NOT NULL)),
            CHECK (origin <> 'scenario' OR (stepId IS NOT NULL AND cycleDate IS NOT NULL)));
        CREATE UNIQUE INDEX action_once_per_cycle ON action(customerId, stepId, cycleDate) WHERE stepId IS NOT NULL;
        CREATE INDEX action_customer ON action(customerId, plannedDate);
        CREATE INDEX action_tab ON action(mode, status, plannedDate, channel, customerId, assigneeId);
        CREATE INDEX action_open ON action(plannedDate, status, channel, mode, assigneeId, customerId)
            WHERE status IN ('planned','confirmed','sending','error');
        CREATE INDEX action_assignee_tab ON action(assigneeId, mode, status, plannedDate, channel, customerId);
        -- Tallies: row counts by the columns the agenda filters on, kept by triggers in the writing transaction, so
        -- the tabs' grey and red counts read a few hundred tally rows instead of counting a million actions.
        CREATE TABLE actionTally (
            mode TEXT NOT NULL, status TEXT NOT NULL, channel TEXT NOT NULL, assigneeId INTEGER NOT NULL,
            plannedDate TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (mode, status, channel, assigneeId, plannedDate)) WITHOUT ROWID;
        CREATE TRIGGER action_tally_insert AFTER INSERT ON action BEGIN
            INSERT INTO actionTally VALUES (NEW.mode, NEW.status, NEW.channel, ifnull(NEW.assigneeId, 0),
                                            NEW.plannedDate, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER action_tally_delete AFTER DELETE ON action BEGIN
            UPDATE actionTally SET n = n - 1 WHERE mode = OLD.mode AND status = OLD.status AND channel = OLD.channel
                AND assigneeId = ifnull(OLD.assigneeId, 0) AND plannedDate = OLD.plannedDate;
        END;
        CREATE TRIGGER action_tally_update AFTER UPDATE OF mode, status, channel, assigneeId, plannedDate ON action
        BEGIN
            UPDATE actionTally SET n = n - 1 WHERE mode = OLD.mode AND status = OLD.status AND channel = OLD.channel
                AND assigneeId = ifnull(OLD.assigneeId, 0) AND plannedDate = OLD.plannedDate;
            INSERT INTO actionTally VALUES (NEW.mode, NEW.status, NEW.channel, ifnull(NEW.assigneeId, 0),
                                            NEW.plannedDate, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TABLE actionItem (
            actionId INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
            itemId INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
            PRIMARY KEY (actionId, itemId)) WITHOUT ROWID;
        CREATE INDEX actionItem_item ON actionItem(itemId);
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            entity TEXT NOT NULL,
            entityId INTEGER,
            event TEXT NOT NULL,
            customerId INTEGER REFERENCES customer(id),
            userId INTEGER REFERENCES user(id),
            channel TEXT CHECK (channel IN (\(channels))),
            status TEXT CHECK (status IN (\(statuses))),
            detail TEXT NOT NULL DEFAULT '{}');
        CREATE INDEX history_at ON history(at, status, channel, customerId);
        CREATE INDEX history_customer ON history(customerId, at, status, channel);
        CREATE TABLE historyTally (
            at TEXT NOT NULL, status TEXT NOT NULL, channel TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (at, status, channel)) WITHOUT ROWID;
        CREATE TRIGGER history_tally AFTER INSERT ON history BEGIN
            INSERT INTO historyTally VALUES (substr(NEW.at, 1, 10), ifnull(NEW.status, ''), ifnull(NEW.channel, ''), 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER history_no_update BEFORE UPDATE ON history
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_no_delete BEFORE DELETE ON history
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        """

    /// Inbound messages, analyses, proposals, decisions, mailbox sync state.
    static let v2 = """
        CREATE TABLE inboundMessage (
            id INTEGER PRIMARY KEY,
            contentHash BLOB NOT NULL UNIQUE CHECK (length(contentHash) = 32),
            mailbox TEXT, uidValidity INTEGER, uid INTEGER,
            kind TEXT NOT NULL CHECK (kind IN ('reply','auto_reply','bounce','feedback_report','comment','other')),
            messageIdHeader TEXT,
            fromAddress TEXT,
            subject TEXT,
            receivedAt TEXT NOT NULL,
            customerId INTEGER REFERENCES customer(id),
            actionId INTEGER REFERENCES action(id),
            correlation TEXT NOT NULL CHECK (correlation IN
                ('capture_token','in_reply_to','sender_address','sender_domain','item_number','unmatched')),
            quarantineReason TEXT,
            openProposals INTEGER NOT NULL DEFAULT 0 CHECK (openProposals >= 0),
            CHECK ((mailbox IS NULL) = (uid IS NULL) AND (uid IS NULL) = (uidValidity IS NULL)),
            UNIQUE (mailbox, uidValidity, uid));
        CREATE INDEX inboundMessage_received ON inboundMessage(receivedAt, kind, customerId, openProposals);
        CREATE TABLE inboundTally (
            receivedAt TEXT NOT NULL, kind TEXT NOT NULL, openProposals INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (receivedAt, kind, openProposals)) WITHOUT ROWID;
        CREATE TRIGGER inbound_tally_insert AFTER INSERT ON inboundMessage BEGIN
            INSERT INTO inboundTally VALUES (substr(NEW.receivedAt, 1, 10), NEW.kind, NEW.openProposals > 0, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER inbound_tally_delete AFTER DELETE ON inboundMessage BEGIN
            UPDATE inboundTally SET n = n - 1 WHERE receivedAt = substr(OLD.receivedAt, 1, 10) AND kind = OLD.kind
                AND openProposals = (OLD.openProposals > 0);
        END;
        CREATE TRIGGER inbound_tally_update AFTER UPDATE OF receivedAt, kind, openProposals ON inboundMessage BEGIN
            UPDATE inboundTally SET n = n - 1 WHERE receivedAt = substr(OLD.receivedAt, 1, 10) AND kind = OLD.kind
                AND openProposals = (OLD.openProposals > 0);
            INSERT INTO inboundTally VALUES (substr(NEW.receivedAt, 1, 10), NEW.kind, NEW.openProposals > 0, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TABLE inboundRaw (
            messageId INTEGER PRIMARY KEY REFERENCES inboundMessage(id) ON DELETE CASCADE,
            compression TEXT NOT NULL CHECK (compression IN ('deflate','none')),
            rawSize INTEGER NOT NULL CHECK (rawSize >= 0),
            raw BLOB NOT NULL);
        CREATE INDEX inboundMessage_customer ON inboundMessage(customerId, receivedAt, kind, openProposals);
        CREATE TABLE analysis (
            id INTEGER PRIMARY KEY,
            messageId INTEGER NOT NULL UNIQUE REFERENCES inboundMessage(id) ON DELETE CASCADE,
            language TEXT,
            visibleText TEXT NOT NULL,
            intent TEXT CHECK (intent IN ('promise_to_pay','payment_made','dispute','invoice_request','payment_plan',
                                          'wrong_contact','acknowledgement','auto_reply','other')),
            confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
            disputeReason TEXT CHECK (disputeReason IN (\(reasons))),
            summary TEXT,
            modelVersion TEXT);
        CREATE TABLE proposal (
            id INTEGER PRIMARY KEY,
            messageId INTEGER NOT NULL REFERENCES inboundMessage(id) ON DELETE CASCADE,
            itemId INTEGER REFERENCES item(id),
            itemNumber TEXT NOT NULL,
            qualification TEXT CHECK (qualification IN (\(qualifications))),
            promiseDate TEXT,
            amountMinor INTEGER,
            disputeReason TEXT CHECK (disputeReason IN (\(reasons))),
            confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
            evidence TEXT,
            UNIQUE (messageId, itemNumber));
        CREATE INDEX proposal_item ON proposal(itemId);
        CREATE TABLE decision (
            id INTEGER PRIMARY KEY,
            proposalId INTEGER NOT NULL UNIQUE REFERENCES proposal(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('accepted','corrected','rejected')),
            userId INTEGER NOT NULL REFERENCES user(id),
            decidedAt TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL);
        CREATE TABLE mailboxSync (
            mailbox TEXT PRIMARY KEY,
            uidValidity INTEGER NOT NULL,
            lastUid INTEGER NOT NULL CHECK (lastUid >= 0),
            highestModSeq INTEGER,
            updatedAt TEXT NOT NULL);
        """

    /// Alert rules and hits, model registry.
    static let v3 = """
        CREATE TABLE alertRule (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('outstanding_above','overdue_more_than','disputed_amount',
                                                'promise_broken','field_limit_exceeded')),
            thresholdMinor INTEGER, currency TEXT, days INTEGER, fieldName TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
            CHECK (kind NOT IN ('outstanding_above','disputed_amount') OR (thresholdMinor IS NOT NULL AND currency IS NOT NULL)),
            CHECK (kind <> 'overdue_more_than' OR days IS NOT NULL),
            CHECK (kind <> 'field_limit_exceeded' OR fieldName IS NOT NULL));
        CREATE TABLE alert (
            id INTEGER PRIMARY KEY,
            ruleId INTEGER REFERENCES alertRule(id),
            kind TEXT NOT NULL CHECK (kind IN ('outstanding_above','overdue_more_than','disputed_amount',
                                                'promise_broken','field_limit_exceeded')),
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            itemId INTEGER REFERENCES item(id) ON DELETE CASCADE,
            occurrence TEXT NOT NULL DEFAULT '',
            raisedOn TEXT NOT NULL,
            isOpen INTEGER NOT NULL DEFAULT 1 CHECK (isOpen IN (0,1)),
            actionId INTEGER REFERENCES action(id));
        CREATE UNIQUE INDEX alert_once ON alert(kind, ifnull(ruleId, 0), customerId, ifnull(itemId, 0), occurrence)
            WHERE isOpen = 1;
        CREATE INDEX alert_customer ON alert(customerId);
        CREATE TABLE modelVersion (
            id INTEGER PRIMARY KEY,
            version TEXT NOT NULL UNIQUE,
            metrics TEXT NOT NULL,
            createdAt TEXT NOT NULL,
            promoted INTEGER NOT NULL DEFAULT 0 CHECK (promoted IN (0,1)));
        CREATE UNIQUE INDEX modelVersion_one_promoted ON modelVersion(promoted) WHERE promoted = 1;
        """
}
