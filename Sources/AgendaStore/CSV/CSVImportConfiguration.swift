/// What a CSV file holds.
public enum CSVImportKind: String, Sendable, Hashable, CaseIterable {
    /// Customers (key, name, language, collector login, scenario name, custom fields).
    case customers
    /// Contacts (key, customer key, name, email, phone, address, collection flag).
    case contacts
    /// Items (number, customer key, kind, dates, amounts, currency).
    case items
}

/// The fields a column can be mapped to.
public enum CSVField: String, Sendable, Hashable, CaseIterable {
    /// External key of the row (customer key, contact key, item number).
    case key
    /// Customer external key (contacts, items).
    case customerKey = "customer_key"
    /// Name.
    case name
    /// Language.
    case language
    /// Collector login (customers).
    case collector
    /// Scenario name (customers).
    case scenario
    /// Email.
    case email
    /// Phone.
    case phone
    /// Postal address.
    case address
    /// Collection contact flag (1, true, yes, x, oui, ja, si).
    case collectionContact = "collection_contact"
    /// Item kind (invoice, credit_note; also "credit", "avoir", "gutschrift").
    case kind
    /// Issue date.
    case issueDate = "issue_date"
    /// Due date.
    case dueDate = "due_date"
    /// Amount.
    case amount
    /// Open amount (defaults to the amount).
    case openAmount = "open_amount"
    /// Currency (defaults to the configuration's).
    case currency
}

/// The separator between fields.
public enum CSVSeparator: Sendable, Hashable {
    /// Detected from the header line: the most frequent of `,` `;` tab outside quotes.
    case auto
    /// Comma.
    case comma
    /// Semicolon.
    case semicolon
    /// Tab.
    case tab

    var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 9
        }
    }
}

/// How decimal amounts are written.
public enum DecimalStyle: Sendable, Hashable {
    /// "1234.56", "1,234.56", "1.234,56", "1234,56": the last `.` or `,` followed by at most the currency's
    /// exponent digits is the decimal mark, others are grouping.
    case auto
    /// "1234.56", "1,234.56".
    case point
    /// "1234,56", "1.234,56", "1 234,56".
    case comma
}

/// Column mapping and parsing settings of one CSV import (the operator's configuration).
public struct CSVImportConfiguration: Sendable, Hashable {
    /// What the file holds.
    public var kind: CSVImportKind
    /// Header name (as in the file, compared case-insensitively after trimming) for each field.
    public var columns: [CSVField: String]
    /// Header name -> custom field name (customers only).
    public var customFields: [String: String]
    /// Field separator.
    public var separator: CSVSeparator
    /// Decimal style.
    public var decimalStyle: DecimalStyle
    /// Accepted date formats, tried in order, made of `yyyy`, `yy`, `MM`, `M`, `dd`, `d` and literal separators.
    public var dateFormats: [String]
    /// Currency when there is no currency column or it is empty.
    public var defaultCurrency: String
    /// When false (default) one rejected row makes the whole file rejected and nothing is written.
    public var commitWithRejectedRows: Bool

    /// Makes a configuration.
    public init(kind: CSVImportKind, columns: [CSVField: String], customFields: [String: String] = [:],
                separator: CSVSeparator = .auto, decimalStyle: DecimalStyle = .auto,
                dateFormats: [String] = ["yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy", "yyyyMMdd"],
                defaultCurrency: String = "EUR", commitWithRejectedRows: Bool = false) {
        self.kind = kind
        self.columns = columns
        self.customFields = customFields
        self.separator = separator
        self.decimalStyle = decimalStyle
        self.dateFormats = dateFormats
        self.defaultCurrency = defaultCurrency
        self.commitWithRejectedRows = commitWithRejectedRows
    }

    /// Columns named as the fields themselves ("key", "customer_key", "due_date", ...).
    public static func identity(_ kind: CSVImportKind) -> CSVImportConfiguration {
        var columns: [CSVField: String] = [:]
        for field in CSVField.allCases { columns[field] = field.rawValue }
        return CSVImportConfiguration(kind: kind, columns: columns)
    }
}

/// A row the import did not take.
public struct RejectedRow: Sendable, Hashable {
    /// 1-based line number where the record starts (a quoted newline makes a record span lines).
    public var line: Int
    /// Why (field and rule, never the value).
    public var reason: String
}

/// What an import did.
public struct ImportReport: Sendable, Hashable {
    /// Data records read (header excluded).
    public var records: Int
    /// Rows inserted.
    public var inserted: Int
    /// Rows updated.
    public var updated: Int
    /// Rows already identical.
    public var unchanged: Int
    /// Rejected rows.
    public var rejected: [RejectedRow]
    /// False when nothing was written (rejected rows without `commitWithRejectedRows`).
    public var committed: Bool
}
