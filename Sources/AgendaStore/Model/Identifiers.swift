/// A row identifier of one kind of record; the phantom `Kind` keeps a customer id from being passed as an item id.
public struct RowID<Kind>: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The database row id.
    public let rawValue: Int64
    /// Wraps a database row id.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Marker kinds for `RowID`.
public enum RowKind {
    /// A customer.
    public enum Customer {}
    /// A contact.
    public enum Contact {}
    /// An item (invoice or credit note).
    public enum Item {}
    /// A user.
    public enum User {}
    /// A scenario.
    public enum Scenario {}
    /// A scenario step.
    public enum Step {}
    /// An action.
    public enum Action {}
    /// An inbound message.
    public enum InboundMessage {}
    /// A proposal.
    public enum Proposal {}
    /// An alert rule.
    public enum AlertRule {}
    /// An alert.
    public enum Alert {}
    /// A model version.
    public enum ModelVersion {}
}

/// Identifies a customer.
public typealias CustomerID = RowID<RowKind.Customer>
/// Identifies a contact.
public typealias ContactID = RowID<RowKind.Contact>
/// Identifies an item.
public typealias ItemID = RowID<RowKind.Item>
/// Identifies a user.
public typealias UserID = RowID<RowKind.User>
/// Identifies a scenario.
public typealias ScenarioID = RowID<RowKind.Scenario>
/// Identifies a scenario step.
public typealias StepID = RowID<RowKind.Step>
/// Identifies an action.
public typealias ActionID = RowID<RowKind.Action>
/// Identifies a stored inbound message.
public typealias InboundMessageID = RowID<RowKind.InboundMessage>
/// Identifies a proposal.
public typealias ProposalID = RowID<RowKind.Proposal>
/// Identifies an alert rule.
public typealias AlertRuleID = RowID<RowKind.AlertRule>
/// Identifies an alert.
public typealias AlertID = RowID<RowKind.Alert>
/// Identifies a registered model version.
public typealias ModelVersionID = RowID<RowKind.ModelVersion>
