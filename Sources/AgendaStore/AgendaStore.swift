public import Foundation

/// The collection domain's storage (DESIGN.md): one protocol, a SQLite backend now, PostgreSQL later, both checked by
/// the same contract tests. Every method is safe to call from concurrent tasks; writes are serialised, reads run in
/// parallel, and every operation is one transaction (all or nothing).
public protocol AgendaStore: Sendable {
    // MARK: Reference data

    /// Creates a user.
    func createUser(login: String, name: String, role: Role) async throws -> UserID
    /// Creates a scenario with its steps.
    func createScenario(_ definition: ScenarioDefinition) async throws -> ScenarioID
    /// The steps of a scenario, in order.
    func steps(of scenario: ScenarioID) async throws -> [(id: StepID, step: ScenarioStep)]
    /// Assigns a customer to a collector and/or a scenario (nil leaves that part unchanged).
    func assign(_ customer: CustomerID, collector: UserID?, scenario: ScenarioID?) async throws
    /// A customer by external key.
    func customer(externalKey: String) async throws -> Customer?
    /// The contacts of a customer.
    func contacts(of customer: CustomerID) async throws -> [Contact]
    /// The items of a customer, by number.
    func items(of customer: CustomerID) async throws -> [Item]
    /// An item by number.
    func item(number: String) async throws -> Item?
    /// Every qualification change of an item, oldest first.
    func qualificationChanges(of item: ItemID) async throws -> [(at: Date, before: QualificationState,
                                                                  after: QualificationState, user: UserID?)]
    /// Sets an item's qualification by hand (kept in the qualification changes and history).
    func qualify(_ item: ItemID, as state: QualificationState, by user: UserID?, at: Date) async throws
    /// Sets an item's open amount (a payment was booked).
    func setOpenAmount(_ item: ItemID, minorUnits: Int64, at: Date) async throws

    // MARK: Import

    /// Imports an ERP CSV export; upserts by external key. Nothing is written when the file is bad or (by default)
    /// when a row is rejected.
    func importCSV(_ data: Data, configuration: CSVImportConfiguration, at: Date) async throws -> ImportReport

    // MARK: Planning and actions

    /// Creates the scenario actions due on `day` (idempotent); returns how many were created and skipped.
    func plan(on day: Day, at: Date) async throws -> PlanningReport
    /// An action by id.
    func action(_ id: ActionID) async throws -> Action?
    /// The actions of a customer, oldest planned first.
    func actions(of customer: CustomerID) async throws -> [Action]
    /// Applies a state change to an action (history written in the same transaction).
    func updateAction(_ id: ActionID, _ change: ActionChange, by user: UserID?, at: Date) async throws

    // MARK: Agenda tabs

    /// Manual actions tab.
    func manualActions(_ query: AgendaQuery) async throws -> AgendaPage<ActionRow>
    /// Automatic actions tab.
    func automaticActions(_ query: AgendaQuery) async throws -> AgendaPage<ActionRow>
    /// History tab.
    func history(_ query: AgendaQuery) async throws -> AgendaPage<HistoryRow>
    /// Replies and comments tab.
    func replies(_ query: AgendaQuery) async throws -> AgendaPage<ReplyRow>
    /// The history tab as CSV (RFC 4180, comma, CRLF), every page.
    func exportHistoryCSV(_ query: AgendaQuery) async throws -> String

    // MARK: Inbound messages and proposals

    /// Stores an inbound message and its analysis; the same message again (same bytes or same mailbox position)
    /// writes nothing. The mailbox's sync state advances in the same transaction.
    func storeInbound(_ message: InboundMessage, analysis: MessageAnalysis?) async throws -> StoredInbound
    /// The raw bytes of a stored message, decompressed.
    func rawMessage(_ id: InboundMessageID) async throws -> Data?
    /// The proposals of a message.
    func proposals(of message: InboundMessageID) async throws -> [Proposal]
    /// Accepts, corrects or rejects a proposal: qualification, history and decision in one transaction.
    func decide(_ proposal: ProposalID, _ verdict: ProposalVerdict, by user: UserID, at: Date) async throws
    /// Sync state of a mailbox.
    func mailboxState(_ mailbox: String) async throws -> MailboxSyncState?
    /// Records a mailbox's state after a sync pass (HIGHESTMODSEQ, RFC 7162; an empty mailbox's UIDVALIDITY).
    /// Within one UIDVALIDITY the last UID never goes back; a new UIDVALIDITY replaces the state (RFC 9051 2.3.1.1).
    func recordMailboxState(_ state: MailboxSyncState, at: Date) async throws

    // MARK: Alerts

    /// Creates an alert rule.
    func createAlertRule(_ rule: AlertRule) async throws -> AlertRuleID
    /// Raises an alert and a manual call action for every promise whose date is before `day` on an item still open
    /// (once per item and promise date).
    func checkBrokenPromises(on day: Day, at: Date) async throws -> [AlertID]
    /// Evaluates every rule; returns the alerts newly raised (an open alert is not raised twice).
    func evaluateAlertRules(on day: Day, at: Date) async throws -> [AlertID]
    /// Open alerts, newest first.
    func openAlerts(customer: CustomerID?) async throws -> [Alert]

    // MARK: Model registry

    /// Registers a model version with its metrics.
    func registerModel(version: String, metrics: [String: Double], at: Date) async throws -> ModelVersionID
    /// Promotes one version (the previous promoted one is demoted in the same transaction).
    func promoteModel(_ id: ModelVersionID, by user: UserID?, at: Date) async throws
    /// Every version, newest first.
    func models() async throws -> [ModelVersion]
}

/// What a planning run did.
public struct PlanningReport: Sendable, Hashable {
    /// Actions created.
    public var created: Int
    /// Customers with open items skipped because of an open dispute.
    public var pausedByDispute: Int
    /// Customers skipped because of a promise not yet due.
    public var pausedByPromise: Int
    /// Customers whose next step is not due yet or whose scenario is finished.
    public var notDue: Int
}

/// Version information.
public enum AgendaStoreInfo {
    /// Number of schema migrations shipped by this build.
    public static var schemaVersion: Int { AgendaSchema.migrationNames.count }
}
