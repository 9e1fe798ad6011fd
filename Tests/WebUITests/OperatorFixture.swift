import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// The daemon's side of the operators' pages, faked: fixed poller statuses, a training that returns at once with
/// fixed scores, installs and previews recorded.
actor FakeOperatorServices: OperatorServices {
    var statuses: [LiveMailboxStatus]
    var trainedNames: [String] = []
    var extraExamples: [Data] = []
    var installed: [String] = []
    var previews: [(template: String, customer: CustomerID, language: String?)] = []
    var trainingScores: [String: Double]
    var failTraining = false
    var reprocessed: [InboundMessageID] = []
    /// The store `reprocess` writes to.
    var store: SQLiteAgendaStore?

    func use(_ store: SQLiteAgendaStore) { self.store = store }

    init(statuses: [LiveMailboxStatus] = [], trainingScores: [String: Double] = FakeOperatorServices.scores(macroF1: 0.9)) {
        self.statuses = statuses
        self.trainingScores = trainingScores
    }

    /// Scores with a 2x2 corner of the confusion matrix filled in.
    static func scores(macroF1: Double) -> [String: Double] {
        [ModelMetrics.accuracy: 0.875, ModelMetrics.macroF1: macroF1, ModelMetrics.count: 40,
         ModelMetrics.abstention: 0.05, ModelMetrics.calibrationError: 0.031,
         ModelMetrics.precision(.promiseToPay): 0.9, ModelMetrics.recall(.promiseToPay): 0.8,
         ModelMetrics.f1(.promiseToPay): 0.847, ModelMetrics.support(.promiseToPay): 20,
         ModelMetrics.confusion(gold: .promiseToPay, predicted: .promiseToPay): 16,
         ModelMetrics.confusion(gold: .promiseToPay, predicted: .paymentMade): 4,
         ModelMetrics.confusion(gold: .paymentMade, predicted: .paymentMade): 19,
         ModelMetrics.confusion(gold: .paymentMade, predicted: .dispute): 1]
    }

    func setScores(_ scores: [String: Double]) { trainingScores = scores }
    func setFailTraining(_ fail: Bool) { failTraining = fail }

    func mailboxStatuses() async -> [LiveMailboxStatus] { statuses }

    func train(name: String, extraExamples: Data) async throws -> TrainedModel {
        if failTraining { throw CocoaError(.fileReadNoSuchFile) }
        trainedNames.append(name)
        self.extraExamples.append(extraExamples)
        return TrainedModel(version: name, metrics: trainingScores)
    }

    func evaluateInstalled() async throws -> TrainedModel {
        TrainedModel(version: "feedback.igdm@fnv1a64:00000000000000aa", metrics: Self.scores(macroF1: 0.8))
    }

    func install(version: String) async throws { installed.append(version) }

    /// Stores the message again as a reply of Acme's, unquarantined, unless its reason is `limit_parts`.
    func reprocess(_ message: QuarantinedMessage, by user: UserID) async throws -> ReprocessedMessage {
        reprocessed.append(message.id)
        guard let raw = try await store?.rawMessage(message.id), let store else { throw CocoaError(.fileReadNoSuchFile) }
        let again = message.reason == "limit_parts" ? message.reason : nil
        let stored = try await store.reprocess(quarantined: message.id, as: InboundBatchEntry(message: InboundMessage(
            raw: raw, source: message.source, kind: again == nil ? .reply : .other, receivedAt: message.receivedAt,
            quarantineReason: again)), by: user, at: WebFixture.now)
        return ReprocessedMessage(id: stored.id, quarantineReason: again)
    }

    func templateNames() async -> [String] { ["reminder-1", "final-notice"] }

    /// Template sources by `template/language`.
    var sources: [String: TemplateSource] = ["reminder-1/fr": TemplateSource(subject: "Rappel", text: "Bonjour", html: nil)]
    /// Drafts previewed.
    var drafts: [TemplateSource] = []

    func templateSource(template: String, language: String) async throws -> TemplateSource {
        sources["\(template)/\(language)"] ?? TemplateSource(subject: nil, text: nil, html: nil)
    }

    /// Refuses a source holding `{{#open}}` without its end, as the Mustache parser would.
    func previewDraft(_ source: TemplateSource, template: String, customer: CustomerID,
                      language: String) async throws -> TemplatePreview {
        try Self.check(source)
        drafts.append(source)
        return TemplatePreview(subject: source.subject ?? "", text: source.text ?? "", html: source.html,
                               language: language)
    }

    func saveTemplate(_ source: TemplateSource, template: String, language: String) async throws {
        try Self.check(source)
        sources["\(template)/\(language)"] = source
    }

    static func check(_ source: TemplateSource) throws {
        if source.text?.contains("{{#open}}") == true, source.text?.contains("{{/open}}") == false {
            throw TemplateRejected("The text part is not valid Mustache: section open is not closed.")
        }
    }

    func preview(template: String, customer: CustomerID, language: String?) async throws -> TemplatePreview {
        previews.append((template, customer, language))
        guard template == "reminder-1" else { throw CocoaError(.fileReadNoSuchFile) }
        return TemplatePreview(subject: "Reminder <F-100>", text: "Dear customer,\n<script>x</script> please pay.",
                               html: "<p onclick=\"x()\">Dear customer</p>", language: language ?? "fr")
    }
}

/// The web fixture's store and users with the operators' pages wired to a fake daemon.
struct OperatorFixture: Sendable {
    let base: WebFixture
    let services: FakeOperatorServices?
    let web: WebServer

    static func make(services: FakeOperatorServices? = FakeOperatorServices()) async throws -> OperatorFixture {
        let base = try await WebFixture.make()
        await services?.use(base.store)
        let web = WebServer(store: base.store, options: WebFixture.options(), operatorServices: services)
        return OperatorFixture(base: base, services: services, web: web)
    }

    var store: SQLiteAgendaStore { base.store }

    /// Runs `test` against the router, without sockets.
    func test<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: web.router()).test(.router, test)
    }

    /// Stores a quarantined message from `mailbox` (UID `uid`) with a hostile subject and distinct bytes.
    func quarantined(mailbox: String = "collections/INBOX", uid: UInt32, reason: String = "limit_parts",
                     raw: String? = nil) async throws -> InboundMessageID {
        // Distinct bytes per UID: the store keeps one copy of identical bytes.
        let bytes = raw ?? "From: x\r\nX-UID: \(uid)\r\n\r\n<script>raw</script>"
        return try await store.storeInbound(
            InboundMessage(raw: Data(bytes.utf8), source: MailboxPosition(mailbox: mailbox, uidValidity: 7, uid: uid),
                           kind: .other, fromAddress: "mallory@evil.example", subject: "<img src=x onerror=alert(9)>",
                           receivedAt: WebFixture.now.addingTimeInterval(-600), quarantineReason: reason),
            analysis: nil).id
    }
}
