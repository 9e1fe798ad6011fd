public import Foundation

/// Filters and paging shared by the four agenda tabs and the history export.
public struct AgendaQuery: Sendable, Hashable {
    /// The day "today" is (red counts: due or late).
    public var today: Day
    /// Only this collector's work (action assignee; customer's collector for history and replies).
    public var collector: UserID?
    /// Only these statuses (actions; history events carrying a status). Empty: the tab's default.
    public var statuses: [ActionStatus]
    /// Only these channels. Empty: all.
    public var channels: [Channel]
    /// From this day (planned date, event day, received day), inclusive.
    public var from: Day?
    /// To this day, inclusive.
    public var to: Day?
    /// Only one customer.
    public var customer: CustomerID?
    /// Customer custom fields that must equal these values.
    public var customerFields: [String: String]
    /// Page size.
    public var limit: Int
    /// Rows to skip.
    public var offset: Int

    /// Makes a query.
    public init(today: Day, collector: UserID? = nil, statuses: [ActionStatus] = [], channels: [Channel] = [],
                from: Day? = nil, to: Day? = nil, customer: CustomerID? = nil, customerFields: [String: String] = [:],
                limit: Int = 50, offset: Int = 0) {
        self.today = today
        self.collector = collector
        self.statuses = statuses
        self.channels = channels
        self.from = from
        self.to = to
        self.customer = customer
        self.customerFields = customerFields
        self.limit = limit
        self.offset = offset
    }
}

/// One page of a tab with its counts.
public struct AgendaPage<Row: Sendable>: Sendable {
    /// The rows of this page.
    public var rows: [Row]
    /// Grey count: every row matching the filters.
    public var total: Int
    /// Red count: rows that need someone today.
    public var toDo: Int
    /// True when counting stopped at the store's cap (custom-field filters over everyone's customers): `total` and
    /// `toDo` are then lower bounds ("at least"), the rows are still exact.
    public var capped = false
}

/// The colour of an action row (DESIGN.md vocabulary).
public enum ActionColour: String, Sendable, Hashable {
    /// Automatic, confirmed.
    case green
    /// Automatic overdue and unconfirmed; manual due or late.
    case red
    /// Automatic upcoming, unconfirmed.
    case white
    /// Error.
    case yellow
    /// Manual upcoming.
    case blue
    /// Done or cancelled.
    case none
}

/// A row of the manual or automatic tab.
public struct ActionRow: Sendable, Hashable {
    /// The action.
    public var action: ActionID
    /// Customer.
    public var customer: CustomerID
    /// Customer name.
    public var customerName: String
    /// Channel.
    public var channel: Channel
    /// Mode.
    public var mode: ActionMode
    /// Status.
    public var status: ActionStatus
    /// Error cause.
    public var errorCause: ErrorCause?
    /// Planned date.
    public var plannedDate: Day
    /// Assignee.
    public var assignee: UserID?
    /// Colour.
    public var colour: ActionColour
}

/// A row of the history tab: one state change.
public struct HistoryRow: Sendable, Hashable {
    /// Sequence number (append order).
    public var sequence: Int64
    /// When.
    public var at: Date
    /// Day of `at` (UTC).
    public var day: Day
    /// What kind of record changed ("item", "action", "proposal", "alert", "import", ...).
    public var entity: String
    /// Its row id.
    public var entityID: Int64?
    /// Event code ("qualified", "status_changed", "created", "decided", ...).
    public var event: String
    /// Customer, if any.
    public var customer: CustomerID?
    /// Customer's external key.
    public var customerKey: String?
    /// Who did it (nil: the system).
    public var user: UserID?
    /// Channel of the action concerned.
    public var channel: Channel?
    /// New status of the action concerned.
    public var status: ActionStatus?
    /// Before/after or counts as compact JSON (ids, codes and amounts; no message text).
    public var detail: String
}

/// A row of the replies-and-comments tab.
public struct ReplyRow: Sendable, Hashable {
    /// The message.
    public var message: InboundMessageID
    /// Kind (reply or comment).
    public var kind: MessageKind
    /// Customer.
    public var customer: CustomerID?
    /// Customer name.
    public var customerName: String?
    /// When it arrived.
    public var receivedAt: Date
    /// Intent.
    public var intent: Intent?
    /// Confidence.
    public var confidence: Double?
    /// Summary.
    public var summary: String?
    /// Proposals not decided yet.
    public var openProposals: Int
}
