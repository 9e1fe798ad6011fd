public import Foundation
import GRDB

/// Runs one CSV import inside one write transaction: parse, validate, upsert by external key.
struct CSVImporter {
    let configuration: CSVImportConfiguration
    let at: Date
    private var report = ImportReport(records: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [], committed: false)
    private var columns: [CSVField: Int] = [:]
    private var customColumns: [(index: Int, name: String)] = []
    private var formats: [CSVValues.DateFormat] = []
    private var width = 0

    /// Thrown inside the transaction to roll it back while keeping the report.
    struct Rollback: Error { let report: ImportReport }

    init(configuration: CSVImportConfiguration, at: Date) {
        self.configuration = configuration
        self.at = at
        formats = configuration.dateFormats.map(CSVValues.DateFormat.init)
    }

    /// Parses the file (no database access): header and records. Throws `badFile`.
    static func parse(_ data: Data, configuration: CSVImportConfiguration) throws -> [CSVRecord] {
        let bytes = try CSVReader.stripBOM([UInt8](data))
        let separator = configuration.separator.byte ?? CSVReader.detectSeparator(bytes)
        let records = try CSVReader.records(bytes, separator: separator)
        guard !records.isEmpty else { throw AgendaStoreError(.badFile, "empty file") }
        return records
    }

    static func required(_ kind: CSVImportKind) -> [CSVField] {
        switch kind {
        case .customers: [.key, .name]
        case .contacts: [.key, .customerKey]
        case .items: [.key, .customerKey, .issueDate, .dueDate, .amount]
        }
    }

    mutating func run(_ db: Database, records: [CSVRecord]) throws -> ImportReport {
        try readHeader(records[0])
        report.records = records.count - 1
        switch configuration.kind {
        case .customers: try importCustomers(db, records.dropFirst())
        case .contacts: try importContacts(db, records.dropFirst())
        case .items: try importItems(db, records.dropFirst())
        }
        if !report.rejected.isEmpty && !configuration.commitWithRejectedRows {
            var rolledBack = report
            rolledBack.inserted = 0
            rolledBack.updated = 0
            rolledBack.unchanged = 0
            throw Rollback(report: rolledBack)
        }
        report.committed = true
        try History.append(db, at: at, entity: "import", entityID: nil, event: "imported",
                           detail: ["kind": configuration.kind.rawValue, "records": report.records,
                                    "inserted": report.inserted, "updated": report.updated,
                                    "rejected": report.rejected.count])
        return report
    }

