public import Foundation
import GRDB

extension SQLiteAgendaStore: OperatorStore {
    public func mailboxOverview(since: Date) async throws -> [MailboxOverview] {
        try await pool.read { db in
            var lines: [String: MailboxOverview] = [:]
            func line(_ name: String) -> MailboxOverview {
                lines[name] ?? MailboxOverview(mailbox: name, state: nil, stateUpdatedAt: nil, messagesSince: 0,
                                               lastReceivedAt: nil, quarantined: 0)
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM mailboxSync") {
                var overview = line(row["mailbox"])
                overview.state = MailboxSyncState(mailbox: row["mailbox"], uidValidity: row["uidValidity"],
                                                  lastUID: row["lastUid"],
                                                  highestModSeq: (row["highestModSeq"] as Int64?).map { UInt64(bitPattern: $0) })
                overview.stateUpdatedAt = row["updatedAt"]
                lines[overview.mailbox] = overview
            }
            // The arrival index reads only the period's rows.
            for row in try Row.fetchAll(db, sql: """
                SELECT mailbox, count(*) AS n FROM inboundMessage WHERE receivedAt >= ? AND mailbox IS NOT NULL
                GROUP BY mailbox
                """, arguments: [since]) {
                var overview = line(row["mailbox"])
                overview.messagesSince = row["n"]
                lines[overview.mailbox] = overview
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT m.mailbox, count(*) AS n FROM inboundMessage m INDEXED BY inboundMessage_quarantine
                LEFT JOIN quarantineDisposition q ON q.messageId = m.id
                WHERE m.quarantineReason IS NOT NULL AND q.messageId IS NULL AND m.mailbox IS NOT NULL GROUP BY m.mailbox
                """) {
                var overview = line(row["mailbox"])
                overview.quarantined = row["n"]
                lines[overview.mailbox] = overview
            }
            for name in Array(lines.keys) {
                // The (mailbox, uidValidity, uid) index finds the newest message of each mailbox directly.
                lines[name]?.lastReceivedAt = try Date.fetchOne(db, sql: """
                    SELECT receivedAt FROM inboundMessage WHERE mailbox = ? ORDER BY uidValidity DESC, uid DESC LIMIT 1
                    """, arguments: [name])
            }
            return lines.values.sorted { $0.mailbox < $1.mailbox }
        }
    }

    public func quarantine(limit: Int) async throws -> [QuarantinedMessage] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: Self.quarantineSQL + " ORDER BY m.id DESC LIMIT ?", arguments: [max(0, limit)])
                .map(Self.quarantined)
        }
    }

    public func quarantinedMessage(_ id: InboundMessageID) async throws -> QuarantinedMessage? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: Self.quarantineSQL + " AND m.id = ?", arguments: [id.rawValue]).map(Self.quarantined)
        }
    }

    public func reprocess(quarantined message: InboundMessageID, as entry: InboundBatchEntry, by user: UserID,
                          at: Date) async throws -> StoredInbound {
        let prepared = try SealedInbound(entry.message, analysis: entry.analysis)
        return try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: Self.quarantineSQL + " AND m.id = ?", arguments: [message.rawValue])
            else { throw AgendaStoreError(.notFound, "no quarantined message \(message) waiting") }
            guard try Data.fetchOne(db, sql: "SELECT contentHash FROM inboundMessage WHERE id = ?",
                                    arguments: [message.rawValue]) == prepared.hash else {
                throw AgendaStoreError(.invalidArgument, "message \(message) holds other bytes")
            }
            let previousCustomer: Int64? = row["customerId"]
            try db.execute(sql: "DELETE FROM inboundMessage WHERE id = ?", arguments: [message.rawValue])
            let stored = try Self.insertInbound(db, prepared)
            if let bounce = entry.bounce { try Self.insertBounce(db, message: stored.id, bounce) }
            if let details = entry.autoReply {
                try db.execute(sql: "INSERT INTO autoReply (messageId, returnDate, redirectContact) VALUES (?, ?, ?)",
                               arguments: [stored.id.rawValue, details.returnDate?.iso, details.redirectContact])
            }
            try History.append(db, at: at, entity: "inbound", entityID: stored.id.rawValue, event: "quarantine_reprocessed",
                               customer: entry.message.customer?.rawValue ?? previousCustomer, user: user.rawValue,
                               detail: ["previous": message.rawValue,
                                        "quarantine": entry.message.quarantineReason ?? "none"])
            return stored
        }
    }

    /// Quarantined messages nobody disposed of, with their raw size (callers add conditions and order).
    static let quarantineSQL = """
        SELECT m.id, m.mailbox, m.uidValidity, m.uid, m.kind, m.quarantineReason, m.receivedAt, m.fromAddress,
               m.subject, m.customerId, ifnull(r.rawSize, 0) AS rawSize
        FROM inboundMessage m INDEXED BY inboundMessage_quarantine
        LEFT JOIN quarantineDisposition q ON q.messageId = m.id
        LEFT JOIN inboundRaw r ON r.messageId = m.id
        WHERE m.quarantineReason IS NOT NULL AND q.messageId IS NULL
        """

    static func quarantined(_ row: Row) throws -> QuarantinedMessage {
        let mailbox: String? = row["mailbox"]
        return QuarantinedMessage(
            id: InboundMessageID(row["id"]),
            source: mailbox.map { MailboxPosition(mailbox: $0, uidValidity: row["uidValidity"], uid: row["uid"]) },
            kind: try Decode.required(MessageKind.self, row["kind"]), reason: row["quarantineReason"],
            receivedAt: row["receivedAt"], rawSize: row["rawSize"], fromAddress: row["fromAddress"],
            subject: row["subject"])
    }

    public func dispose(quarantined message: InboundMessageID, as disposition: QuarantineDisposition, by user: UserID,
                        at: Date) async throws {
        try await pool.write { db in
            guard let customer = try Row.fetchOne(db, sql: """
                SELECT m.customerId FROM inboundMessage m LEFT JOIN quarantineDisposition q ON q.messageId = m.id
                WHERE m.id = ? AND m.quarantineReason IS NOT NULL AND q.messageId IS NULL
                """, arguments: [message.rawValue]) else {
                throw AgendaStoreError(.notFound, "no quarantined message \(message) waiting")
            }
            try db.execute(sql: "INSERT INTO quarantineDisposition (messageId, disposition, userId, at) VALUES (?, ?, ?, ?)",
                           arguments: [message.rawValue, disposition.rawValue, user.rawValue, at])
            try History.append(db, at: at, entity: "inbound", entityID: message.rawValue,
                               event: "quarantine_\(disposition.rawValue)", customer: customer["customerId"],
                               user: user.rawValue)
        }
    }

    public func labellingQueue(threshold: Double, limit: Int) async throws -> [LabellingCandidate] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.kind, m.receivedAt, a.language, a.intent, a.confidence, a.summary, a.modelVersion,
                       (SELECT count(*) FROM proposal p JOIN decision d ON d.proposalId = p.id
                        WHERE p.messageId = m.id AND d.decision IN ('corrected','rejected')) AS disagreements
                FROM analysis a JOIN inboundMessage m ON m.id = a.messageId
                LEFT JOIN replyLabel l ON l.messageId = m.id
                WHERE l.messageId IS NULL AND m.kind IN ('reply','comment')
                  AND (a.intent IS NULL OR a.confidence < ? OR disagreements > 0)
                ORDER BY m.receivedAt DESC, m.id DESC LIMIT ?
                """, arguments: [threshold, max(0, limit)]).map { row in
                LabellingCandidate(id: InboundMessageID(row["id"]), kind: try Decode.required(MessageKind.self, row["kind"]),
                                   receivedAt: row["receivedAt"], language: row["language"],
                                   intent: try Decode.value(Intent.self, row["intent"]), confidence: row["confidence"],
                                   summary: row["summary"], modelVersion: row["modelVersion"],
                                   disagreements: row["disagreements"])
            }
        }
    }

