public import AgendaStore
public import Foundation

/// What the operators' pages need from the daemon beyond the store: the pollers' live status, the classifier (train
/// and evaluate with the same library code as `ingestd train`/`evaluate`, install a version) and the outbound
/// templates (render as `ingestd preview` does). The web UI imports neither MailIngest nor FeedbackClassifier;
/// `ingestd serve` implements this protocol and hands it to ``WebServer``. Without it those pages say the function is
/// not available in this process.
public protocol OperatorServices: Sendable {
    /// The mail pollers' status, one per mailbox, by key. Ids, counts and codes only.
    func mailboxStatuses() async -> [LiveMailboxStatus]
    /// Trains a new model version on the corpus's train split plus `extraExamples` (corpus JSON Lines, DESIGN.md
    /// "Corpus format"), scores it on the frozen test split and keeps it as a candidate (not installed). Slow: the
    /// implementation runs it off the server's threads.
    func train(name: String, extraExamples: Data) async throws -> TrainedModel
    /// Scores the installed model on the frozen test split; its version is the one recorded with analyses.
    func evaluateInstalled() async throws -> TrainedModel
    /// Makes a candidate version the model the daemon uses; the daemon reloads it at once (no restart).
    func install(version: String) async throws
    /// Reads a quarantined message's stored bytes again through the pipeline (analysis, correlation,
    /// classification) and stores the result in its place (``OperatorStore/reprocess(quarantined:as:by:at:)``).
    func reprocess(_ message: QuarantinedMessage, by user: UserID) async throws -> ReprocessedMessage
    /// The template names the preview offers (a scenario step's `template`).
    func templateNames() async -> [String]
    /// Renders `template` for `customer` (their language unless `language` is given) without sending anything.
    func preview(template: String, customer: CustomerID, language: String?) async throws -> TemplatePreview
    /// The saved parts of `template` in exactly `language` (each nil when that file does not exist).
    func templateSource(template: String, language: String) async throws -> TemplateSource
    /// Renders an unsaved source of `template` in `language` for `customer` as the saved one would render (nothing
    /// is written or sent). Throws ``TemplateRejected`` for a source that does not parse.
    func previewDraft(_ source: TemplateSource, template: String, customer: CustomerID,
                      language: String) async throws -> TemplatePreview
    /// Replaces the parts of `template` in `language` (a nil part's file is removed), the files the scheduler sends
    /// from. Throws ``TemplateRejected`` for a source that does not parse or has neither text nor HTML.
    func saveTemplate(_ source: TemplateSource, template: String, language: String) async throws
}

extension OperatorServices {
    /// Template editing is not available (a process without a templates folder).
    public func templateSource(template: String, language: String) async throws -> TemplateSource {
        throw TemplateRejected("This process has no templates folder.")
    }

    /// Template editing is not available.
    public func previewDraft(_ source: TemplateSource, template: String, customer: CustomerID,
                             language: String) async throws -> TemplatePreview {
        throw TemplateRejected("This process has no templates folder.")
    }

    /// Template editing is not available.
    public func saveTemplate(_ source: TemplateSource, template: String, language: String) async throws {
        throw TemplateRejected("This process has no templates folder.")
    }
}

/// A template's parts in one language, as Mustache source (files `<lang>.subject|text|html.mustache`).
public struct TemplateSource: Sendable, Hashable {
    /// Subject line.
    public var subject: String?
    /// Plain-text body.
    public var text: String?
    /// HTML body.
    public var html: String?

    /// Makes a source.
    public init(subject: String?, text: String?, html: String?) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// The parts by name, in file order.
    public var parts: [(name: String, value: String?)] { [("subject", subject), ("text", text), ("html", html)] }
}

/// Why a template source was refused: a sentence for the operator (names the part and the parse error; templates
/// are operator-written, never customer data).
public struct TemplateRejected: Error, Sendable, Hashable, CustomStringConvertible {
    /// The sentence.
    public var message: String

