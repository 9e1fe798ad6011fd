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
    static func actionTab(_ db: Database, _ query: AgendaQuery, manual: Bool,
                          direct: Bool = false) throws -> AgendaPage<ActionRow> {
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
        customerFilters(query, "a.customerId", into: &clause)
        let today = query.today.iso
        let toDo = manual
            ? "a.status = 'error' OR (a.status IN ('planned','confirmed') AND a.plannedDate <= ?)"
            : "a.status = 'error' OR (a.status = 'planned' AND a.mode = 'automatic_with_confirmation' AND a.plannedDate <= ?)"
        let tally = !direct && query.customer == nil && query.customerFields.isEmpty
        let counts = try Row.fetchOne(db, sql: tally ? """
            SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN \(toDo) THEN n ELSE 0 END), 0) FROM actionTally a
            WHERE \(clause.sql)
            """ : """
            SELECT count(*), coalesce(sum(CASE WHEN \(toDo) THEN 1 ELSE 0 END), 0) FROM action a WHERE \(clause.sql)
            """, arguments: [today] + clause.arguments)!
        // The page's ids first, then the joins for those rows only. Open actions are read in order from the partial
        // index of open actions (its WHERE term repeated verbatim so SQLite knows the index applies).
        var pageClause = clause
        var from = "action a"
        if query.customer == nil && Set(statuses).isSubset(of: openStatuses) {
            pageClause.add("a.status IN ('planned','confirmed','sending','error')")
            from = "action a INDEXED BY action_open"
        }
        let order = "a.plannedDate, a.status, a.channel, a.mode, a.assigneeId, a.customerId, a.id"
        let rows = try Row.fetchAll(db, sql: """
            WITH page AS (SELECT a.id FROM \(from) WHERE \(pageClause.sql) ORDER BY \(order) LIMIT ? OFFSET ?)
            SELECT a.id, a.customerId, c.name, a.channel, a.mode, a.status, a.errorCause, a.plannedDate, a.assigneeId
            FROM page JOIN action a ON a.id = page.id JOIN customer c ON c.id = a.customerId
            ORDER BY \(order)
            """, arguments: pageClause.arguments + [query.limit, query.offset])
        let page = try rows.map { row -> ActionRow in
            let status = try Decode.required(ActionStatus.self, row["status"])
            let mode = try Decode.required(ActionMode.self, row["mode"])
            let planned = try Decode.day(row["plannedDate"])!
            return ActionRow(action: ActionID(row["id"]), customer: CustomerID(row["customerId"]), customerName: row["name"],
                             channel: try Decode.required(Channel.self, row["channel"]), mode: mode, status: status,
                             errorCause: try Decode.value(ErrorCause.self, row["errorCause"]), plannedDate: planned,
                             assignee: (row["assigneeId"] as Int64?).map(UserID.init),
                             colour: colour(status: status, mode: mode, planned: planned, today: query.today))
        }
        return AgendaPage(rows: page, total: counts[0], toDo: counts[1])
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

    /// Filters of the replies tab. A collector's messages are found through the customer join (measured faster
    /// than reading newest first here: reply rows are wide, so each skipped row costs a table lookup).
    static func repliesClause(_ query: AgendaQuery) -> Clause {
        var clause = Clause(from: "inboundMessage m")
        clause.add("m.kind IN ('reply','comment')")
        if let collector = query.collector {
            clause.from = "customer cc JOIN inboundMessage m ON m.customerId = cc.id"
            clause.add("cc.collectorId = ?", [collector.rawValue])
        }
        if let from = query.from { clause.add("m.receivedAt >= ?", [from.iso]) }
        if let to = query.to { clause.add("m.receivedAt < ?", [dayAfter(to)]) }
        customerFilters(query, "m.customerId", into: &clause)
        return clause
    }

    static func replies(_ db: Database, _ query: AgendaQuery, direct: Bool = false) throws -> AgendaPage<ReplyRow> {
        let clause = repliesClause(query), pageClause = clause
        let tally = !direct && query.collector == nil && query.customer == nil && query.customerFields.isEmpty
        let counts = try Row.fetchOne(db, sql: tally ? """
            SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN m.openProposals > 0 THEN n ELSE 0 END), 0)
            FROM inboundTally m WHERE \(clause.sql)
            """ : """
            SELECT count(*), coalesce(sum(m.openProposals > 0), 0) FROM \(clause.from) WHERE \(clause.sql)
            """, arguments: clause.arguments)!
        let rows = try Row.fetchAll(db, sql: """
            WITH page AS (SELECT m.id FROM \(pageClause.from) WHERE \(pageClause.sql)
                          ORDER BY m.receivedAt DESC, m.id DESC LIMIT ? OFFSET ?)
            SELECT m.id, m.kind, m.customerId, c.name, m.receivedAt, a.intent, a.confidence, a.summary, m.openProposals
            FROM page JOIN inboundMessage m ON m.id = page.id LEFT JOIN analysis a ON a.messageId = m.id
            LEFT JOIN customer c ON c.id = m.customerId ORDER BY m.receivedAt DESC, m.id DESC
            """, arguments: pageClause.arguments + [query.limit, query.offset]).map { row in
            ReplyRow(message: InboundMessageID(row["id"]), kind: try Decode.required(MessageKind.self, row["kind"]),
                     customer: (row["customerId"] as Int64?).map(CustomerID.init), customerName: row["name"],
                     receivedAt: row["receivedAt"], intent: try Decode.value(Intent.self, row["intent"]),
                     confidence: row["confidence"], summary: row["summary"], openProposals: row["openProposals"])
        }
        return AgendaPage(rows: rows, total: counts[0], toDo: counts[1])
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
