import AgendaStore
import FeedbackClassifier
import Foundation
import WebUI

/// What `serve` gives the operators' pages (``OperatorServices``): the pollers' status board, the classifier's
/// training and evaluation with the library calls `ingestd train` and `ingestd evaluate` make (default settings, the
/// corpus's frozen test split), model installation, quarantined messages read again by the inbound pipeline, and
/// template preview as `ingestd preview` renders it.
/// Training and evaluation run on a thread of their own, never on the server's.
struct OperatorBridge: OperatorServices {
    /// The pollers' shared status.
    let board: MailboxStatusBoard
    /// The store (customers for previews).
    let store: SQLiteAgendaStore
    /// Folder of the labelled corpus (`<lang>.jsonl`).
    let corpusDirectory: String
    /// The model file the daemon loads (`model:` of the configuration).
    let modelPath: String
    /// Where trained versions wait to be installed (`<version>.igdm`).
    let candidateDirectory: String
    /// The outbound templates folder, if any.
    let templateDirectory: String?
    /// The customers' page link pattern with `{customer}`, for previews.
    let pageLink: String?
    /// The daemon's live model: reloaded as soon as a version is installed, so the pipelines use it without a
    /// restart.
    var live: LiveModel? = nil

    func mailboxStatuses() async -> [LiveMailboxStatus] {
        await board.all().map { status in
            LiveMailboxStatus(key: status.key, phase: status.phase.rawValue, lastSuccess: status.lastSuccess,
                              lastError: status.lastError, lastErrorAt: status.lastErrorAt,
                              needsAttention: status.needsAttention, consecutiveFailures: status.consecutiveFailures,
                              lagSeconds: status.lastMessageLag?.seconds, messagesToday: status.messagesToday)
        }
    }

