import Foundation
import GRDB

/// SQL of the history tab and its CSV export.
///
/// Counts come from a tally whenever no customer or custom-field filter is set: `historyTally`, or
/// `historyCollectorTally` for one collector. A collector's page is read newest first from `historyByCollector`
/// (migration `perf_history_by_collector`). With custom fields, the customers are found first (the collector's
/// customers, each checked in `customerField` by primary key) and their events through `history_customer`.
/// `direct` counts and pages from `history` itself (tests compare the two).
extension AgendaSQL {
    /// Status, channel and date filters on alias `h`; `time` is its timestamp or day column (both compare with
    /// ISO days as text).
    static func historyCommon(_ query: AgendaQuery, time: String, into clause: inout Clause) {
        if !query.statuses.isEmpty {
            clause.add("h.status IN (\(placeholders(query.statuses.count)))", query.statuses.map(\.rawValue))
        }
        if !query.channels.isEmpty {
            clause.add("h.channel IN (\(placeholders(query.channels.count)))", query.channels.map(\.rawValue))
        }
        if let from = query.from { clause.add("h.\(time) >= ?", [from.iso]) }
        if let to = query.to { clause.add("h.\(time) < ?", [dayAfter(to)]) }
    }

    /// The history rows themselves: the customer join for a collector, IN lists for custom fields. Used by `direct`
    /// and whenever one customer is asked for (its events are a short range of `history_customer`).
    static func historyClause(_ query: AgendaQuery) -> Clause {
        var clause = Clause(from: "history h")
        if let collector = query.collector {
            clause.from = "customer cc JOIN history h ON h.customerId = cc.id"
            clause.add("cc.collectorId = ?", [collector.rawValue])
        }
        historyCommon(query, time: "at", into: &clause)
        customerFilters(query, "h.customerId", into: &clause)
        return clause
    }

    /// The customers of the query's collector (if any) having every custom field asked for, as a join read from the
    /// collector's customers (or from the first field's index entries without a collector). `id` is the customer id
    /// column. Needs a collector or at least one field.
    static func customerChain(_ query: AgendaQuery) -> (clause: Clause, id: String) {
        var fields = query.customerFields.sorted { $0.key < $1.key }[...]
        var clause: Clause
        let id: String
        if let collector = query.collector {
            clause = Clause(from: "customer cc")
            clause.add("cc.collectorId = ?", [collector.rawValue])
            id = "cc.id"
        } else {
            let (name, value) = fields.removeFirst()
            clause = Clause(from: "customerField f0")
            clause.add("f0.name = ? AND f0.value = ?", [name, value])
            id = "f0.customerId"
        }
        for (index, (name, value)) in fields.enumerated() {
            let alias = "f\(index + 1)"
            clause.from += " CROSS JOIN customerField \(alias)"
            clause.add("\(alias).customerId = \(id) AND \(alias).name = ? AND \(alias).value = ?", [name, value])
        }
        return (clause, id)
    }

    /// Custom fields without a collector (see FieldScopedTabs): counts capped, through the fields' customers (their
    /// events in error from the partial index `history_error`); the page newest first checking each event's customer
    /// when many customers have the fields, else through those customers' events.
    static func historyByFields(_ db: Database, _ query: AgendaQuery, cap: Int,
                                wideFrom: Int) throws -> AgendaPage<HistoryRow> {
        var rows = Clause(from: "history h")
        historyCommon(query, time: "at", into: &rows)
        var toDoRows = rows
        toDoRows.from = "history h INDEXED BY history_error"
        toDoRows.add("h.status = 'error'")
        let wide = try wideFields(db, query, threshold: wideFrom)
        let counts = try fieldCounts(db, query, wide: wide, scan: (rows, [toDoRows]), through: (rows, [toDoRows]),
                                     customerColumn: "h.customerId", cap: cap)
        var page: Clause
        if wide {
            page = rows
            page.from = "history h NOT INDEXED"
            fieldExists(query, "h.customerId", into: &page)
        } else {
            page = throughFieldCustomers(query, rows, customerColumn: "h.customerId")
        }
        return AgendaPage(rows: try historyRows(db, page, limit: query.limit, offset: query.offset),
                          total: counts.total, toDo: counts.toDo, capped: counts.capped)
    }

