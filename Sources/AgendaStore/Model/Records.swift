
/// A client account.
public struct Customer: Hashable, Sendable {
    /// Row id.
    public var id: CustomerID
    /// The ERP's key (upsert key of the CSV import).
    public var externalKey: String
    /// Display name.
    public var name: String
    /// Preferred language (BCP 47), if known.
    public var language: String?
    /// The assigned collector.
    public var collector: UserID?
    /// The scenario that drives planning.
    public var scenario: ScenarioID?
    /// Operator-defined fields (e.g. "segment", "credit_insurance").
    public var fields: [String: String]
}

/// A person at a customer; at most one per customer is the collection contact.
public struct Contact: Hashable, Sendable {
    /// Row id.
    public var id: ContactID
    /// Owning customer.
    public var customer: CustomerID
    /// The ERP's key.
    public var externalKey: String
    /// Name.
    public var name: String?
    /// Email address.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// Postal address, lines separated by newlines.
    public var postalAddress: String?
    /// True for the collection contact.
    public var isCollectionContact: Bool
}

/// The qualification of an item with its details.
public struct QualificationState: Hashable, Sendable, Codable {
    /// Status type, nil for none.
    public var qualification: Qualification?
    /// Promise date (promise to pay).
    public var promiseDate: Day?
    /// Promised or disputed amount in the item's currency.
    public var amountMinor: Int64?
    /// Dispute reason (dispute, litigation).
    public var disputeReason: DisputeReason?

    /// Makes a state.
    public init(_ qualification: Qualification? = nil, promiseDate: Day? = nil, amountMinor: Int64? = nil,
                disputeReason: DisputeReason? = nil) {
        self.qualification = qualification
        self.promiseDate = promiseDate
        self.amountMinor = amountMinor
        self.disputeReason = disputeReason
    }
}

/// An invoice or credit note.
public struct Item: Hashable, Sendable {
    /// Row id.
    public var id: ItemID
    /// Owning customer.
    public var customer: CustomerID
    /// Invoice or credit note.
    public var kind: ItemKind
    /// Document number (upsert key), e.g. "F-118".
    public var number: String
    /// Issue date.
    public var issueDate: Day
    /// Due date.
    public var dueDate: Day
    /// Amount.
    public var amount: Money
    /// What is still open (same currency).
    public var openAmount: Money
    /// Current qualification.
    public var qualification: QualificationState
}

/// A user of the agenda.
public struct User: Hashable, Sendable {
    /// Row id.
    public var id: UserID
    /// Login name.
    public var login: String
    /// Display name.
    public var name: String
    /// Role.
    public var role: Role
}

/// One step of a scenario.
public struct ScenarioStep: Hashable, Sendable {
    /// Days after the base (may be negative: a reminder before the due date).
    public var dayOffset: Int
    /// What the offset counts from.
    public var dayBase: DayBase
    /// Channel.
    public var channel: Channel
    /// Mode.
    public var mode: ActionMode
    /// Template name.
    public var template: String

    /// Makes a step.
    public init(dayOffset: Int, dayBase: DayBase = .oldestOpenDueDate, channel: Channel, mode: ActionMode,
                template: String) {
        self.dayOffset = dayOffset
        self.dayBase = dayBase
        self.channel = channel
        self.mode = mode
        self.template = template
    }
}

/// A dunning scenario: ordered steps and pausing rules.
public struct ScenarioDefinition: Hashable, Sendable {
    /// Unique name.
    public var name: String
    /// Steps in order.
    public var steps: [ScenarioStep]
    /// Skip customers with an open dispute.
    public var pauseOnDispute: Bool
    /// Skip customers with a promise to pay not yet due.
    public var pauseOnPromise: Bool

    /// Makes a scenario.
    public init(name: String, steps: [ScenarioStep], pauseOnDispute: Bool = true, pauseOnPromise: Bool = true) {
        self.name = name
        self.steps = steps
        self.pauseOnDispute = pauseOnDispute
        self.pauseOnPromise = pauseOnPromise
    }
}

/// A planned or done step for one customer and its items.
public struct Action: Hashable, Sendable {
    /// Row id.
    public var id: ActionID
    /// Customer.
    public var customer: CustomerID
    /// Items concerned.
    public var items: [ItemID]
    /// Scenario step, nil for manual and broken-promise actions.
    public var step: StepID?
    /// Where it comes from.
    public var origin: ActionOrigin
    /// Channel.
    public var channel: Channel
    /// Mode.
    public var mode: ActionMode
    /// Status.
    public var status: ActionStatus
    /// Error cause when `status == .error`.
    public var errorCause: ErrorCause?
    /// Error detail (e.g. the DSN status), no message text.
    public var errorDetail: String?
    /// Planned date.
    public var plannedDate: Day
    /// Done date.
    public var doneDate: Day?
    /// Assignee.
    public var assignee: UserID?
    /// Rendered content, once rendered.
    public var renderedContent: String?
    /// Outbound Message-ID (RFC 5322 section 3.6.4), once sent.
    public var outboundMessageID: String?
    /// Capture token of the reply address.
    public var captureToken: String?
}

/// A change of an action's state, for `updateAction`.
public enum ActionChange: Sendable, Hashable {
    /// A person confirmed an automatic action.
    case confirm
    /// The scheduler hands it to the sender, with the Message-ID and capture token it uses.
    case sending(messageID: String?, captureToken: String?, renderedContent: String?)
    /// Done on a day.
    case done(Day)
    /// Failed with a cause and a detail (codes only).
    case failed(ErrorCause, detail: String?)
    /// Cancelled.
    case cancel
}
