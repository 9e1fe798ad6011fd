import Foundation
import GRDB

/// SQL for the four agenda tabs: a WHERE clause built from the filters, one query for the counts, one for the page.
enum AgendaSQL {
    struct Clause {
        /// The FROM clause (a join with the customer when filtering on its collector).
        var from: String
        var conditions: [String] = []
        var arguments: StatementArguments = []
        mutating func add(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) {
            conditions.append(sql)
            for value in values { arguments += [value] }
        }
        var sql: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }
    }

    static let openStatuses: Set<ActionStatus> = [.planned, .confirmed, .sending, .error]

    static func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// Next day's ISO text, the exclusive upper bound of timestamp ranges.
    static func dayAfter(_ day: Day) -> String { day.adding(days: 1).iso }

    /// Common customer filters; `customerColumn` is the customer id column of the tab's table.
    static func customerFilters(_ query: AgendaQuery, _ customerColumn: String, into clause: inout Clause) {
        if let customer = query.customer { clause.add("\(customerColumn) = ?", [customer.rawValue]) }
        for (name, value) in query.customerFields.sorted(by: { $0.key < $1.key }) {
            clause.add("\(customerColumn) IN (SELECT customerId FROM customerField WHERE name = ? AND value = ?)",
                       [name, value])
        }
    }

    /// Counts from the tallies when every filter is a tally column; `direct` forces counting the rows (tests).
    /// `cap` and `wideFrom`: see FieldScopedTabs (tests vary them).
    static func actionTab(_ db: Database, _ query: AgendaQuery, manual: Bool, direct: Bool = false,
                          cap: Int = countCap, wideFrom: Int = wideFieldCustomers) throws -> AgendaPage<ActionRow> {
        var clause = Clause(from: "action a")
        if manual {
            clause.add("a.mode = 'manual'")
        } else {
            clause.add("a.mode IN ('automatic','automatic_with_confirmation')")
        }
        let statuses = query.statuses.isEmpty
            ? (manual ? [ActionStatus.planned, .confirmed, .error] : [.planned, .confirmed, .sending, .error])
            : query.statuses
        clause.add("a.status IN (\(placeholders(statuses.count)))", statuses.map(\.rawValue))
        if !query.channels.isEmpty {
            clause.add("a.channel IN (\(placeholders(query.channels.count)))", query.channels.map(\.rawValue))
        }
        if let collector = query.collector { clause.add("a.assigneeId = ?", [collector.rawValue]) }
        if let from = query.from { clause.add("a.plannedDate >= ?", [from.iso]) }
        if let to = query.to { clause.add("a.plannedDate <= ?", [to.iso]) }
        let today = query.today.iso
        let toDo = manual
            ? "a.status = 'error' OR (a.status IN ('planned','confirmed') AND a.plannedDate <= ?)"
            : "a.status = 'error' OR (a.status = 'planned' AND a.mode = 'automatic_with_confirmation' AND a.plannedDate <= ?)"
        let order = "a.plannedDate, a.status, a.channel, a.mode, a.assigneeId, a.customerId, a.id"
        if !direct && fieldScoped(query) {
            // Custom fields without a collector: capped counts (see FieldScopedTabs).
            let open = Set(statuses).isSubset(of: openStatuses)
            var rows = clause
            if open { rows.add("a.status IN ('planned','confirmed','sending','error')") }
            var toDoRows = rows
            toDoRows.add("(\(toDo))", [today])
            // The red rows as two disjoint index ranges of `action_tab` (mode, status, planned date): errors, then
            // what is due; read in order, rows of other statuses would be checked one by one.
            var errors = rows, due = rows
            errors.add("a.status = 'error'")
            if manual {
                due.add("a.status IN ('planned','confirmed') AND a.plannedDate <= ?", [today])
            } else {
                due.add("a.mode = 'automatic_with_confirmation' AND a.status = 'planned' AND a.plannedDate <= ?", [today])
            }
            var through = (rows: rows, toDo: [toDoRows])
            if open {
                through.rows.from = "action a INDEXED BY action_customer_open"
                through.toDo[0].from = through.rows.from
            }
            let wide = try wideFields(db, query, threshold: wideFrom)
            let counts = try fieldCounts(db, query, wide: wide, scan: (rows, [errors, due]), through: through,
                                         customerColumn: "a.customerId", cap: cap)
            let page = fieldPage(query, wide: wide, rows: rows, ordered: open ? "action a INDEXED BY action_open" : nil,
                                 id: "a.id", customerColumn: "a.customerId", order: order)
            return AgendaPage(rows: try actionRows(db, page, order: order, today: query.today),
                              total: counts.total, toDo: counts.toDo, capped: counts.capped)
        }
        customerFilters(query, "a.customerId", into: &clause)
        let tally = !direct && query.customer == nil && query.customerFields.isEmpty
        let counts = try Row.fetchOne(db.cachedStatement(sql: tally ? """
            SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN \(toDo) THEN n ELSE 0 END), 0) FROM actionTally a
            WHERE \(clause.sql)
            """ : """
            SELECT count(*), coalesce(sum(CASE WHEN \(toDo) THEN 1 ELSE 0 END), 0) FROM action a WHERE \(clause.sql)
            """), arguments: [today] + clause.arguments)!
        // The page's ids first, then the joins for those rows only. Open actions are read in order from the partial
        // index of open actions (its WHERE term repeated verbatim so SQLite knows the index applies).
        // A collector's manual actions come from `action_assignee_open` (assignee and mode first, then the page order);
        // automatic ones are dense enough in `action_open` (about two rows in three are automatic).
        var pageClause = clause
        var from = "action a"
        if query.customer == nil && Set(statuses).isSubset(of: openStatuses) {
            pageClause.add("a.status IN ('planned','confirmed','sending','error')")
            from = manual && query.collector != nil && !direct
                ? "action a INDEXED BY action_assignee_open" : "action a INDEXED BY action_open"
        }
        let page = try actionRows(db, ("SELECT a.id FROM \(from) WHERE \(pageClause.sql) ORDER BY \(order) LIMIT ? OFFSET ?",
                                       pageClause.arguments + [query.limit, query.offset]),
                                  order: order, today: query.today)
        return AgendaPage(rows: page, total: counts[0], toDo: counts[1])
    }

    /// The rows of one page, `page` the query of their ids (joins for those rows only).
    static func actionRows(_ db: Database, _ page: (sql: String, arguments: StatementArguments), order: String,
                           today: Day) throws -> [ActionRow] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            WITH page AS (\(page.sql))
            SELECT a.id, a.customerId, c.name, a.channel, a.mode, a.status, a.errorCause, a.plannedDate, a.assigneeId
            FROM page JOIN action a ON a.id = page.id JOIN customer c ON c.id = a.customerId
            ORDER BY \(order)
            """), arguments: page.arguments)
        return try rows.map { row -> ActionRow in
            let status = try Decode.required(ActionStatus.self, row["status"])
            let mode = try Decode.required(ActionMode.self, row["mode"])
            let planned = try Decode.day(row["plannedDate"])!
            return ActionRow(action: ActionID(row["id"]), customer: CustomerID(row["customerId"]), customerName: row["name"],
                             channel: try Decode.required(Channel.self, row["channel"]), mode: mode, status: status,
                             errorCause: try Decode.value(ErrorCause.self, row["errorCause"]), plannedDate: planned,
                             assignee: (row["assigneeId"] as Int64?).map(UserID.init),
                             colour: colour(status: status, mode: mode, planned: planned, today: today))
        }
    }

    /// DESIGN.md colours.
    static func colour(status: ActionStatus, mode: ActionMode, planned: Day, today: Day) -> ActionColour {
        switch status {
        case .error: return .yellow
        case .done, .cancelled: return .none
        case .planned, .confirmed, .sending:
            if mode == .manual { return planned <= today ? .red : .blue }
            if status != .planned || mode == .automatic { return .green }
            return planned <= today ? .red : .white
        }
    }

    /// Filters of the replies tab. A collector's messages are a range of `inboundByCollector` (migration
    /// `ui-speed-collector-indexes`), newest first, with their custom fields checked on the collector's customers;
    /// `direct` joins the customer instead (tests compare the two).
    static func repliesClause(_ query: AgendaQuery, direct: Bool = false) -> Clause {
        var clause = Clause(from: "inboundMessage m")
        clause.add("m.kind IN ('reply','comment')")
        let byCollector = !direct && query.collector != nil
        if let collector = query.collector {
            if byCollector {
                clause.from = "inboundByCollector m"
                clause.add("m.collectorId = ?", [collector.rawValue])
            } else {
                clause.from = "customer cc JOIN inboundMessage m ON m.customerId = cc.id"
                clause.add("cc.collectorId = ?", [collector.rawValue])
            }
        }
        if let from = query.from { clause.add("m.receivedAt >= ?", [from.iso]) }
        if let to = query.to { clause.add("m.receivedAt < ?", [dayAfter(to)]) }
        if byCollector && query.customer == nil && !query.customerFields.isEmpty {
            let chain = customerChain(query)
            clause.add("m.customerId IN (SELECT \(chain.id) FROM \(chain.clause.from) WHERE \(chain.clause.sql))")
            clause.arguments += chain.clause.arguments
        } else {
            customerFilters(query, "m.customerId", into: &clause)
        }
        return clause
    }

    static func replies(_ db: Database, _ query: AgendaQuery, direct: Bool = false, cap: Int = countCap,
                        wideFrom: Int = wideFieldCustomers) throws -> AgendaPage<ReplyRow> {
        let order = "m.receivedAt DESC, m.id DESC"
        var counts: (total: Int, toDo: Int, capped: Bool)
        let page: (sql: String, arguments: StatementArguments)
        if !direct && fieldScoped(query) {
            // Custom fields without a collector: capped counts (see FieldScopedTabs).
            var rows = Clause(from: "inboundMessage m")
            rows.add("m.kind IN ('reply','comment')")
            if let from = query.from { rows.add("m.receivedAt >= ?", [from.iso]) }
            if let to = query.to { rows.add("m.receivedAt < ?", [dayAfter(to)]) }
            var toDoRows = rows
            toDoRows.add("m.openProposals > 0")
            var through = (rows: rows, toDo: [toDoRows])
            through.rows.from = "inboundMessage m INDEXED BY inboundMessage_customer"
            through.toDo[0].from = through.rows.from
            let wide = try wideFields(db, query, threshold: wideFrom)
            counts = try fieldCounts(db, query, wide: wide, scan: (rows, [toDoRows]), through: through,
                                     customerColumn: "m.customerId", cap: cap)
            page = fieldPage(query, wide: wide, rows: rows, ordered: "inboundMessage m INDEXED BY inboundMessage_received",
                             id: "m.id", customerColumn: "m.customerId", order: order)
        } else {
            let clause = repliesClause(query, direct: direct)
            let tally = !direct && query.customer == nil && query.customerFields.isEmpty
            var tallyClause = Clause(from: "inboundTally m")
            tallyClause.add("m.kind IN ('reply','comment')")
            var open = "m.openProposals > 0"
            if let collector = query.collector {
                // inboundCollectorTally: days and an open flag per collector (migration ui-speed-collector-indexes).
                tallyClause.from = "inboundCollectorTally m"
                tallyClause.add("m.collectorId = ?", [collector.rawValue])
                open = "m.open"
            }
            let day = query.collector == nil ? "m.receivedAt" : "m.day"
            if let from = query.from { tallyClause.add("\(day) >= ?", [from.iso]) }
            if let to = query.to { tallyClause.add("\(day) < ?", [dayAfter(to)]) }
            let row = try Row.fetchOne(db.cachedStatement(sql: tally ? """
                SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN \(open) THEN n ELSE 0 END), 0)
                FROM \(tallyClause.from) WHERE \(tallyClause.sql)
                """ : """
                SELECT count(*), coalesce(sum(m.openProposals > 0), 0) FROM \(clause.from) WHERE \(clause.sql)
                """), arguments: tally ? tallyClause.arguments : clause.arguments)!
            counts = (row[0], row[1], false)
            page = ("SELECT m.id FROM \(clause.from) WHERE \(clause.sql) ORDER BY \(order) LIMIT ? OFFSET ?",
                    clause.arguments + [query.limit, query.offset])
        }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            WITH page AS (\(page.sql))
            SELECT m.id, m.kind, m.customerId, c.name, m.receivedAt, a.intent, a.confidence, a.summary, m.openProposals
            FROM page JOIN inboundMessage m ON m.id = page.id LEFT JOIN analysis a ON a.messageId = m.id
            LEFT JOIN customer c ON c.id = m.customerId ORDER BY m.receivedAt DESC, m.id DESC
            """), arguments: page.arguments).map { row in
            ReplyRow(message: InboundMessageID(row["id"]), kind: try Decode.required(MessageKind.self, row["kind"]),
                     customer: (row["customerId"] as Int64?).map(CustomerID.init), customerName: row["name"],
                     receivedAt: row["receivedAt"], intent: try Decode.value(Intent.self, row["intent"]),
                     confidence: row["confidence"], summary: row["summary"], openProposals: row["openProposals"])
        }
        return AgendaPage(rows: rows, total: counts.total, toDo: counts.toDo, capped: counts.capped)
    }

    /// RFC 4180 field quoting.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension SQLiteAgendaStore {
    public func manualActions(_ query: AgendaQuery) async throws -> AgendaPage<ActionRow> {
        try await pool.read { db in try AgendaSQL.actionTab(db, query, manual: true) }
    }

    public func automaticActions(_ query: AgendaQuery) async throws -> AgendaPage<ActionRow> {
        try await pool.read { db in try AgendaSQL.actionTab(db, query, manual: false) }
    }

    public func replies(_ query: AgendaQuery) async throws -> AgendaPage<ReplyRow> {
        try await pool.read { db in try AgendaSQL.replies(db, query) }
    }
}
