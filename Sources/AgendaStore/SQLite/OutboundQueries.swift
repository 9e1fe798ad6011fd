public import Foundation
import GRDB

/// `OutboundStore` on SQLite. Claims run in one IMMEDIATE transaction: SQLite's single write lock (shared by every
/// process on the file) makes the select-then-update atomic, so two schedulers never claim the same action; each
/// update also re-checks the status it expects and counts the rows it changed.
extension SQLiteAgendaStore: OutboundStore {
    public func claimDueActions(_ request: ClaimRequest) async throws -> [ClaimedAction] {
        let channels = request.channels.subtracting([.call, .litigation])
        guard request.limit > 0, !channels.isEmpty else { return [] }
        guard request.messageIDDomain.allSatisfy({ $0.isASCII && !"<>@ \t\r\n".contains($0) }),
              !request.messageIDDomain.isEmpty else {
            throw AgendaStoreError(.invalidArgument, "message id domain")
        }
        return try await immediate { db in
            let candidates = try Self.dueCandidates(db, request, channels: channels)
            var claimed: [ClaimedAction] = []
            for candidate in candidates {
                let id: Int64 = candidate["id"]
                let from: String = candidate["status"]
                guard let row = try Row.fetchOne(db, sql: """
                    UPDATE action SET status = 'sending',
                        outboundMessageId = coalesce(outboundMessageId,
                            'action-' || id || '.' || lower(hex(randomblob(4))) || '@' || ?)
                    WHERE id = ? AND status = ?
                    RETURNING customerId, outboundMessageId
                    """, arguments: [request.messageIDDomain, id, from]) else { continue }
                try db.execute(sql: """
                    INSERT INTO outboundSend (actionId, claimOwner, claimedAt, claimedFrom) VALUES (?, ?, ?, ?)
                    ON CONFLICT(actionId) DO UPDATE SET claimOwner = excluded.claimOwner,
                        claimedAt = excluded.claimedAt, claimedFrom = excluded.claimedFrom, heldReason = NULL
                    """, arguments: [id, request.owner.name, request.now, from])
                let token = try Self.customerToken(db, row["customerId"], at: request.now)
                guard let action = try Self.claimedAction(db, id, messageID: row["outboundMessageId"],
                                                          captureToken: token) else {
                    throw AgendaStoreError(.notFound, "action \(id)")
                }
                claimed.append(action)
                try History.append(db, at: request.now, entity: "action", entityID: id, event: "status_changed",
                                   customer: row["customerId"], channel: action.channel, status: .sending,
                                   detail: ["from": from, "to": "sending", "owner": request.owner.name])
            }
            return claimed
        }
    }

    public func recordSent(_ id: ActionID, claim: ClaimOwner, receipt: SendReceipt) async throws {
        try await immediate { db in
            let from = try Self.checkClaim(db, id, claim)
            try db.execute(sql: """
                UPDATE action SET status = 'done', doneDate = ?, errorCause = NULL, errorDetail = NULL WHERE id = ?
                """, arguments: [receipt.day.iso, id.rawValue])
            try db.execute(sql: """
                UPDATE outboundSend SET attempts = attempts + 1, sentAt = ?, queueId = ?, lastReply = ?,
                    nextAttemptAt = NULL WHERE actionId = ?
                """, arguments: [receipt.sentAt, receipt.queueID, receipt.reply, id.rawValue])
            try Self.history(db, id, at: receipt.sentAt, from: from, to: .done,
                             detail: ["queue_id": receipt.queueID as Any])
        }
    }

    public func recordFailure(_ id: ActionID, claim: ClaimOwner, cause: ErrorCause, reply: String?,
                              at: Date) async throws {
        try await immediate { db in
            let from = try Self.checkClaim(db, id, claim)
            try db.execute(sql: "UPDATE action SET status = 'error', errorCause = ?, errorDetail = ? WHERE id = ?",
                           arguments: [cause.rawValue, reply, id.rawValue])
            let attempted = [.addressRejected, .bounced, .sendFailed].contains(cause)
            try db.execute(sql: """
                UPDATE outboundSend SET attempts = attempts + ?, lastReply = ?, nextAttemptAt = NULL WHERE actionId = ?
                """, arguments: [attempted ? 1 : 0, reply, id.rawValue])
            try Self.history(db, id, at: at, from: from, to: .error, detail: ["cause": cause.rawValue])
        }
    }

