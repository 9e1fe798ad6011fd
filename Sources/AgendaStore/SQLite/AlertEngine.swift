public import Foundation
import GRDB

/// Alert rules and broken promises, evaluated in one write transaction each.
enum AlertEngine {
    struct Hit: Hashable {
        var customer: Int64
        var item: Int64?
        var occurrence: String
    }

    static func hits(_ db: Database, rule: Row, day: Day) throws -> [Hit] {
        let kind = try Decode.required(AlertRuleKind.self, rule["kind"])
        let currency: String? = rule["currency"]
        let threshold: Int64 = rule["thresholdMinor"] ?? 0
        switch kind {
        case .outstandingAbove:
            return try Row.fetchAll(db, sql: """
                SELECT customerId FROM item WHERE openAmountMinor > 0 AND currency = ?
                GROUP BY customerId HAVING sum(openAmountMinor) > ?
                """, arguments: [currency, threshold]).map { Hit(customer: $0[0], item: nil, occurrence: "") }
        case .overdueMoreThan:
            let limit = day.adding(days: -(rule["days"] as Int? ?? 0)).iso
            return try Row.fetchAll(db, sql: """
                SELECT customerId, id FROM item WHERE openAmountMinor > 0 AND kind = 'invoice' AND dueDate < ?
                """, arguments: [limit]).map { Hit(customer: $0[0], item: $0[1], occurrence: "") }
        case .disputedAmount:
            return try Row.fetchAll(db, sql: """
                SELECT customerId FROM item WHERE openAmountMinor > 0 AND currency = ? AND qualification = 'dispute'
                GROUP BY customerId HAVING sum(openAmountMinor) > ?
                """, arguments: [currency, threshold]).map { Hit(customer: $0[0], item: nil, occurrence: "") }
        case .promiseBroken:
            return try brokenPromises(db, day: day).map { Hit(customer: $0.customer, item: $0.item, occurrence: $0.date) }
        case .fieldLimitExceeded:
            let field: String = rule["fieldName"]
            var hits: [Hit] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT f.customerId, f.value, i.currency, sum(i.openAmountMinor) AS outstanding
                FROM customerField f JOIN item i ON i.customerId = f.customerId AND i.openAmountMinor > 0
                WHERE f.name = ? AND (? IS NULL OR i.currency = ?)
                GROUP BY f.customerId, i.currency
                """, arguments: [field, currency, currency]) {
                let itemCurrency: String = row["currency"]
                let text: String = row["value"]
                guard case .success(let limit) = CSVValues.amount(text, style: .auto,
                                                                   exponent: Money.exponent(of: itemCurrency)),
                      (row["outstanding"] as Int64) > limit else { continue }
                hits.append(Hit(customer: row["customerId"], item: nil, occurrence: ""))
            }
            return hits
        }
    }

    static func brokenPromises(_ db: Database, day: Day) throws -> [(customer: Int64, item: Int64, date: String)] {
        try Row.fetchAll(db, sql: """
            SELECT customerId, id, promiseDate FROM item
            WHERE qualification = 'promise_to_pay' AND promiseDate < ? AND openAmountMinor > 0
            """, arguments: [day.iso]).map { ($0[0], $0[1], $0[2]) }
    }

    static func raise(_ db: Database, rule: Int64?, kind: AlertRuleKind, hit: Hit, day: Day, at: Date) throws -> Int64? {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO alert (ruleId, kind, customerId, itemId, occurrence, raisedOn) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [rule, kind.rawValue, hit.customer, hit.item, hit.occurrence, day.iso])
        guard db.changesCount == 1 else { return nil }
        let id = db.lastInsertedRowID
        try History.append(db, at: at, entity: "alert", entityID: id, event: "raised", customer: hit.customer,
                           detail: ["kind": kind.rawValue, "rule": rule as Any, "item": hit.item as Any])
        return id
    }
}

extension SQLiteAgendaStore {
    public func createAlertRule(_ rule: AlertRule) async throws -> AlertRuleID {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO alertRule (name, kind, thresholdMinor, currency, days, fieldName) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [rule.name, rule.kind.rawValue, rule.thresholdMinor, rule.currency?.uppercased(),
                                 rule.days, rule.fieldName])
            return AlertRuleID(db.lastInsertedRowID)
        }
    }

    public func checkBrokenPromises(on day: Day, at: Date) async throws -> [AlertID] {
        try await pool.write { db in
            var raised: [AlertID] = []
            for promise in try AlertEngine.brokenPromises(db, day: day) {
                // Once per item and promise date, even after the alert was closed.
                let known = try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM alert WHERE kind = 'promise_broken' AND ruleId IS NULL AND itemId = ? AND occurrence = ?
                    """, arguments: [promise.item, promise.date]) ?? false
                if known { continue }
                let hit = AlertEngine.Hit(customer: promise.customer, item: promise.item, occurrence: promise.date)
                guard let alert = try AlertEngine.raise(db, rule: nil, kind: .promiseBroken, hit: hit, day: day, at: at)
                else { continue }
                let collector = try Int64.fetchOne(db, sql: "SELECT collectorId FROM customer WHERE id = ?",
                                                   arguments: [promise.customer])
                try db.execute(sql: """
                    INSERT INTO action (customerId, origin, channel, mode, status, plannedDate, assigneeId, createdAt)
                    VALUES (?, 'broken_promise', 'call', 'manual', 'planned', ?, ?, ?)
                    """, arguments: [promise.customer, day.iso, collector, at])
                let action = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO actionItem (actionId, itemId) VALUES (?, ?)",
                               arguments: [action, promise.item])
                try db.execute(sql: "UPDATE alert SET actionId = ? WHERE id = ?", arguments: [action, alert])
                try History.append(db, at: at, entity: "action", entityID: action, event: "created",
                                   customer: promise.customer, channel: .call, status: .planned,
                                   detail: ["origin": "broken_promise", "alert": alert])
                raised.append(AlertID(alert))
            }
            return raised
        }
    }

    public func evaluateAlertRules(on day: Day, at: Date) async throws -> [AlertID] {
        try await pool.write { db in
            var raised: [AlertID] = []
            for rule in try Row.fetchAll(db, sql: "SELECT * FROM alertRule WHERE active = 1 ORDER BY id") {
                let ruleID: Int64 = rule["id"]
                let kind = try Decode.required(AlertRuleKind.self, rule["kind"])
                let hits = Set(try AlertEngine.hits(db, rule: rule, day: day))
                for hit in hits.sorted(by: { ($0.customer, $0.item ?? 0) < ($1.customer, $1.item ?? 0) }) {
                    if let id = try AlertEngine.raise(db, rule: ruleID, kind: kind, hit: hit, day: day, at: at) {
                        raised.append(AlertID(id))
                    }
                }
                // Alerts whose condition no longer holds are closed.
                for open in try Row.fetchAll(db, sql: """
                    SELECT id, customerId, itemId, occurrence FROM alert WHERE ruleId = ? AND isOpen = 1
                    """, arguments: [ruleID]) {
                    let hit = AlertEngine.Hit(customer: open["customerId"], item: open["itemId"],
                                              occurrence: open["occurrence"])
                    guard !hits.contains(hit) else { continue }
                    try db.execute(sql: "UPDATE alert SET isOpen = 0 WHERE id = ?", arguments: [open["id"] as Int64])
                    try History.append(db, at: at, entity: "alert", entityID: open["id"], event: "cleared",
                                       customer: hit.customer, detail: ["rule": ruleID])
                }
            }
            return raised
        }
    }

    public func openAlerts(customer: CustomerID?) async throws -> [Alert] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM alert WHERE isOpen = 1 AND (? IS NULL OR customerId = ?) ORDER BY id DESC
                """, arguments: [customer?.rawValue, customer?.rawValue]).map { row in
                Alert(id: AlertID(row["id"]), rule: (row["ruleId"] as Int64?).map(AlertRuleID.init),
                      kind: try Decode.required(AlertRuleKind.self, row["kind"]), customer: CustomerID(row["customerId"]),
                      item: (row["itemId"] as Int64?).map(ItemID.init), raisedOn: try Decode.day(row["raisedOn"])!,
                      isOpen: row["isOpen"])
            }
        }
    }

    // MARK: Model registry

    public func registerModel(version: String, metrics: [String: Double], at: Date) async throws -> ModelVersionID {
        let data = try JSONSerialization.data(withJSONObject: metrics, options: [.sortedKeys])
        return try await pool.write { db in
            try db.execute(sql: "INSERT INTO modelVersion (version, metrics, createdAt) VALUES (?, ?, ?)",
                           arguments: [version, String(decoding: data, as: UTF8.self), at])
            let id = db.lastInsertedRowID
            try History.append(db, at: at, entity: "model", entityID: id, event: "registered")
            return ModelVersionID(id)
        }
    }

    public func promoteModel(_ id: ModelVersionID, by user: UserID?, at: Date) async throws {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM modelVersion WHERE id = ?", arguments: [id.rawValue]) != nil
            else { throw AgendaStoreError(.notFound, "model \(id)") }
            try db.execute(sql: "UPDATE modelVersion SET promoted = 0 WHERE promoted = 1 AND id <> ?",
                           arguments: [id.rawValue])
            try db.execute(sql: "UPDATE modelVersion SET promoted = 1 WHERE id = ?", arguments: [id.rawValue])
            try History.append(db, at: at, entity: "model", entityID: id.rawValue, event: "promoted", user: user?.rawValue)
        }
    }

    public func models() async throws -> [ModelVersion] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM modelVersion ORDER BY id DESC").map { row in
                let text: String = row["metrics"]
                let metrics = (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Double]) ?? [:]
                return ModelVersion(id: ModelVersionID(row["id"]), version: row["version"], metrics: metrics,
                                    createdAt: row["createdAt"], promoted: row["promoted"])
            }
        }
    }
}