    /// Grey total and red count (events in error) of the history tab.
    static func historyCounts(_ db: Database, _ query: AgendaQuery, direct: Bool) throws -> (total: Int, toDo: Int) {
        let byRows = direct || query.customer != nil || !query.customerFields.isEmpty
        let sql: String, arguments: StatementArguments
        if !byRows {
            var clause = Clause(from: "historyTally h")
            if let collector = query.collector {
                clause.from = "historyCollectorTally h"
                clause.add("h.collectorId = ?", [collector.rawValue])
                historyCommon(query, time: "day", into: &clause)
            } else {
                historyCommon(query, time: "at", into: &clause)
            }
            sql = """
                SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN h.status = 'error' THEN n ELSE 0 END), 0)
                FROM \(clause.from) WHERE \(clause.sql)
                """
            arguments = clause.arguments
        } else {
            var clause: Clause
            if direct || query.customer != nil {
                clause = historyClause(query)
            } else {
                let chain = customerChain(query)
                clause = chain.clause
                clause.from += " CROSS JOIN history h"
                clause.add("h.customerId = \(chain.id)")
                historyCommon(query, time: "at", into: &clause)
            }
            sql = "SELECT count(*), coalesce(sum(h.status = 'error'), 0) FROM \(clause.from) WHERE \(clause.sql)"
            arguments = clause.arguments
        }
        let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)!
        return (row[0], row[1])
    }

    /// The filters of a page, on a table whose `id` is the history id (`history` or `historyByCollector`).
    static func historyPageClause(_ query: AgendaQuery, direct: Bool = false) -> Clause {
        guard !direct, let collector = query.collector, query.customer == nil else { return historyClause(query) }
        var clause = Clause(from: "historyByCollector h")
        clause.add("h.collectorId = ?", [collector.rawValue])
        historyCommon(query, time: "day", into: &clause)
        if !query.customerFields.isEmpty {
            // The collector's customers with those fields (bounded by the collector's customers), then a range read.
            let chain = customerChain(query)
            clause.add("h.customerId IN (SELECT \(chain.id) FROM \(chain.clause.from) WHERE \(chain.clause.sql))")
            clause.arguments += chain.clause.arguments
        }
        return clause
    }

    /// One page newest first: ids below `before` (keyset, for the export) after skipping `offset` rows.
    static func historyRows(_ db: Database, _ clause: Clause, limit: Int, offset: Int = 0,
                            before: Int64? = nil) throws -> [HistoryRow] {
        var clause = clause
        if let before { clause.add("h.id < ?", [before]) }
        return try Row.fetchAll(db.cachedStatement(sql: """
            WITH page AS (SELECT h.id FROM \(clause.from) WHERE \(clause.sql) ORDER BY h.id DESC LIMIT ? OFFSET ?)
            SELECT h.*, c.externalKey FROM page JOIN history h ON h.id = page.id
            LEFT JOIN customer c ON c.id = h.customerId ORDER BY h.id DESC
            """), arguments: clause.arguments + [limit, offset]).map { row in
            let at: Date = row["at"]
            let text: String = row["at"]
            return HistoryRow(sequence: row["id"], at: at, day: Day(iso: String(text.prefix(10)))!,
                              entity: row["entity"], entityID: row["entityId"], event: row["event"],
                              customer: (row["customerId"] as Int64?).map(CustomerID.init),
                              customerKey: row["externalKey"], user: (row["userId"] as Int64?).map(UserID.init),
                              channel: try Decode.value(Channel.self, row["channel"]),
                              status: try Decode.value(ActionStatus.self, row["status"]), detail: row["detail"])
        }
    }

    static func history(_ db: Database, _ query: AgendaQuery, direct: Bool = false, cap: Int = countCap,
                        wideFrom: Int = wideFieldCustomers) throws -> AgendaPage<HistoryRow> {
        if !direct && fieldScoped(query) { return try historyByFields(db, query, cap: cap, wideFrom: wideFrom) }
        let counts = try historyCounts(db, query, direct: direct)
        let rows = try historyRows(db, historyPageClause(query, direct: direct), limit: query.limit,
                                   offset: query.offset)
        return AgendaPage(rows: rows, total: counts.total, toDo: counts.toDo)
    }
}

extension SQLiteAgendaStore {
    public func history(_ query: AgendaQuery) async throws -> AgendaPage<HistoryRow> {
        try await pool.read { db in try AgendaSQL.history(db, query) }
    }

    public func exportHistoryCSV(_ query: AgendaQuery) async throws -> String {
        try await pool.read { db in
            let clause = AgendaSQL.historyPageClause(query)
            var out = "sequence,at,entity,entity_id,event,customer_key,user_id,channel,status,detail\r\n"
            let formatter = ISO8601DateFormatter()
            var before: Int64?
            while true {
                // Keyset paging: each batch starts below the last id written, so the export stays linear.
                let rows = try AgendaSQL.historyRows(db, clause, limit: 5_000, before: before)
                for row in rows {
                    let fields = [String(row.sequence), formatter.string(from: row.at), row.entity,
                                  row.entityID.map(String.init) ?? "", row.event, row.customerKey ?? "",
                                  row.user.map { String($0.rawValue) } ?? "", row.channel?.rawValue ?? "",
                                  row.status?.rawValue ?? "", row.detail]
                    out += fields.map(AgendaSQL.csvField).joined(separator: ",") + "\r\n"
                }
                if rows.count < 5_000 { break }
                before = rows.last?.sequence
            }
            return out
        }
    }
}
