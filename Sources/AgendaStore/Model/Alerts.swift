public import Foundation

/// What an alert rule watches.
public enum AlertRuleKind: String, Sendable, Codable, CaseIterable {
    /// A customer's outstanding (open) amount is above a threshold.
    case outstandingAbove = "outstanding_above"
    /// An open item is overdue by more than N days.
    case overdueMoreThan = "overdue_more_than"
    /// A customer's disputed open amount is above a threshold (0: any dispute).
    case disputedAmount = "disputed_amount"
    /// A promise date passed and the item is still open.
    case promiseBroken = "promise_broken"
    /// The outstanding amount exceeds a numeric customer field (guarantee, credit-insurance cover).
    case fieldLimitExceeded = "field_limit_exceeded"
}

/// An alert rule. Thresholds are in minor units of `currency`; amounts in other currencies are not compared.
public struct AlertRule: Sendable, Hashable {
    /// Name shown to collectors.
    public var name: String
    /// Kind.
    public var kind: AlertRuleKind
    /// Threshold in minor units (outstanding above, disputed amount).
    public var thresholdMinor: Int64?
    /// Currency of the threshold.
    public var currency: String?
    /// Days (overdue more than).
    public var days: Int?
    /// Customer field holding a limit in major units, e.g. "credit_insurance_limit" (field limit exceeded).
    public var fieldName: String?

    /// Makes a rule.
    public init(name: String, kind: AlertRuleKind, thresholdMinor: Int64? = nil, currency: String? = nil,
                days: Int? = nil, fieldName: String? = nil) {
        self.name = name
        self.kind = kind
        self.thresholdMinor = thresholdMinor
        self.currency = currency
        self.days = days
        self.fieldName = fieldName
    }
}

/// A hit of a rule (or a broken promise) for a customer and possibly an item.
public struct Alert: Sendable, Hashable {
    /// Row id.
    public var id: AlertID
    /// The rule, nil for the built-in broken-promise check.
    public var rule: AlertRuleID?
    /// Kind.
    public var kind: AlertRuleKind
    /// Customer.
    public var customer: CustomerID
    /// Item, for item-level alerts.
    public var item: ItemID?
    /// Day it was raised.
    public var raisedOn: Day
    /// Open until closed.
    public var isOpen: Bool
}

/// A registered classifier model version.
public struct ModelVersion: Sendable, Hashable {
    /// Row id.
    public var id: ModelVersionID
    /// Version name.
    public var version: String
    /// Metrics by name (e.g. "macro_f1").
    public var metrics: [String: Double]
    /// When it was registered.
    public var createdAt: Date
    /// True for the promoted one (at most one).
    public var promoted: Bool
}

/// IMAP sync state of one mailbox (RFC 9051, RFC 7162 for HIGHESTMODSEQ).
public struct MailboxSyncState: Sendable, Hashable {
    /// Mailbox.
    public var mailbox: String
    /// UIDVALIDITY.
    public var uidValidity: UInt32
    /// Highest UID stored.
    public var lastUID: UInt32
    /// HIGHESTMODSEQ, if the server has CONDSTORE.
    public var highestModSeq: UInt64?

    /// Makes a state.
    public init(mailbox: String, uidValidity: UInt32, lastUID: UInt32, highestModSeq: UInt64? = nil) {
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.highestModSeq = highestModSeq
    }
}
