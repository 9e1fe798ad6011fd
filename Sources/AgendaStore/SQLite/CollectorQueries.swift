public import Foundation
import GRDB

extension SQLiteAgendaStore: CollectorStore {
    public func rescheduleAction(_ id: ActionID, to day: Day, by user: UserID?, at: Date) async throws {
        try await pool.write { db in
            guard let action = try Self.fetchAction(db, id.rawValue) else {
                throw AgendaStoreError(.notFound, "action \(id)")
            }
            guard [.planned, .confirmed, .error].contains(action.status) else {
                throw AgendaStoreError(.invalidState, "action \(id) cannot be rescheduled from \(action.status.rawValue)")
            }
            // An action in error goes back to planned: the new day is a new attempt.
            let status: ActionStatus = action.status == .error ? .planned : action.status
            try db.execute(sql: """
                UPDATE action SET plannedDate = ?, status = ?, errorCause = NULL, errorDetail = NULL WHERE id = ?
                """, arguments: [day.iso, status.rawValue, id.rawValue])
            try History.append(db, at: at, entity: "action", entityID: id.rawValue, event: "rescheduled",
                               customer: action.customer.rawValue, user: user?.rawValue, channel: action.channel,
                               status: status, detail: ["from": action.plannedDate.iso, "to": day.iso])
        }
    }

    public func actionsByDay(collector: UserID?, from: Day, through: Day) async throws -> [DayActionCount] {
        try await pool.read { db in
            let mine = collector == nil ? "" : "AND assigneeId = ?"
            var arguments: StatementArguments = [from.iso, through.iso]
            if let collector { arguments += [collector.rawValue] }
            return try Row.fetchAll(db, sql: """
                SELECT plannedDate, channel, status, sum(n) AS n FROM actionTally
                WHERE plannedDate BETWEEN ? AND ? \(mine)
                GROUP BY plannedDate, channel, status HAVING sum(n) > 0 ORDER BY plannedDate, channel, status
                """, arguments: arguments).map { row in
                DayActionCount(day: try Decode.day(row["plannedDate"])!,
                               channel: try Decode.required(Channel.self, row["channel"]),
                               status: try Decode.required(ActionStatus.self, row["status"]), count: row["n"])
            }
        }
    }

    public func replyIntentCounts(collector: UserID?, from: Day, through: Day) async throws -> [Intent?: Int] {
        try await pool.read { db in
            let join = collector == nil ? "" : "JOIN customer c ON c.id = m.customerId AND c.collectorId = ?"
            var arguments: StatementArguments = []
            if let collector { arguments += [collector.rawValue] }
            arguments += [from.iso, through.adding(days: 1).iso]
            var counts: [Intent?: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.intent, count(*) AS n FROM inboundMessage m \(join)
                LEFT JOIN analysis a ON a.messageId = m.id
                WHERE m.kind IN ('reply','comment') AND m.receivedAt >= ? AND m.receivedAt < ? GROUP BY a.intent
                """, arguments: arguments) {
                counts[try Decode.value(Intent.self, row["intent"]), default: 0] += row["n"] as Int
            }
            return counts
        }
    }

    public func alertRules() async throws -> [StoredAlertRule] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alertRule ORDER BY name").map { row in
                StoredAlertRule(id: AlertRuleID(row["id"]), rule: AlertRule(
                    name: row["name"], kind: try Decode.required(AlertRuleKind.self, row["kind"]),
                    thresholdMinor: row["thresholdMinor"], currency: row["currency"], days: row["days"],
                    fieldName: row["fieldName"]), active: row["active"])
            }
        }
    }

    public func alertHits(collector: UserID?, openOnly: Bool, limit: Int) async throws -> [AlertHit] {
        try await pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if openOnly { conditions.append("a.isOpen = 1") }
            if let collector { conditions.append("c.collectorId = ?"); arguments += [collector.rawValue] }
            arguments += [max(0, limit)]
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: """
                SELECT a.*, r.name AS ruleName, c.name AS customerName, i.number AS itemNumber FROM alert a
                JOIN customer c ON c.id = a.customerId LEFT JOIN alertRule r ON r.id = a.ruleId
                LEFT JOIN item i ON i.id = a.itemId \(filter) ORDER BY a.id DESC LIMIT ?
                """, arguments: arguments).map { row in
                AlertHit(alert: Alert(id: AlertID(row["id"]), rule: (row["ruleId"] as Int64?).map(AlertRuleID.init),
                                      kind: try Decode.required(AlertRuleKind.self, row["kind"]),
                                      customer: CustomerID(row["customerId"]),
                                      item: (row["itemId"] as Int64?).map(ItemID.init),
                                      raisedOn: try Decode.day(row["raisedOn"])!, isOpen: row["isOpen"]),
                         ruleName: row["ruleName"], customerName: row["customerName"], itemNumber: row["itemNumber"])
            }
        }
    }

    public func storeUpload(_ upload: UploadInput) async throws -> UploadID {
        let digest = SHA256.hex(SHA256.hash(upload.data))
        return try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO upload (customerId, messageId, filename, contentType, size, sha256, data, receivedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [upload.customer.rawValue, upload.message?.rawValue, upload.filename, upload.contentType,
                                 upload.data.count, digest, upload.data, upload.receivedAt])
            let id = db.lastInsertedRowID
            try History.append(db, at: upload.receivedAt, entity: "upload", entityID: id, event: "uploaded",
                               customer: upload.customer.rawValue,
                               detail: ["message": upload.message?.rawValue, "size": upload.data.count])
            return UploadID(id)
        }
    }

    public func uploads(of message: InboundMessageID) async throws -> [UploadInfo] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, customerId, messageId, filename, contentType, size, sha256, receivedAt FROM upload
                WHERE messageId = ? ORDER BY id
                """, arguments: [message.rawValue]).map(Self.uploadInfo)
        }
    }

    public func upload(_ id: UploadID) async throws -> (info: UploadInfo, data: Data)? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM upload WHERE id = ?", arguments: [id.rawValue]) else {
                return nil
            }
            return (Self.uploadInfo(row), row["data"])
        }
    }

    public func actionOutcomeCounts() async throws -> [ActionOutcomeCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT channel, status, errorCause, count(*) AS n FROM action GROUP BY channel, status, errorCause
                """).map { row in
                ActionOutcomeCount(channel: try Decode.required(Channel.self, row["channel"]),
                                   status: try Decode.required(ActionStatus.self, row["status"]),
                                   cause: try Decode.value(ErrorCause.self, row["errorCause"]), count: row["n"])
            }
        }
    }

    static func uploadInfo(_ row: Row) -> UploadInfo {
        UploadInfo(id: UploadID(row["id"]), customer: CustomerID(row["customerId"]),
                   message: (row["messageId"] as Int64?).map(InboundMessageID.init), filename: row["filename"],
                   contentType: row["contentType"], size: row["size"], sha256: row["sha256"], receivedAt: row["receivedAt"])
    }
}