    /// Makes a refusal.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// One poller's live status.
public struct LiveMailboxStatus: Sendable, Hashable {
    /// `account/mailbox`, as stored with each message.
    public var key: String
    /// What it is doing (`connecting`, `syncing`, `idling`, `waiting`, `backing_off`, `stopped`).
    public var phase: String
    /// End of the last complete pass.
    public var lastSuccess: Date?
    /// The last failure (a redacted code or sentence) and when.
    public var lastError: String?
    /// When `lastError` happened.
    public var lastErrorAt: Date?
    /// True when the failure needs a person (credentials, certificate).
    public var needsAttention: Bool
    /// Failures since the last complete pass.
    public var consecutiveFailures: Int
    /// From the newest message's arrival on the server to its storage, in seconds.
    public var lagSeconds: Double?
    /// Messages stored since midnight UTC.
    public var messagesToday: Int

    /// Makes a status.
    public init(key: String, phase: String, lastSuccess: Date? = nil, lastError: String? = nil,
                lastErrorAt: Date? = nil, needsAttention: Bool = false, consecutiveFailures: Int = 0,
                lagSeconds: Double? = nil, messagesToday: Int = 0) {
        self.key = key
        self.phase = phase
        self.lastSuccess = lastSuccess
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.needsAttention = needsAttention
        self.consecutiveFailures = consecutiveFailures
        self.lagSeconds = lagSeconds
        self.messagesToday = messagesToday
    }
}

/// What reading a quarantined message again gave.
public struct ReprocessedMessage: Sendable, Hashable {
    /// The message's new row.
    public var id: InboundMessageID
    /// Set when it is quarantined again: the reason code.
    public var quarantineReason: String?

    /// Makes an outcome.
    public init(id: InboundMessageID, quarantineReason: String?) {
        self.id = id
        self.quarantineReason = quarantineReason
    }
}

/// A trained or evaluated model version with its scores (keys of ``ModelMetrics``).
public struct TrainedModel: Sendable, Hashable {
    /// Version name (unique in the registry).
    public var version: String
    /// Scores on the frozen test split.
    public var metrics: [String: Double]

    /// Makes a result.
    public init(version: String, metrics: [String: Double]) {
        self.version = version
        self.metrics = metrics
    }
}

/// A rendered template.
public struct TemplatePreview: Sendable, Hashable {
    /// Subject line.
    public var subject: String
    /// Plain-text body.
    public var text: String
    /// HTML body, if the template has one (shown as source, never rendered).
    public var html: String?
    /// The language actually used.
    public var language: String

    /// Makes a preview.
    public init(subject: String, text: String, html: String?, language: String) {
        self.subject = subject
        self.text = text
        self.html = html
        self.language = language
    }
}

/// The names of a model version's scores in the registry (`AgendaStore.registerModel` keeps `[String: Double]`):
/// totals, per-intent precision, recall, F1 and support, and the confusion matrix cell by cell.
public enum ModelMetrics {
    /// Share of right intents.
    public static let accuracy = "accuracy"
    /// Mean F1 over the intents present.
    public static let macroF1 = "macro_f1"
    /// Replies scored.
    public static let count = "count"
    /// Share of replies on which the model abstained.
    public static let abstention = "abstention_rate"
    /// Expected calibration error.
    public static let calibrationError = "expected_calibration_error"

    /// `precision.<intent>`.
    public static func precision(_ intent: Intent) -> String { "precision.\(intent.rawValue)" }
    /// `recall.<intent>`.
    public static func recall(_ intent: Intent) -> String { "recall.\(intent.rawValue)" }
    /// `f1.<intent>`.
    public static func f1(_ intent: Intent) -> String { "f1.\(intent.rawValue)" }
    /// `support.<intent>` (gold replies of the intent).
    public static func support(_ intent: Intent) -> String { "support.\(intent.rawValue)" }
    /// `confusion.<gold>.<predicted>`.
    public static func confusion(gold: Intent, predicted: Intent) -> String {
        "confusion.\(gold.rawValue).\(predicted.rawValue)"
    }
}