    private mutating func readHeader(_ header: CSVRecord) throws {
        width = header.fields.count
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if index[key] == nil { index[key] = i } // the first of two equal headers wins
        }
        for (field, name) in configuration.columns {
            if let i = index[name.trimmingCharacters(in: .whitespaces).lowercased()] { columns[field] = i }
        }
        for field in Self.required(configuration.kind) where columns[field] == nil {
            throw AgendaStoreError(.badFile, "no column for field \(field.rawValue)")
        }
        for (header, name) in configuration.customFields.sorted(by: { $0.key < $1.key }) {
            guard let i = index[header.lowercased()] else {
                throw AgendaStoreError(.badFile, "no column for custom field \(name)")
            }
            customColumns.append((i, name))
        }
    }

    private func value(_ record: CSVRecord, _ field: CSVField) -> String? {
        guard let i = columns[field], i < record.fields.count else { return nil }
        let text = record.fields[i]
        return text.isEmpty ? nil : text
    }

    private mutating func reject(_ record: CSVRecord, _ reason: String) {
        report.rejected.append(RejectedRow(line: record.line, reason: reason))
    }

    /// Shape checks shared by every kind; false when the row was rejected.
    private mutating func checkShape(_ record: CSVRecord, seen: inout [String: Int]) -> String? {
        if record.fields.count < width {
            reject(record, "has \(record.fields.count) fields, the header has \(width)")
            return nil
        }
        if record.fields.count > width && record.fields[width...].contains(where: { !$0.isEmpty }) {
            reject(record, "has \(record.fields.count) fields, the header has \(width)")
            return nil
        }
        guard let key = value(record, .key) else { reject(record, "key is empty"); return nil }
        if let first = seen[key] {
            reject(record, "key repeats line \(first)")
            return nil
        }
        seen[key] = record.line
        return key
    }

    private static func lookup(_ db: Database, _ sql: String) throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() { map[row[0]] = row[1] }
        return map
    }

    // MARK: Customers

    private mutating func importCustomers(_ db: Database, _ records: ArraySlice<CSVRecord>) throws {
        let users = try Self.lookup(db, "SELECT login, id FROM user")
        let scenarios = try Self.lookup(db, "SELECT name, id FROM scenario")
        var seen: [String: Int] = [:]
        for record in records {
            guard let key = checkShape(record, seen: &seen) else { continue }
            guard let name = value(record, .name) else { reject(record, "name is empty"); continue }
            var collector: Int64?
            if let login = value(record, .collector) {
                guard let id = users[login] else { reject(record, "collector is not a user"); continue }
                collector = id
            }
            var scenario: Int64?
            if let scenarioName = value(record, .scenario) {
                guard let id = scenarios[scenarioName] else { reject(record, "scenario does not exist"); continue }
                scenario = id
            }
            let language = value(record, .language)
            let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE externalKey = ?"),
                                            arguments: [key])
            let id: Int64
            var changed = false
            if let existing {
                id = existing["id"]
                let oldName: String = existing["name"]
                let oldLanguage: String? = existing["language"]
                let oldCollector: Int64? = existing["collectorId"]
                let oldScenario: Int64? = existing["scenarioId"]
                let newCollector = columns[.collector] == nil ? oldCollector : collector
                let newScenario = columns[.scenario] == nil ? oldScenario : scenario
                let newLanguage = columns[.language] == nil ? oldLanguage : language
                let same = oldName == name && oldLanguage == newLanguage && oldCollector == newCollector
                if !same || oldScenario != newScenario {
                    try db.cachedStatement(sql: """
                        UPDATE customer SET name = ?, language = ?, collectorId = ?, scenarioId = ?, updatedAt = ?
                        WHERE id = ?
                        """).execute(arguments: [name, newLanguage, newCollector, newScenario, at, id])
                    changed = true
                }
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO customer (externalKey, name, language, collectorId, scenarioId, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [key, name, language, collector, scenario, at, at])
                id = db.lastInsertedRowID
            }
            for (index, fieldName) in customColumns {
                let fieldValue = index < record.fields.count ? record.fields[index] : ""
                if fieldValue.isEmpty {
                    try db.cachedStatement(sql: "DELETE FROM customerField WHERE customerId = ? AND name = ?")
                        .execute(arguments: [id, fieldName])
                } else {
                    try db.cachedStatement(sql: """
                        INSERT INTO customerField (customerId, name, value) VALUES (?, ?, ?)
                        ON CONFLICT (customerId, name) DO UPDATE SET value = excluded.value
                        WHERE value <> excluded.value
                        """).execute(arguments: [id, fieldName, fieldValue])
                }
                if existing != nil && db.changesCount > 0 { changed = true }
            }
            if existing == nil { report.inserted += 1 } else if changed { report.updated += 1 } else { report.unchanged += 1 }
        }
    }

    // MARK: Contacts

    private mutating func importContacts(_ db: Database, _ records: ArraySlice<CSVRecord>) throws {
        let customers = try Self.lookup(db, "SELECT externalKey, id FROM customer")
        var seen: [String: Int] = [:]
        for record in records {
            guard let key = checkShape(record, seen: &seen) else { continue }
            guard let customerKey = value(record, .customerKey), let customer = customers[customerKey] else {
                reject(record, "customer_key names no customer")
                continue
            }
            var isCollection = false
            if let text = value(record, .collectionContact) {
                guard let flag = CSVValues.flag(text) else { reject(record, "collection_contact is not a yes/no"); continue }
                isCollection = flag
            }
            if let email = value(record, .email), !email.contains("@") {
                reject(record, "email has no @")
                continue
            }
            let fields: [(String, String?)] = [("name", value(record, .name)), ("email", value(record, .email)),
                                               ("phone", value(record, .phone)),
                                               ("postalAddress", value(record, .address))]
            if isCollection {
                try db.cachedStatement(sql: """
                    UPDATE contact SET isCollectionContact = 0
                    WHERE customerId = ? AND isCollectionContact = 1 AND externalKey <> ?
                    """).execute(arguments: [customer, key])
            }
            let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM contact WHERE externalKey = ?"),
                                            arguments: [key])
            if let existing {
                let same = existing["customerId"] == customer && existing["isCollectionContact"] == isCollection
                    && fields.allSatisfy { existing[$0.0] == $0.1 }
                if same { report.unchanged += 1; continue }
                try db.cachedStatement(sql: """
                    UPDATE contact SET customerId = ?, name = ?, email = ?, phone = ?, postalAddress = ?,
                        isCollectionContact = ? WHERE id = ?
                    """).execute(arguments: [customer, fields[0].1, fields[1].1, fields[2].1, fields[3].1,
                                             isCollection, existing["id"] as Int64])
                report.updated += 1
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO contact (customerId, externalKey, name, email, phone, postalAddress, isCollectionContact)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [customer, key, fields[0].1, fields[1].1, fields[2].1, fields[3].1,
                                             isCollection])
                report.inserted += 1
            }
        }
    }

    // MARK: Items

    private mutating func importItems(_ db: Database, _ records: ArraySlice<CSVRecord>) throws {
        let customers = try Self.lookup(db, "SELECT externalKey, id FROM customer")
        var seen: [String: Int] = [:]
        seen.reserveCapacity(records.count)
        let select = try db.cachedStatement(sql: """
            SELECT id, customerId, kind, issueDate, dueDate, amountMinor, openAmountMinor, currency
            FROM item WHERE number = ?
            """)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO item (customerId, kind, number, issueDate, dueDate, amountMinor, openAmountMinor, currency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE item SET customerId = ?, kind = ?, issueDate = ?, dueDate = ?, amountMinor = ?,
                openAmountMinor = ?, currency = ? WHERE id = ?
            """)
        for record in records {
            guard let number = checkShape(record, seen: &seen) else { continue }
            guard let customerKey = value(record, .customerKey), let customer = customers[customerKey] else {
                reject(record, "customer_key names no customer")
                continue
            }
            guard let issueText = value(record, .issueDate), let issue = CSVValues.date(issueText, formats: formats) else {
                reject(record, "issue_date is not a date in the configured formats")
                continue
            }
            guard let dueText = value(record, .dueDate), let due = CSVValues.date(dueText, formats: formats) else {
                reject(record, "due_date is not a date in the configured formats")
                continue
            }
            let currency = (value(record, .currency) ?? configuration.defaultCurrency).uppercased()
            guard Money.isCurrencyCode(currency) else { reject(record, "currency is not an ISO 4217 code"); continue }
            let exponent = Money.exponent(of: currency)
            let amount: Int64
            switch CSVValues.amount(value(record, .amount) ?? "", style: configuration.decimalStyle, exponent: exponent) {
            case .success(let v): amount = v
            case .failure(let error): reject(record, "amount \(error.rawValue)"); continue
            }
            var open = amount
            if let openText = value(record, .openAmount) {
                switch CSVValues.amount(openText, style: configuration.decimalStyle, exponent: exponent) {
                case .success(let v): open = v
                case .failure(let error): reject(record, "open_amount \(error.rawValue)"); continue
                }
            }
            guard let kindChoice = CSVValues.itemKind(value(record, .kind) ?? "") else {
                reject(record, "kind is neither invoice nor credit note")
                continue
            }
            let kind = kindChoice ?? (amount < 0 ? .creditNote : .invoice)
            if let row = try Row.fetchOne(select, arguments: [number]) {
                let id: Int64 = row["id"]
                if row["customerId"] == customer && row["kind"] == kind.rawValue && row["issueDate"] == issue.iso
                    && row["dueDate"] == due.iso && row["amountMinor"] == amount && row["openAmountMinor"] == open
                    && row["currency"] == currency {
                    report.unchanged += 1
                    continue
                }
                try update.execute(arguments: [customer, kind.rawValue, issue.iso, due.iso, amount, open, currency, id])
                report.updated += 1
            } else {
                try insert.execute(arguments: [customer, kind.rawValue, number, issue.iso, due.iso, amount, open, currency])
                report.inserted += 1
            }
        }
    }
}

extension SQLiteAgendaStore {
    public func importCSV(_ data: Data, configuration: CSVImportConfiguration, at: Date) async throws -> ImportReport {
        let records = try CSVImporter.parse(data, configuration: configuration)
        do {
            return try await pool.write { db in
                var importer = CSVImporter(configuration: configuration, at: at)
                return try importer.run(db, records: records)
            }
        } catch let rollback as CSVImporter.Rollback {
            return rollback.report
        }
    }
}
