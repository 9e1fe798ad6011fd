extension AgendaSchema {
    /// The web UI's state across restarts (issue #8): sessions (keyed by a digest of the cookie), the operators'
    /// model jobs, the configuration history of scenario and template edits, and the indexes the labelling queue
    /// reads (abstained analyses, confidence, collectors' disagreements) instead of scanning every reply.
    static let uiFeaturesState = """
        CREATE TABLE webSession (
            key TEXT PRIMARY KEY,
            userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
            csrfToken TEXT NOT NULL,
            expiresAt TEXT NOT NULL,
            filters TEXT NOT NULL DEFAULT '');
        CREATE INDEX webSession_expires ON webSession(expiresAt);
        CREATE TABLE modelJob (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('running','finished','failed')),
            startedAt TEXT NOT NULL,
            endedAt TEXT,
            version TEXT,
            reason TEXT,
            seq INTEGER NOT NULL);
        CREATE INDEX modelJob_seq ON modelJob(seq);
        CREATE TABLE configurationChange (
            id INTEGER PRIMARY KEY,
            entity TEXT NOT NULL CHECK (entity IN ('scenario_step','template')),
            subject TEXT NOT NULL,
            before TEXT,
            after TEXT,
            userId INTEGER NOT NULL REFERENCES user(id),
            at TEXT NOT NULL);
        CREATE INDEX configurationChange_at ON configurationChange(at);
        CREATE INDEX analysis_abstained ON analysis(messageId) WHERE intent IS NULL;
        CREATE INDEX analysis_confidence ON analysis(confidence, messageId);
        CREATE INDEX decision_disagreement ON decision(proposalId) WHERE decision IN ('corrected','rejected');
        CREATE INDEX proposal_message ON proposal(messageId);
        """
}
