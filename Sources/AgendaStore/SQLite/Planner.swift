public import Foundation
import GRDB

/// Scenario planning inside one write transaction. Idempotent: an action is keyed by (customer, step, cycle), the
/// cycle being the due date of the customer's oldest open item, under a unique index, so a rerun or a racing
/// planner inserts nothing twice.
enum Planner {
    struct Scenario {
        var pauseOnDispute: Bool
        var pauseOnPromise: Bool
        var steps: [(id: Int64, step: ScenarioStep)]
        /// Step id -> index in `steps`.
        var positions: [Int64: Int] = [:]
    }

    static func loadScenarios(_ db: Database) throws -> [Int64: Scenario] {
        var scenarios: [Int64: Scenario] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM scenario") {
            scenarios[row["id"]] = Scenario(pauseOnDispute: row["pauseOnDispute"], pauseOnPromise: row["pauseOnPromise"],
                                            steps: [])
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM scenarioStep ORDER BY scenarioId, position") {
            let id: Int64 = row["scenarioId"]
            guard var scenario = scenarios[id] else { continue }
            scenario.positions[row["id"]] = scenario.steps.count
            scenario.steps.append((row["id"], try Decode.step(row)))
            scenarios[id] = scenario
        }
        return scenarios
    }

    static func run(_ db: Database, day: Day, at: Date) throws -> PlanningReport {
        var report = PlanningReport(created: 0, pausedByDispute: 0, pausedByPromise: 0, notDue: 0)
        let scenarios = try loadScenarios(db)
        let candidates = try Row.fetchAll(db, sql: """
            SELECT c.id, c.scenarioId, c.collectorId, MIN(i.dueDate) AS anchor,
                   MAX(i.qualification IN ('dispute','litigation')) AS disputed,
                   MAX(i.qualification = 'promise_to_pay' AND i.promiseDate >= ?) AS promised,
                   group_concat(i.id) AS itemIds
            FROM customer c JOIN item i ON i.customerId = c.id AND i.openAmountMinor > 0
            WHERE c.scenarioId IS NOT NULL AND i.kind = 'invoice'
            GROUP BY c.id
            """, arguments: [day.iso])
        let previous = try db.cachedStatement(sql: """
            SELECT stepId, status, plannedDate, doneDate FROM action
            WHERE customerId = ? AND cycleDate = ? AND stepId IS NOT NULL
            """)
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO action (customerId, stepId, cycleDate, origin, channel, mode, status, plannedDate,
                                          assigneeId, createdAt)
            VALUES (?, ?, ?, 'scenario', ?, ?, 'planned', ?, ?, ?)
            """)
        let link = try db.cachedStatement(sql: "INSERT INTO actionItem (actionId, itemId) VALUES (?, ?)")
        for candidate in candidates {
            let customer: Int64 = candidate["id"]
            guard let scenario = scenarios[candidate["scenarioId"]], !scenario.steps.isEmpty,
                  let anchor = Day(iso: candidate["anchor"]) else { report.notDue += 1; continue }
            if scenario.pauseOnDispute && (candidate["disputed"] as Bool?) == true { report.pausedByDispute += 1; continue }
            if scenario.pauseOnPromise && (candidate["promised"] as Bool?) == true { report.pausedByPromise += 1; continue }
            // The last step of this cycle that has an action decides the next one.
            var lastPosition = -1
            var lastDate: Day?
            var lastFinished = true
            for row in try Row.fetchAll(previous, arguments: [customer, anchor.iso]) {
                guard let position = scenario.positions[row["stepId"]], position > lastPosition else { continue }
                lastPosition = position
                let status: String = row["status"]
                lastFinished = status == "done" || status == "cancelled"
                lastDate = try Decode.day(row["doneDate"]) ?? Decode.day(row["plannedDate"])
            }
            guard lastPosition + 1 < scenario.steps.count, lastFinished else { report.notDue += 1; continue }
            let (stepID, step) = scenario.steps[lastPosition + 1]
            let base = step.dayBase == .previousAction ? (lastDate ?? anchor) : anchor
            let date = base.adding(days: step.dayOffset)
            guard date <= day else { report.notDue += 1; continue }
            let collector: Int64? = candidate["collectorId"]
            try insert.execute(arguments: [customer, stepID, anchor.iso, step.channel.rawValue, step.mode.rawValue,
                                           date.iso, collector, at])
            guard db.changesCount == 1 else { continue }
            let action = db.lastInsertedRowID
            let itemIDs: String = candidate["itemIds"]
            for item in itemIDs.split(separator: ",") { try link.execute(arguments: [action, Int64(item)!]) }
            try History.append(db, at: at, entity: "action", entityID: action, event: "created", customer: customer,
                               channel: step.channel, status: .planned,
                               detail: ["origin": "scenario", "step": stepID, "planned": date.iso])
            report.created += 1
        }
        return report
    }
}

extension SQLiteAgendaStore {
    public func plan(on day: Day, at: Date) async throws -> PlanningReport {
        try await pool.write { db in try Planner.run(db, day: day, at: at) }
    }

    public func action(_ id: ActionID) async throws -> Action? {
        try await pool.read { db in try Self.fetchAction(db, id.rawValue) }
    }

    static func fetchAction(_ db: Database, _ id: Int64) throws -> Action? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM action WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let items = try Int64.fetchAll(db, sql: "SELECT itemId FROM actionItem WHERE actionId = ? ORDER BY itemId",
                                       arguments: [id]).map(ItemID.init)
        return try Decode.action(row, items: items)
    }

    public func actions(of customer: CustomerID) async throws -> [Action] {
        try await pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM action WHERE customerId = ? ORDER BY plannedDate, id",
                               arguments: [customer.rawValue]).compactMap { try Self.fetchAction(db, $0) }
        }
    }

    public func updateAction(_ id: ActionID, _ change: ActionChange, by user: UserID?, at: Date) async throws {
        try await pool.write { db in
            guard let action = try Self.fetchAction(db, id.rawValue) else {
                throw AgendaStoreError(.notFound, "action \(id)")
            }
            let from = action.status
            let to: ActionStatus
            var sets: [String] = []
            var arguments: StatementArguments = []
            switch change {
            case .confirm:
                guard from == .planned, action.mode == .automaticWithConfirmation else {
                    throw AgendaStoreError(.invalidState, "action \(id) cannot be confirmed from \(from.rawValue)")
                }
                to = .confirmed
            case .sending(let messageID, let token, let content):
                let ready = from == .confirmed || (from == .planned && action.mode == .automatic)
                guard ready else { throw AgendaStoreError(.invalidState, "action \(id) cannot be sent from \(from.rawValue)") }
                to = .sending
                sets += ["outboundMessageId = ?", "captureToken = ?", "renderedContent = ?"]
                arguments += [messageID, token, content]
            case .done(let day):
                guard [.planned, .confirmed, .sending, .error].contains(from) else {
                    throw AgendaStoreError(.invalidState, "action \(id) cannot be done from \(from.rawValue)")
                }
                to = .done
                sets += ["doneDate = ?", "errorCause = NULL", "errorDetail = NULL"]
                arguments += [day.iso]
            case .failed(let cause, let detail):
                guard [.planned, .confirmed, .sending].contains(from) else {
                    throw AgendaStoreError(.invalidState, "action \(id) cannot fail from \(from.rawValue)")
                }
                to = .error
                sets += ["errorCause = ?", "errorDetail = ?"]
                arguments += [cause.rawValue, detail]
            case .cancel:
                guard [.planned, .confirmed, .error].contains(from) else {
                    throw AgendaStoreError(.invalidState, "action \(id) cannot be cancelled from \(from.rawValue)")
                }
                to = .cancelled
                sets += ["errorCause = NULL", "errorDetail = NULL"]
            }
            sets.insert("status = ?", at: 0)
            arguments = [to.rawValue] + arguments + [id.rawValue]
            try db.execute(sql: "UPDATE action SET \(sets.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
            var detail: [String: Any] = ["from": from.rawValue, "to": to.rawValue]
            if case .failed(let cause, _) = change { detail["cause"] = cause.rawValue }
            try History.append(db, at: at, entity: "action", entityID: id.rawValue, event: "status_changed",
                               customer: action.customer.rawValue, user: user?.rawValue, channel: action.channel,
                               status: to, detail: detail)
        }
    }
}