    public func label(_ message: InboundMessageID, _ label: ReplyLabel, by user: UserID, at: Date) async throws {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: """
                SELECT 1 FROM inboundMessage m JOIN analysis a ON a.messageId = m.id WHERE m.id = ?
                """, arguments: [message.rawValue]) != nil else {
                throw AgendaStoreError(.notFound, "no analysed message \(message)")
            }
            try db.execute(sql: """
                INSERT INTO replyLabel (messageId, intent, disputeReason, userId, labelledAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (messageId) DO UPDATE SET intent = excluded.intent, disputeReason = excluded.disputeReason,
                    userId = excluded.userId, labelledAt = excluded.labelledAt
                """, arguments: [message.rawValue, label.intent.rawValue,
                                 label.intent == .dispute ? label.disputeReason?.rawValue : nil, user.rawValue, at])
        }
    }

    public func labelCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM replyLabel") ?? 0 }
    }

    public func labelledReplies() async throws -> [LabelledReplyRecord] {
        try await pool.read { db in
            var records: [LabelledReplyRecord] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT l.messageId, l.intent, l.disputeReason, a.language, a.visibleText, m.receivedAt
                FROM replyLabel l JOIN inboundMessage m ON m.id = l.messageId JOIN analysis a ON a.messageId = m.id
                ORDER BY l.labelledAt, l.messageId
                """) {
                let id: Int64 = row["messageId"]
                let items = try Row.fetchAll(db, sql: """
                    SELECT p.itemNumber, d.after, i.currency FROM proposal p JOIN decision d ON d.proposalId = p.id
                    JOIN item i ON i.id = p.itemId
                    WHERE p.messageId = ? AND d.decision IN ('accepted','corrected') ORDER BY p.itemNumber
                    """, arguments: [id]).map { item in
                    (number: item["itemNumber"] as String, state: try Snapshot.decode(item["after"]),
                     currency: item["currency"] as String)
                }
                records.append(LabelledReplyRecord(
                    id: InboundMessageID(id), language: row["language"], visibleText: row["visibleText"],
                    label: ReplyLabel(intent: try Decode.required(Intent.self, row["intent"]),
                                      disputeReason: try Decode.value(DisputeReason.self, row["disputeReason"])),
                    receivedAt: row["receivedAt"], items: items))
            }
            return records
        }
    }

    public func scenarios() async throws -> [ScenarioSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM scenario ORDER BY name").map { row in
                let id: Int64 = row["id"]
                let steps = try Row.fetchAll(db, sql: "SELECT * FROM scenarioStep WHERE scenarioId = ? ORDER BY position",
                                             arguments: [id]).map { try Decode.step($0) }
                return ScenarioSummary(id: ScenarioID(id), name: row["name"], steps: steps)
            }
        }
    }
}
