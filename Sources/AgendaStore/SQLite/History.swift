import Foundation
import GRDB

/// Appends to the append-only `history` table (UPDATE and DELETE are refused by triggers).
enum History {
    static func append(_ db: Database, at: Date = Date(), entity: String, entityID: Int64?, event: String,
                       customer: Int64? = nil, user: Int64? = nil, channel: Channel? = nil,
                       status: ActionStatus? = nil, detail: [String: Any] = [:]) throws {
        try append(db, at: at, entity: entity, entityID: entityID, event: event, customer: customer, user: user,
                   channel: channel, status: status, detailJSON: json(detail))
    }

    /// `append` with the detail already as compact JSON with sorted keys (the caller vouches for it).
    static func append(_ db: Database, at: Date = Date(), entity: String, entityID: Int64?, event: String,
                       customer: Int64? = nil, user: Int64? = nil, channel: Channel? = nil,
                       status: ActionStatus? = nil, detailJSON: String) throws {
        var tallies = TallyCounts()
        try append(db, at: at, entity: entity, entityID: entityID, event: event, customer: customer, user: user,
                   channel: channel, status: status, detailJSON: detailJSON, tallies: &tallies)
        try tallies.write(db)
    }

    /// `append` counting the event into `tallies`, which the caller writes before its transaction ends.
    static func append(_ db: Database, at: Date, entity: String, entityID: Int64?, event: String,
                       customer: Int64?, user: Int64? = nil, channel: Channel? = nil, status: ActionStatus? = nil,
                       detailJSON: String, tallies: inout TallyCounts, insert: Statement? = nil,
                       stamp: String? = nil) throws {
        let insert = try insert ?? insertStatement(db)
        let stamp = stamp ?? StoredDate.string(at)  // a caller that has `at` formatted already passes it
        try DirectBindings.execute(insert, in: db) {
            $0.bind(stamp)
            $0.bind(entity)
            $0.bind(entityID)
            $0.bind(event)
            $0.bind(customer)
            $0.bind(user)
            $0.bind(channel?.rawValue)
            $0.bind(status?.rawValue)
            $0.bind(detailJSON)
        }
        // The event again under its customer's collector (the history tab of one collector).
        var collector: Int64?
        if let customer {
            collector = try Int64.fetchOne(db.cachedStatement(sql: "SELECT collectorId FROM customer WHERE id = ?"),
                                           arguments: [customer])
            if let collector {
                try db.cachedStatement(sql: """
                    INSERT INTO historyByCollector (collectorId, id, customerId, day, status, channel)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [collector, db.lastInsertedRowID, customer, String(stamp.prefix(10)),
                                             status?.rawValue, channel?.rawValue])
            }
        }
        tallies.countHistory(at: stamp, status: status?.rawValue, channel: channel?.rawValue, collector: collector)
    }

    /// The cached INSERT of one event, which `append` runs (a batch looks it up once and passes it as `insert`).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(sql: """
            INSERT INTO history (at, entity, entityId, event, customerId, userId, channel, status, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Compact JSON with sorted keys; nil values become null.
    static func json(_ detail: [String: Any]) -> String {
        var cleaned: [String: Any] = [:]
        for (key, value) in detail {
            if case Optional<Any>.none = value as Any? { cleaned[key] = NSNull(); continue }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                cleaned[key] = mirror.children.first?.value ?? NSNull()
            } else {
                cleaned[key] = value
            }
        }
        guard JSONSerialization.isValidJSONObject(cleaned),
              let data = try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Qualification states as JSON snapshots (before/after of changes and decisions).
enum Snapshot {
    static func encode(_ state: QualificationState) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode(_ text: String) throws -> QualificationState {
        try JSONDecoder().decode(QualificationState.self, from: Data(text.utf8))
    }
}

/// Changes an item's qualification, keeping the change and a history event.
enum Qualifier {
    @discardableResult
    static func apply(_ db: Database, item: Int64, state: QualificationState, source: String, user: Int64?,
                      at: Date) throws -> (before: QualificationState, after: QualificationState) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM item WHERE id = ?", arguments: [item]) else {
            throw AgendaStoreError(.notFound, "item \(item)")
        }
        let before = try Decode.qualification(row)
        guard before != state else { return (before, state) }
        try db.execute(sql: """
            UPDATE item SET qualification = ?, promiseDate = ?, qualificationAmountMinor = ?, disputeReason = ?,
                qualifiedAt = ? WHERE id = ?
            """, arguments: [state.qualification?.rawValue, state.promiseDate?.iso, state.amountMinor,
                             state.disputeReason?.rawValue, at, item])
        let beforeJSON = Snapshot.encode(before), afterJSON = Snapshot.encode(state)
        try db.execute(sql: """
            INSERT INTO qualificationChange (itemId, at, userId, source, before, after) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [item, at, user, source, beforeJSON, afterJSON])
        try History.append(db, at: at, entity: "item", entityID: item, event: "qualified", customer: row["customerId"],
                           user: user, detail: ["source": source, "from": before.qualification?.rawValue ?? "none",
                                                "to": state.qualification?.rawValue ?? "none"])
        return (before, state)
    }
}