    public func recordTemporaryFailure(_ id: ActionID, claim: ClaimOwner, reply: String?, at: Date,
                                       policy: RetryPolicy) async throws -> RetryOutcome {
        try await immediate { db in
            let from = try Self.checkClaim(db, id, claim)
            let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM outboundSend WHERE actionId = ?",
                                             arguments: [id.rawValue]) ?? 0) + 1
            if attempts >= policy.maxAttempts {
                try db.execute(sql: "UPDATE action SET status = 'error', errorCause = 'send_failed', errorDetail = ? WHERE id = ?",
                               arguments: [reply, id.rawValue])
                try db.execute(sql: """
                    UPDATE outboundSend SET attempts = ?, lastReply = ?, nextAttemptAt = NULL WHERE actionId = ?
                    """, arguments: [attempts, reply, id.rawValue])
                try Self.history(db, id, at: at, from: from, to: .error,
                                 detail: ["cause": ErrorCause.sendFailed.rawValue, "attempts": attempts])
                return .gaveUp(attempts: attempts)
            }
            let next = at.addingTimeInterval(policy.delay(afterAttempts: attempts))
            let back = try Self.claimedFrom(db, id)
            try db.execute(sql: "UPDATE action SET status = ? WHERE id = ?", arguments: [back.rawValue, id.rawValue])
            try db.execute(sql: """
                UPDATE outboundSend SET attempts = ?, lastReply = ?, nextAttemptAt = ? WHERE actionId = ?
                """, arguments: [attempts, reply, next, id.rawValue])
            try Self.history(db, id, at: at, from: from, to: back, detail: ["retry": true, "attempts": attempts])
            return .retryAt(next, attempts: attempts)
        }
    }

    public func releaseClaim(_ id: ActionID, claim: ClaimOwner, reason: String, until: Date?, at: Date) async throws {
        try await immediate { db in
            let from = try Self.checkClaim(db, id, claim)
            let back = try Self.claimedFrom(db, id)
            try db.execute(sql: "UPDATE action SET status = ? WHERE id = ?", arguments: [back.rawValue, id.rawValue])
            try db.execute(sql: "UPDATE outboundSend SET heldReason = ?, nextAttemptAt = ? WHERE actionId = ?",
                           arguments: [reason, until, id.rawValue])
            try Self.history(db, id, at: at, from: from, to: back, detail: ["held": reason])
        }
    }

    public func actionsToVerify(claimedBefore: Date) async throws -> [ActionToVerify] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.customerId, a.channel, a.outboundMessageId, s.claimOwner, s.claimedAt
                FROM action a JOIN outboundSend s ON s.actionId = a.id
                WHERE a.status = 'sending' AND s.claimedAt < ? ORDER BY s.claimedAt, a.id
                """, arguments: [claimedBefore]).map { row in
                ActionToVerify(id: ActionID(row["id"]), customer: CustomerID(row["customerId"]),
                               channel: try Decode.required(Channel.self, row["channel"]),
                               owner: ClaimOwner(row["claimOwner"] ?? ""), claimedAt: row["claimedAt"],
                               messageID: row["outboundMessageId"])
            }
        }
    }

    public func resolveToVerify(_ id: ActionID, sent: Bool, by user: UserID?, at: Date) async throws {
        try await immediate { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM action WHERE id = ?",
                                                   arguments: [id.rawValue]) else {
                throw AgendaStoreError(.notFound, "action \(id)")
            }
            guard status == ActionStatus.sending.rawValue else {
                throw AgendaStoreError(.invalidState, "action \(id) is not to verify (\(status))")
            }
            let to: ActionStatus = sent ? .done : try Self.claimedFrom(db, id)
            if sent {
                try db.execute(sql: "UPDATE action SET status = 'done', doneDate = ? WHERE id = ?",
                               arguments: [Day(date: at).iso, id.rawValue])
            } else {
                try db.execute(sql: "UPDATE action SET status = ? WHERE id = ?", arguments: [to.rawValue, id.rawValue])
                try db.execute(sql: "UPDATE outboundSend SET nextAttemptAt = NULL WHERE actionId = ?",
                               arguments: [id.rawValue])
            }
            try Self.history(db, id, at: at, from: .sending, to: to, user: user,
                             detail: ["verified": sent ? "sent" : "not_sent"])
        }
    }

    public func sendRecord(_ id: ActionID) async throws -> SendRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outboundSend WHERE actionId = ?", arguments: [id.rawValue]).map { row in
                SendRecord(owner: (row["claimOwner"] as String?).map(ClaimOwner.init), claimedAt: row["claimedAt"],
                           attempts: row["attempts"], nextAttemptAt: row["nextAttemptAt"], sentAt: row["sentAt"],
                           queueID: row["queueId"], lastReply: row["lastReply"], heldReason: row["heldReason"])
            }
        }
    }

    public func action(outboundMessageID: String) async throws -> ActionID? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM action WHERE outboundMessageId = ?",
                               arguments: [outboundMessageID]).map(ActionID.init)
        }
    }

    public func recordBounce(_ id: ActionID, detail: String, receivedAt: Date, at: Date) async throws -> Bool {
        try await immediate { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.status, s.sentAt, s.claimedAt FROM action a LEFT JOIN outboundSend s ON s.actionId = a.id
                WHERE a.id = ?
                """, arguments: [id.rawValue]) else {
                throw AgendaStoreError(.notFound, "action \(id)")
            }
            guard let from = ActionStatus(rawValue: row["status"]), [.done, .sending].contains(from) else { return false }
            // The send this DSN can answer must be older than the DSN (a rescheduled action sent again is newer).
            if let sent = (row["sentAt"] as Date?) ?? (row["claimedAt"] as Date?), sent > receivedAt { return false }
            try db.execute(sql: "UPDATE action SET status = 'error', errorCause = 'bounced', errorDetail = ? WHERE id = ?",
                           arguments: [detail, id.rawValue])
            try Self.history(db, id, at: at, from: from, to: .error, detail: ["cause": ErrorCause.bounced.rawValue])
            return true
        }
    }

    public func dueActions(_ request: ClaimRequest) async throws -> [ActionID] {
        let channels = request.channels.subtracting([.call, .litigation])
        guard request.limit > 0, !channels.isEmpty else { return [] }
        return try await pool.read { db in
            try Self.dueCandidates(db, request, channels: channels).map { ActionID($0["id"]) }
        }
    }

    public func previewClaim(_ id: ActionID) async throws -> ClaimedAction? {
        try await pool.read { db in try Self.claimedAction(db, id.rawValue, messageID: "", captureToken: "") }
    }

    /// Action `id` as a claim hands it over: its step's template and its scenario's pause settings, its items, the
    /// attempts so far and whether a reply of the customer waits for review; nil for an unknown action.
    static func claimedAction(_ db: Database, _ id: Int64, messageID: String, captureToken: String) throws -> ClaimedAction? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.customerId, a.channel, a.mode, a.plannedDate, st.template, sc.pauseOnDispute, sc.pauseOnPromise,
                   (SELECT attempts FROM outboundSend WHERE actionId = a.id) AS attempts
            FROM action a LEFT JOIN scenarioStep st ON st.id = a.stepId LEFT JOIN scenario sc ON sc.id = st.scenarioId
            WHERE a.id = ?
            """, arguments: [id]) else { return nil }
        let items = try Int64.fetchAll(db, sql: "SELECT itemId FROM actionItem WHERE actionId = ? ORDER BY itemId",
                                       arguments: [id]).map(ItemID.init)
        return ClaimedAction(
            id: ActionID(id), customer: CustomerID(row["customerId"]), channel: try Decode.required(Channel.self, row["channel"]),
            mode: try Decode.required(ActionMode.self, row["mode"]), plannedDate: try Decode.day(row["plannedDate"])!,
            template: row["template"], items: items, messageID: messageID, captureToken: captureToken,
            attempts: row["attempts"] ?? 0,
            pauseOnDispute: row["pauseOnDispute"] ?? true, pauseOnPromise: row["pauseOnPromise"] ?? true,
            hasUnreviewedReply: try Self.hasUnreviewedReply(db, row["customerId"]))
    }

    public func customer(id: CustomerID) async throws -> Customer? {
        let key = try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT externalKey FROM customer WHERE id = ?", arguments: [id.rawValue])
        }
        guard let key else { return nil }
        return try await customer(externalKey: key)
    }

    // MARK: Helpers

    /// Due actions: automatic and planned, or confirmed; planned on or before today; next attempt time reached.
    private static func dueCandidates(_ db: Database, _ request: ClaimRequest, channels: Set<Channel>) throws -> [Row] {
        let placeholders = channels.map { _ in "?" }.joined(separator: ",")
        var arguments: StatementArguments = [request.today.iso]
        arguments += StatementArguments(channels.map(\.rawValue).sorted())
        arguments += [request.now, request.limit] as StatementArguments
        return try Row.fetchAll(db, sql: """
            SELECT a.id, a.status FROM action a LEFT JOIN outboundSend s ON s.actionId = a.id
            WHERE a.plannedDate <= ? AND a.channel IN (\(placeholders))
              AND ((a.status = 'planned' AND a.mode = 'automatic') OR a.status = 'confirmed')
              AND (s.nextAttemptAt IS NULL OR s.nextAttemptAt <= ?)
            ORDER BY a.plannedDate, a.id LIMIT ?
            """, arguments: arguments)
    }

    /// Runs `body` in an IMMEDIATE transaction (the write lock is taken at BEGIN, across processes too).
    func immediate<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Checks that the action is `sending` under `claim`; returns `.sending`.
    static func checkClaim(_ db: Database, _ id: ActionID, _ claim: ClaimOwner) throws -> ActionStatus {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.status, s.claimOwner FROM action a LEFT JOIN outboundSend s ON s.actionId = a.id WHERE a.id = ?
            """, arguments: [id.rawValue]) else { throw AgendaStoreError(.notFound, "action \(id)") }
        let status: String = row["status"]
        let owner: String? = row["claimOwner"]
        guard status == ActionStatus.sending.rawValue, owner == claim.name else {
            throw AgendaStoreError(.invalidState, "action \(id) is not claimed by this sender (\(status))")
        }
        return .sending
    }

    /// The customer's capture token (``CaptureToken``, the reply correlation's table), created on first use.
    private static func customerToken(_ db: Database, _ customer: Int64, at: Date) throws -> String {
        if let token = try String.fetchOne(db, sql: "SELECT token FROM captureToken WHERE customerId = ?",
                                           arguments: [customer]) {
            return token
        }
        while true {
            let token = CaptureToken.generate()
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM captureToken WHERE token = ?", arguments: [token]) == nil {
                try db.execute(sql: "INSERT INTO captureToken (token, customerId, createdAt) VALUES (?, ?, ?)",
                               arguments: [token, customer, at])
                return token
            }
        }
    }

    static func claimedFrom(_ db: Database, _ id: ActionID) throws -> ActionStatus {
        let text = try String.fetchOne(db, sql: "SELECT claimedFrom FROM outboundSend WHERE actionId = ?",
                                       arguments: [id.rawValue])
        return try Decode.value(ActionStatus.self, text) ?? .planned
    }

    static func history(_ db: Database, _ id: ActionID, at: Date, from: ActionStatus, to: ActionStatus,
                        user: UserID? = nil, detail: [String: Any]) throws {
        let row = try Row.fetchOne(db, sql: "SELECT customerId, channel FROM action WHERE id = ?", arguments: [id.rawValue])
        var detail = detail
        detail["from"] = from.rawValue
        detail["to"] = to.rawValue
        try History.append(db, at: at, entity: "action", entityID: id.rawValue, event: "status_changed",
                           customer: row?["customerId"], user: user?.rawValue,
                           channel: try Decode.value(Channel.self, row?["channel"]), status: to, detail: detail)
    }
}
