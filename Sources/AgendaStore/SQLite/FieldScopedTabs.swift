import GRDB

/// The agenda tabs filtered on customer custom fields without a collector (an operator's view of a segment).
///
/// No tally knows the custom fields, and a field such as a segment can hold a quarter of the customers, so counting
/// its rows exactly reads a quarter of the history (about 280,000 events at 1.1 million). Here:
/// - when many customers have the fields (at least `wideFieldCustomers`, one in a hundred at 100,000), rows are read in
///   index order (the page in the tab's order), each row's customer checked by primary key in `customerField`: a page
///   needs few rows, and the counts stop after `cap` matches, reported as "at least" (`AgendaPage.capped`);
/// - otherwise through those few customers, each one's rows read from an index by customer (counts exact unless
///   they too pass the cap), the page sorted.
extension AgendaSQL {
    /// Where field-filtered counts stop (the tab then shows "at least").
    static let countCap = 1_000
    /// From this many customers with the fields, pages are read in order instead of through the customers.
    static let wideFieldCustomers = 1_000

    /// True when a query takes this path: custom fields, no collector and no single customer.
    static func fieldScoped(_ query: AgendaQuery) -> Bool {
        query.collector == nil && query.customer == nil && !query.customerFields.isEmpty
    }

    /// EXISTS terms: the customer in `customerColumn` has every field of the query (primary-key probes).
    static func fieldExists(_ query: AgendaQuery, _ customerColumn: String, into clause: inout Clause) {
        for (index, (name, value)) in query.customerFields.sorted(by: { $0.key < $1.key }).enumerated() {
            clause.add("""
                EXISTS (SELECT 1 FROM customerField x\(index) WHERE x\(index).customerId = \(customerColumn) \
                AND x\(index).name = ? AND x\(index).value = ?)
                """, [name, value])
        }
    }

    /// Whether at least `threshold` customers have the query's fields (reads at most that many).
    static func wideFields(_ db: Database, _ query: AgendaQuery, threshold: Int) throws -> Bool {
        guard threshold > 0 else { return true }
        let chain = customerChain(query)
        let count = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM \(chain.clause.from) WHERE \(chain.clause.sql) LIMIT ?)
            """), arguments: chain.clause.arguments + [threshold])!
        return count >= threshold
    }

    /// `rows` (alias and its conditions, as a clause on one table) joined to the customers having the fields.
    static func throughFieldCustomers(_ query: AgendaQuery, _ rows: Clause, customerColumn: String) -> Clause {
        let chain = customerChain(query)
        var clause = chain.clause
        clause.from += " CROSS JOIN \(rows.from)"
        clause.add("\(customerColumn) = \(chain.id)")
        clause.conditions += rows.conditions
        clause.arguments += rows.arguments
        return clause
    }

    /// The number of rows matching `clause`, stopping after `cap`; true when it stopped.
    static func cappedCount(_ db: Database, _ clause: Clause, cap: Int) throws -> (count: Int, capped: Bool) {
        let count = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM \(clause.from) WHERE \(clause.sql) LIMIT ?)
            """), arguments: clause.arguments + [cap + 1])!
        return (min(count, cap), count > cap)
    }

    /// Grey and red counts for the customers having the fields, each capped: `wide` (many customers have them) reads
    /// `scan` (total rows; to-do rows as disjoint parts, each an index range) in index order checking each row's
    /// customer, else `through` for each of those customers (clauses on one table whose index starts with the
    /// customer). None holds a customer filter.
    static func fieldCounts(_ db: Database, _ query: AgendaQuery, wide: Bool, scan: (rows: Clause, toDo: [Clause]),
                            through: (rows: Clause, toDo: [Clause]), customerColumn: String,
                            cap: Int) throws -> (total: Int, toDo: Int, capped: Bool) {
        var rows: Clause, toDo: [Clause]
        if wide {
            (rows, toDo) = scan
            fieldExists(query, customerColumn, into: &rows)
            for index in toDo.indices { fieldExists(query, customerColumn, into: &toDo[index]) }
        } else {
            rows = throughFieldCustomers(query, through.rows, customerColumn: customerColumn)
            toDo = through.toDo.map { throughFieldCustomers(query, $0, customerColumn: customerColumn) }
        }
        let total = try cappedCount(db, rows, cap: cap)
        var red = 0, redCapped = false
        for part in toDo where !redCapped {
            let count = try cappedCount(db, part, cap: cap - red)
            red += count.count
            redCapped = count.capped
        }
        return (total.count, red, total.capped || redCapped)
    }

    /// The query of one page's ids of `rows` for the customers having the fields, in `order` (on the alias of
    /// `rows`): when `wide`, `ordered` (the table read in page order; nil lets SQLite pick) checking each row's
    /// customer; else through those customers' rows, sorted.
    static func fieldPage(_ query: AgendaQuery, wide: Bool, rows: Clause, ordered: String?, id: String,
                          customerColumn: String, order: String) -> (sql: String, arguments: StatementArguments) {
        var clause: Clause
        if wide {
            clause = rows
            if let ordered { clause.from = ordered }
            fieldExists(query, customerColumn, into: &clause)
        } else {
            clause = throughFieldCustomers(query, rows, customerColumn: customerColumn)
        }
        return ("SELECT \(id) FROM \(clause.from) WHERE \(clause.sql) ORDER BY \(order) LIMIT ? OFFSET ?",
                clause.arguments + [query.limit, query.offset])
    }
}
