import GRDB

extension AgendaSchema {
    /// Migration 13: the vocabulary CHECK constraints as comparisons, and `zstd` as a raw-message compression.
    ///
    /// SQLite evaluates `column IN ('a','b','c')` (more than two constants) by building a temporary B-tree of the list
    /// each time a statement writes a row, so every insert into `inboundMessage` (kind, correlation) and `history`
    /// (channel, status) built four of them: about 1.8 µs each, a tenth of the IMAP benchmark's storing cost. The same
    /// rules written `(column = 'a' OR column = 'b' OR ...)` (and `NOT IN` as `<>` joined by AND) accept and refuse
    /// exactly the same values, NULL included, at the cost of a few comparisons.
    ///
    /// The table definitions are edited in place, by SQLite's documented procedure for changes that leave the stored
    /// rows valid (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes": writable
    /// schema, the new `CREATE TABLE` text, schema version + 1), so a database of millions of rows migrates in
    /// milliseconds. Indexes and triggers are left as they are.
    static func vocabularyChecksAsComparisons(_ db: Database) throws {
        let tables = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'table' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        var changed: [(name: String, sql: String)] = []
        for table in tables {
            let name: String = table["name"], sql: String = table["sql"]
            var edited = sql
            if name == "inboundRaw" {
                let old = "compression IN ('deflate','none')"
                guard edited.contains(old) else {
                    throw AgendaStoreError(.invalidState, "inboundRaw's compression rule is not the expected one")
                }
                edited = edited.replacing(old, with: "compression IN ('deflate','none','zstd')")
            }
            edited = checksAsComparisons(edited)
            if edited != sql { changed.append((name, edited)) }
        }
        guard !changed.isEmpty else { return }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        for table in changed {
            try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                           arguments: [table.sql, table.name])
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }

    /// `sql` with every `column [NOT] IN (<more than two string constants>)` written as comparisons.
    static func checksAsComparisons(_ sql: String) -> String {
        let list = /(?<column>\w+)\s+(?<negated>NOT\s+)?IN\s*\((?<values>\s*'[^']*'(?:\s*,\s*'[^']*')+\s*)\)/
        return sql.replacing(list) { match -> String in
            let values = match.output.values.matches(of: /'[^']*'/).map { String($0.output) }
            guard values.count > 2 else { return String(match.output.0) }
            let column = match.output.column
            if match.output.negated == nil {
                return "(" + values.map { "\(column) = \($0)" }.joined(separator: " OR ") + ")"
            }
            return "(" + values.map { "\(column) <> \($0)" }.joined(separator: " AND ") + ")"
        }
    }
}
