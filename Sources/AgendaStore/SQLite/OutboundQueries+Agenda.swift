public import Foundation
import GRDB

/// The outbound store's agenda side: rescheduling, the pause on unreviewed replies, the recipient fallback of DSN
/// matching, and closing an action to verify on the server's evidence. Same transaction rules as
/// `OutboundQueries.swift`: every write is one IMMEDIATE transaction that re-checks the status it expects.
extension SQLiteAgendaStore {
    public func reschedule(_ id: ActionID, to day: Day, reason: String?, by user: UserID?, at: Date) async throws {
        try await immediate { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.status, a.plannedDate, s.claimedFrom FROM action a
                LEFT JOIN outboundSend s ON s.actionId = a.id WHERE a.id = ?
                """, arguments: [id.rawValue]) else { throw AgendaStoreError(.notFound, "action \(id)") }
            let status = try Decode.required(ActionStatus.self, row["status"])
            let to: ActionStatus
            switch status {
            case .planned, .confirmed: to = status
            case .error: to = try Decode.value(ActionStatus.self, row["claimedFrom"]) ?? .planned
            case .sending, .done, .cancelled:
                throw AgendaStoreError(.invalidState, "action \(id) cannot be rescheduled (\(status.rawValue))")
            }
            let previous: String = row["plannedDate"]
            try db.execute(sql: """
                UPDATE action SET plannedDate = ?, status = ?, errorCause = NULL, errorDetail = NULL WHERE id = ?
                """, arguments: [day.iso, to.rawValue, id.rawValue])
            // A new date lifts a hold and a retry time; after an error the attempts start again.
            try db.execute(sql: """
                UPDATE outboundSend SET heldReason = NULL, nextAttemptAt = NULL,
                    attempts = CASE WHEN ? THEN 0 ELSE attempts END WHERE actionId = ?
                """, arguments: [status == .error, id.rawValue])
            var detail: [String: Any] = ["from_date": previous, "to_date": day.iso]
            if let reason { detail["reason"] = String(reason.prefix(200)) }
            if status != to { detail["from"] = status.rawValue; detail["to"] = to.rawValue }
            let owner = try Row.fetchOne(db, sql: "SELECT customerId, channel FROM action WHERE id = ?",
                                         arguments: [id.rawValue])
            try History.append(db, at: at, entity: "action", entityID: id.rawValue, event: "rescheduled",
                               customer: owner?["customerId"], user: user?.rawValue,
                               channel: try Decode.value(Channel.self, owner?["channel"]), status: to, detail: detail)
        }
    }

    public func lastSentEmailAction(customer: CustomerID, notBefore: Date, before: Date) async throws -> ActionID? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT a.id FROM action a JOIN outboundSend s ON s.actionId = a.id
                WHERE a.customerId = ? AND a.channel = 'email' AND s.sentAt IS NOT NULL AND s.sentAt >= ?
                  AND s.sentAt <= ? AND (a.status = 'done' OR (a.status = 'error' AND a.errorCause = 'bounced'))
                ORDER BY s.sentAt DESC, a.id DESC LIMIT 1
                """, arguments: [customer.rawValue, notBefore, before]).map(ActionID.init)
        }
    }

    public func recordVerifiedSend(_ id: ActionID, queueID: String, acceptedAt: Date, at: Date) async throws -> Bool {
        try await immediate { db in
            guard try String.fetchOne(db, sql: "SELECT status FROM action WHERE id = ?",
                                      arguments: [id.rawValue]) == ActionStatus.sending.rawValue else { return false }
            try db.execute(sql: "UPDATE action SET status = 'done', doneDate = ? WHERE id = ?",
                           arguments: [Day(date: acceptedAt).iso, id.rawValue])
            try db.execute(sql: """
                UPDATE outboundSend SET attempts = attempts + 1, sentAt = ?, queueId = ?, nextAttemptAt = NULL
                WHERE actionId = ?
                """, arguments: [acceptedAt, queueID, id.rawValue])
            try Self.history(db, id, at: at, from: .sending, to: .done,
                             detail: ["verified": "server_log", "queue_id": queueID])
            return true
        }
    }

    /// True when the customer has a reply or comment whose proposals wait for a collector's decision
    /// (`inboundMessage_customer` index).
    static func hasUnreviewedReply(_ db: Database, _ customer: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM inboundMessage WHERE customerId = ? AND kind IN ('reply','comment')
                           AND openProposals > 0)
            """, arguments: [customer]) ?? false
    }
}
