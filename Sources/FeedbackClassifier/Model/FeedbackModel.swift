public import Foundation

/// The shipped classifier: the intent model and the dispute-reason model, saved together in one file.
public struct FeedbackModel: Sendable {
    public var intent: TextModel { didSet { intentLabels = Self.intents(of: intent) } }
    /// The intent of each label of the intent model, in label order.
    private var intentLabels: [Intent]
    /// Trained on the disputes only; nil when the corpus has too few.
    public var disputeReason: TextModel?

    public init(intent: TextModel, disputeReason: TextModel?) {
        self.intent = intent
        self.disputeReason = disputeReason
        self.intentLabels = Self.intents(of: intent)
    }

    private static func intents(of model: TextModel) -> [Intent] {
        model.metadata.labels.map { Intent(rawValue: $0) ?? .other }
    }

    /// Classifies the visible text of a reply.
    public func predictIntent(_ text: String) -> IntentPrediction {
        // As IntentPrediction(intent.predict(text)), without the label strings.
        let (p, order) = intent.rankedProbabilities(text)
        let best = order[0]
        return IntentPrediction(intent: intentLabels[best], confidence: p[best],
                                ranked: order.map { (intent: intentLabels[$0], confidence: p[$0]) },
                                abstained: p[best] < intent.labelThresholds[best])
    }

    /// Why the reply disputes, or nil without a reason model.
    public func predictDisputeReason(_ text: String) -> (reason: DisputeReason, confidence: Float)? {
        guard let p = disputeReason?.predict(text), let reason = DisputeReason(rawValue: p.label) else { return nil }
        return (reason, p.confidence)
    }

    private static let magic: [UInt8] = Array("IGDB".utf8)

    /// Both models as one file: `IGDB`, then each model's length (UInt64) and bytes.
    public func encoded() throws -> Data {
        var data = Data(Self.magic)
        for model in [intent] + (disputeReason.map { [$0] } ?? []) {
            let bytes = try model.encoded()
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(bytes)
        }
        return data
    }

    /// Reads a file written by ``encoded()``.
    public init(decoding data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 4, Array(bytes[0..<4]) == Self.magic else {
            throw TextModel.FileError(description: "not an ingestd model file")
        }
        var offset = 4
        var models: [TextModel] = []
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else { throw TextModel.FileError(description: "model file is truncated") }
            let length = bytes[offset..<(offset + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            offset += 8
            guard length <= UInt64(bytes.count - offset) else { throw TextModel.FileError(description: "model file is truncated") }
            models.append(try TextModel(decoding: Data(bytes[offset..<(offset + Int(length))])))
            offset += Int(length)
        }
        guard let first = models.first, models.count <= 2 else { throw TextModel.FileError(description: "model file has no model") }
        self.init(intent: first, disputeReason: models.count > 1 ? models[1] : nil)
    }

    /// Reads a model file from disk.
    public init(contentsOf url: URL) throws {
        try self.init(decoding: try Data(contentsOf: url))
    }
}

/// Trains the ``FeedbackModel`` from labelled replies.
public struct FeedbackModelTrainer: Sendable {
    public var text = TextModelTrainer()
    /// Fewest labelled disputes for a reason model.
    public var minimumDisputes = 40

    public init() {}

    public func train(_ examples: [LabelledReply], name: String,
                      progress: (@Sendable (TextModelTrainer.Progress) -> Void)? = nil) -> FeedbackModel {
        let intent = text.train(texts: examples.map(\.text), targets: examples.map(\.intent.rawValue),
                                labels: Intent.allCases.map(\.rawValue), name: name, progress: progress)
        let disputes = examples.filter { $0.intent == .dispute && $0.disputeReason != nil }
        var reasonModel: TextModel?
        if disputes.count >= minimumDisputes {
            var reasonTrainer = text
            reasonTrainer.minimumSupport = 4
            reasonModel = reasonTrainer.train(texts: disputes.map(\.text), targets: disputes.map { $0.disputeReason!.rawValue },
                                              labels: DisputeReason.allCases.map(\.rawValue), name: name + "/dispute_reason")
        }
        return FeedbackModel(intent: intent, disputeReason: reasonModel)
    }
}
