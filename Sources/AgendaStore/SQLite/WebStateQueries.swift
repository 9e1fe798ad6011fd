public import Foundation
import GRDB

/// The web UI's state across restarts (``WebStateStore``) over SQLite: sessions, model jobs, the labelling queue
/// through its indexes, scenario step edits and the configuration history.
extension SQLiteAgendaStore: WebStateStore {
    public func saveSession(_ session: StoredWebSession) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO webSession (key, userId, csrfToken, expiresAt, filters) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET userId = excluded.userId, csrfToken = excluded.csrfToken,
                    expiresAt = excluded.expiresAt, filters = excluded.filters
                """, arguments: [session.key, session.user.rawValue, session.csrfToken, session.expires,
                                 session.filters])
        }
    }

    public func webSession(key: String, now: Date) async throws -> StoredWebSession? {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webSession WHERE key = ?", arguments: [key])
            else { return nil }
            let expires: Date = row["expiresAt"]
            guard expires > now else {
                try db.execute(sql: "DELETE FROM webSession WHERE key = ?", arguments: [key])
                return nil
            }
            return StoredWebSession(key: key, user: UserID(row["userId"]), csrfToken: row["csrfToken"],
                                    expires: expires, filters: row["filters"])
        }
    }

    public func touchWebSession(key: String, expires: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE webSession SET expiresAt = ? WHERE key = ?", arguments: [expires, key])
        }
    }

    public func setWebSessionFilters(key: String, filters: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE webSession SET filters = ? WHERE key = ?", arguments: [filters, key])
        }
    }

    public func deleteWebSession(key: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM webSession WHERE key = ?", arguments: [key]) }
    }

    public func purgeWebSessions(now: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [now])
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM webSession") ?? 0
        }
    }

    public func saveModelJob(_ job: ModelJobRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO modelJob (id, kind, phase, startedAt, endedAt, version, reason, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(seq), 0) + 1 FROM modelJob))
                ON CONFLICT (id) DO UPDATE SET phase = excluded.phase, endedAt = excluded.endedAt,
                    version = excluded.version, reason = excluded.reason
                """, arguments: [job.id, job.kind, job.phase.rawValue, job.startedAt, job.endedAt, job.version,
                                 job.reason])
        }
    }

    public func lastModelJob() async throws -> ModelJobRecord? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM modelJob ORDER BY seq DESC LIMIT 1") else {
                return nil
            }
            return ModelJobRecord(id: row["id"], kind: row["kind"],
                                  phase: try Decode.required(ModelJobRecord.Phase.self, row["phase"]),
                                  startedAt: row["startedAt"], endedAt: row["endedAt"], version: row["version"],
                                  reason: row["reason"])
        }
    }

    /// The three index-driven branches (abstained, low confidence, disagreement) are united first; only their
    /// messages are joined, filtered and sorted.
    static let labellingPageSQL = """
        WITH candidate(messageId) AS (
            SELECT messageId FROM analysis WHERE intent IS NULL
            UNION SELECT messageId FROM analysis WHERE confidence < :threshold
            UNION SELECT p.messageId FROM decision d JOIN proposal p ON p.id = d.proposalId
                  WHERE d.decision IN ('corrected','rejected'))
        SELECT m.id, m.kind, m.receivedAt, a.language, a.intent, a.confidence, a.summary, a.modelVersion,
               (SELECT count(*) FROM proposal p JOIN decision d ON d.proposalId = p.id
                WHERE p.messageId = m.id AND d.decision IN ('corrected','rejected')) AS disagreements
        FROM candidate c
        JOIN inboundMessage m ON m.id = c.messageId
        JOIN analysis a ON a.messageId = m.id
        WHERE m.kind IN ('reply','comment')
          AND NOT EXISTS (SELECT 1 FROM replyLabel l WHERE l.messageId = m.id)
          AND (:cursorAt IS NULL OR m.receivedAt < :cursorAt OR (m.receivedAt = :cursorAt AND m.id < :cursorID))
        ORDER BY m.receivedAt DESC, m.id DESC LIMIT :limit
        """

    public func labellingPage(threshold: Double, after cursor: LabellingCursor?, limit: Int) async throws
        -> [LabellingCandidate] {
        try await pool.read { db in
            let arguments: StatementArguments = ["threshold": threshold, "cursorAt": cursor?.receivedAt,
                                                 "cursorID": cursor?.id.rawValue, "limit": max(0, limit)]
            return try Row.fetchAll(db, sql: Self.labellingPageSQL, arguments: arguments).map { row in
                LabellingCandidate(id: InboundMessageID(row["id"]),
                                   kind: try Decode.required(MessageKind.self, row["kind"]),
                                   receivedAt: row["receivedAt"], language: row["language"],
                                   intent: try Decode.value(Intent.self, row["intent"]), confidence: row["confidence"],
                                   summary: row["summary"], modelVersion: row["modelVersion"],
                                   disagreements: row["disagreements"])
            }
        }
    }

    public func updateScenarioStep(scenario: ScenarioID, position: Int, to step: ScenarioStep, by user: UserID,
                                   at: Date) async throws {
        guard !step.template.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AgendaStoreError(.invalidArgument, "a step needs a template name")
        }
        try await pool.write { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM scenario WHERE id = ?",
                                                 arguments: [scenario.rawValue]),
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM scenarioStep WHERE scenarioId = ? AND position = ?",
                                             arguments: [scenario.rawValue, position]) else {
                throw AgendaStoreError(.notFound, "no step \(position) in scenario \(scenario)")
            }
            let before = try Decode.step(row)
            guard before != step else { return }
            try db.execute(sql: """
                UPDATE scenarioStep SET dayOffset = ?, dayBase = ?, channel = ?, mode = ?, template = ?
                WHERE scenarioId = ? AND position = ?
                """, arguments: [step.dayOffset, step.dayBase.rawValue, step.channel.rawValue, step.mode.rawValue,
                                 step.template, scenario.rawValue, position])
            try db.execute(sql: """
                INSERT INTO configurationChange (entity, subject, before, after, userId, at)
                VALUES ('scenario_step', ?, ?, ?, ?, ?)
                """, arguments: ["\(name) #\(position + 1)", Self.describe(before), Self.describe(step),
                                 user.rawValue, at])
        }
    }

    /// A step in one line: `+7d oldest_open_due_date email automatic reminder-1`.
    static func describe(_ step: ScenarioStep) -> String {
        "\(step.dayOffset >= 0 ? "+" : "")\(step.dayOffset)d \(step.dayBase.rawValue) \(step.channel.rawValue) "
            + "\(step.mode.rawValue) \(step.template)"
    }

    public func recordTemplateRevision(_ revision: TemplateRevision) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO configurationChange (entity, subject, before, after, userId, at)
                VALUES ('template', ?, ?, ?, ?, ?)
                """, arguments: ["\(revision.template)/\(revision.language).\(revision.part)", revision.before,
                                 revision.after, revision.user.rawValue, revision.at])
        }
    }

    public func configurationHistory(limit: Int) async throws -> [ConfigurationChange] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM configurationChange ORDER BY at DESC, id DESC LIMIT ?",
                             arguments: [max(0, limit)]).map { row in
                ConfigurationChange(entity: row["entity"], subject: row["subject"], before: row["before"],
                                    after: row["after"], user: UserID(row["userId"]), at: row["at"])
            }
        }
    }
}
