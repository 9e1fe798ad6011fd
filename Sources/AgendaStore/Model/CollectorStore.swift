public import Foundation

/// What the collectors' pages need besides ``AgendaStore`` and ``ReviewStore`` (issue #8): rescheduling an action,
/// the charts over a date range, the alerts page, files customers upload (proof of payment) and the counts the
/// daemon's metrics read. Every method is one transaction.
public protocol CollectorStore: Sendable {
    /// Moves an open action (planned, confirmed or in error) to `day`; an action in error goes back to planned. A
    /// history event `rescheduled` (from, to) is written in the same transaction. Throws `invalidState` otherwise.
    func rescheduleAction(_ id: ActionID, to day: Day, by user: UserID?, at: Date) async throws
    /// Actions by planned day, channel and status within `from...through` (assigned to `collector` when given).
    func actionsByDay(collector: UserID?, from: Day, through: Day) async throws -> [DayActionCount]
    /// Replies and comments received within `from...through` by intent (nil: not classified).
    func replyIntentCounts(collector: UserID?, from: Day, through: Day) async throws -> [Intent?: Int]
    /// Every alert rule, by name.
    func alertRules() async throws -> [StoredAlertRule]
    /// Alerts, newest first, with their customer's name and item number (a collector's customers only when given).
    func alertHits(collector: UserID?, openOnly: Bool, limit: Int) async throws -> [AlertHit]
    /// Stores a file a customer sent, linked to the message it came with.
    func storeUpload(_ upload: UploadInput) async throws -> UploadID
    /// The files of a message, oldest first (without their bytes).
    func uploads(of message: InboundMessageID) async throws -> [UploadInfo]
    /// One file with its bytes.
    func upload(_ id: UploadID) async throws -> (info: UploadInfo, data: Data)?
    /// Actions by channel, status and error cause (the daemon's sends and errors metrics).
    func actionOutcomeCounts() async throws -> [ActionOutcomeCount]
}

/// Marker kind of uploads.
public enum UploadKind {}
/// An uploaded file's id.
public typealias UploadID = RowID<UploadKind>

/// Actions of one planned day, channel and status.
public struct DayActionCount: Sendable, Hashable {
    /// Planned day.
    public var day: Day
    /// Channel.
    public var channel: Channel
    /// Status.
    public var status: ActionStatus
    /// How many.
    public var count: Int
}

/// An alert rule with its row id.
public struct StoredAlertRule: Sendable, Hashable {
    /// Row id.
    public var id: AlertRuleID
    /// The rule.
    public var rule: AlertRule
    /// False when switched off.
    public var active: Bool
}

/// An alert with what the alerts page shows beside it.
public struct AlertHit: Sendable, Hashable {
    /// The alert.
    public var alert: Alert
    /// The rule's name, nil for the built-in broken-promise check.
    public var ruleName: String?
    /// The customer's name.
    public var customerName: String
    /// The item's number, for item-level alerts.
    public var itemNumber: String?
}

/// A file to store (customer data: never logged).
public struct UploadInput: Sendable, Hashable {
    /// The customer who sent it.
    public var customer: CustomerID
    /// The message (page comment) it came with.
    public var message: InboundMessageID?
    /// The file name as sent (shown escaped, sent back in a Content-Disposition `filename*`).
    public var filename: String
    /// The media type, checked by the caller against its list.
    public var contentType: String
    /// The bytes.
    public var data: Data
    /// When it was received.
    public var receivedAt: Date

    /// Makes an upload.
    public init(customer: CustomerID, message: InboundMessageID?, filename: String, contentType: String, data: Data,
                receivedAt: Date) {
        self.customer = customer
        self.message = message
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.receivedAt = receivedAt
    }
}

/// A stored file without its bytes.
public struct UploadInfo: Sendable, Hashable {
    /// Row id.
    public var id: UploadID
    /// Customer.
    public var customer: CustomerID
    /// Message.
    public var message: InboundMessageID?
    /// File name as sent.
    public var filename: String
    /// Media type.
    public var contentType: String
    /// Size in bytes.
    public var size: Int
    /// SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// When it was received.
    public var receivedAt: Date
}

/// Actions of one channel, status and error cause.
public struct ActionOutcomeCount: Sendable, Hashable {
    /// Channel.
    public var channel: Channel
    /// Status.
    public var status: ActionStatus
    /// Error cause, for actions in error.
    public var cause: ErrorCause?
    /// How many.
    public var count: Int
}