    func train(name: String, extraExamples: Data) async throws -> TrainedModel {
        guard Self.isSafeVersion(name) else { throw CommandError("bad version name") }
        let corpus = corpusDirectory, folder = candidateDirectory
        return try await Self.offThread {
            let examples = try CorpusFiles.load(directory: corpus)
            var train = examples.filter { $0.split != "test" }
            if !extraExamples.isEmpty { train += try CorpusReader.read(extraExamples).filter { $0.split != "test" } }
            let test = examples.filter { $0.split == "test" }
            guard !train.isEmpty else { throw CommandError("the corpus has no training examples") }
            let model = FeedbackModelTrainer().train(train, name: name)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try model.encoded().write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).igdm"),
                                      options: .atomic)
            let metrics = test.isEmpty ? [:]
                : Self.metrics(Evaluation(examples: test, predictions: test.map { model.predictIntent($0.text) }))
            return TrainedModel(version: name, metrics: metrics)
        }
    }

    func evaluateInstalled() async throws -> TrainedModel {
        let corpus = corpusDirectory, path = modelPath
        return try await Self.offThread {
            guard let version = ModelLocator.version(explicit: path) else { throw CommandError("no installed model") }
            let model = try FeedbackModel(contentsOf: URL(fileURLWithPath: path))
            let test = try CorpusFiles.load(directory: corpus).filter { $0.split == "test" }
            guard !test.isEmpty else { throw CommandError("the corpus has no test split") }
            return TrainedModel(version: version, metrics: Self.metrics(
                Evaluation(examples: test, predictions: test.map { model.predictIntent($0.text) })))
        }
    }

    func install(version: String) async throws {
        let path = modelPath, folder = candidateDirectory, live = live
        try await Self.offThread {
            defer { _ = try? live?.reload() }
            if ModelLocator.version(explicit: path) == version { return }
            guard Self.isSafeVersion(version) else { throw CommandError("no candidate file for this version") }
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("\(version).igdm")
            let data = try Data(contentsOf: candidate)
            _ = try FeedbackModel(decoding: data) // a file that does not load is never installed
            let target = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try data.write(to: target, options: .atomic)
        }
    }

    func reprocess(_ message: QuarantinedMessage, by user: UserID) async throws -> ReprocessedMessage {
        guard let raw = try await store.rawMessage(message.id) else {
            throw AgendaStoreError(.notFound, "no raw bytes for message \(message.id)")
        }
        // The daemon's own pipeline settings: the configured model (read here, once per request) and the limits.
        let path = modelPath
        let pipeline: InboundPipeline
        if let live {
            var configuration = InboundPipeline.Configuration()
            configuration.live = live
            pipeline = InboundPipeline(store: store, configuration: configuration).resolvingModel()
        } else {
            let interpreter = try await Self.offThread { try ModelLocator.interpreter(explicit: path) }
            pipeline = InboundPipeline(store: store, configuration: InboundPipeline.Configuration(
                interpreter: interpreter, modelVersion: interpreter == nil ? nil : ModelLocator.version(explicit: path)))
        }
        let prepared = await pipeline.prepare((raw: raw, source: message.source, receivedAt: message.receivedAt),
                                              lookup: CorrelationLookup(store: store))
        let stored = try await store.reprocess(quarantined: message.id, as: prepared.entry, by: user, at: Date())
        return ReprocessedMessage(id: stored.id, quarantineReason: prepared.quarantine?.rawValue)
    }

    func templateNames() async -> [String] {
        guard let templateDirectory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templateDirectory)) ?? []
        return names.filter { name in
            var folder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(
                atPath: (templateDirectory as NSString).appendingPathComponent(name), isDirectory: &folder) && folder.boolValue
        }.sorted()
    }

    /// What a template preview renders for `customer`: its collection contact and open items, today's date, no action.
    func previewContext(_ customer: Customer) async throws -> [String: Any] {
        let contact = try await store.contacts(of: customer.id).first(where: \.isCollectionContact)
        let items = try await store.items(of: customer.id).filter { $0.openAmount.minorUnits > 0 }
        let today = Day(date: Date())
        return OutboundTemplates.context(customer: customer, contact: contact, items: items,
                                         actionID: ActionID(0), plannedDate: today, today: today, pageLink: pageLink)
    }

    func preview(template: String, customer id: CustomerID, language: String?) async throws -> TemplatePreview {
        guard let templateDirectory, Self.isSafeVersion(template) else {
            throw CommandError("no templates folder or a bad template name")
        }
        guard let customer = try await store.customer(id) else { throw CommandError("no customer \(id)") }
        let context = try await previewContext(customer)
        let rendered = try OutboundTemplates(directory: templateDirectory)
            .render(template, language: language ?? customer.language, context: context)
        return TemplatePreview(subject: rendered.subject, text: rendered.text, html: rendered.html,
                               language: rendered.language)
    }

    /// A version or template name usable as a file name: letters, digits, `.`, `_`, `-`, not starting with `.`.
    static func isSafeVersion(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && !name.hasPrefix(".") && name.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
                || byte == 46 || byte == 95
        }
    }

    /// An evaluation as registry scores (``ModelMetrics`` keys).
    static func metrics(_ e: Evaluation) -> [String: Double] {
        var m: [String: Double] = [
            ModelMetrics.accuracy: e.accuracy, ModelMetrics.macroF1: e.macroF1, ModelMetrics.count: Double(e.count),
            ModelMetrics.abstention: e.abstentionRate, ModelMetrics.calibrationError: e.expectedCalibrationError,
        ]
        for (intent, scores) in e.perIntent {
            guard let key = AgendaIntent(rawValue: intent.rawValue) else { continue }
            m[ModelMetrics.precision(key)] = scores.precision
            m[ModelMetrics.recall(key)] = scores.recall
            m[ModelMetrics.f1(key)] = scores.f1
            m[ModelMetrics.support(key)] = Double(scores.support)
        }
        for (gold, row) in e.confusion {
            for (predicted, count) in row {
                guard let g = AgendaIntent(rawValue: gold.rawValue), let p = AgendaIntent(rawValue: predicted.rawValue)
                else { continue }
                m[ModelMetrics.confusion(gold: g, predicted: p)] = Double(count)
            }
        }
        return m
    }

    /// Runs `work` on a new thread (CPU-bound training must not hold one of the few cooperative threads).
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

extension OperatorBridge {
    /// The keys of the `outbound:` section the preview needs (the outbound part reads the rest).
    struct PreviewSettings: Decodable {
        var templates: String?
        var pageLink: String?

        enum CodingKeys: String, CodingKey {
            case templates
            case pageLink = "page_link"
        }
    }

    /// The bridge for `serve`: candidates under `<data_dir>/models`, the corpus in `corpus/replies`, templates from
    /// the `outbound:` section (else a `templates` folder in the working directory, if there is one).
    static func make(environment: DaemonEnvironment) -> OperatorBridge {
        let configuration = environment.configuration
        let settings = (try? configuration.section("outbound", as: PreviewSettings.self)) ?? nil
        let fallback = FileManager.default.fileExists(atPath: "templates") ? "templates" : nil
        return OperatorBridge(board: environment.board, store: environment.store, corpusDirectory: "corpus/replies",
                              modelPath: configuration.serve.model,
                              candidateDirectory: (configuration.serve.dataDirectory as NSString)
                                  .appendingPathComponent("models"),
                              templateDirectory: settings?.templates ?? fallback, pageLink: settings?.pageLink,
                              live: environment.model)
    }
}
