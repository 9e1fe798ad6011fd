import Foundation

/// A trained linear text classifier (intents, dispute reasons): features, weights, calibration and per-label
/// thresholds.
public struct TextModel: Sendable {
    /// Facts about the model kept in its file.
    public struct Metadata: Sendable, Codable, Hashable {
        /// File format version.
        public var formatVersion: Int = 1
        /// Free-form name given at training (e.g. a date or a git revision).
        public var name: String
        public var trainedExamples: Int
        /// The temperature applied to logits before the softmax (calibration).
        public var temperature: Float
        /// The probability each label needs for a proposal; under it the reply is flagged for a person.
        public var thresholds: [String: Float]
        /// The precision each threshold aims at.
        public var targetPrecision: Float
        public var l2: Double
        public var extractor: FeatureExtractor
        public var labels: [String]
    }

    public var metadata: Metadata { didSet { labelThresholds = Self.thresholds(of: metadata) } }
    /// Each label's threshold in label order (1.01, never reached, for a label without one).
    private(set) var labelThresholds: [Float]
    /// Hash of each kept feature, by column.
    var columnHashes: [UInt64]
    var columns: ColumnIndex
    /// Weight of each column's term frequency (inverse document frequency), or nil for none.
    var columnWeights: [Float]?
    var regression: SoftmaxRegression

    init(metadata: Metadata, columnHashes: [UInt64], columnWeights: [Float]? = nil, regression: SoftmaxRegression) {
        self.metadata = metadata
        self.labelThresholds = Self.thresholds(of: metadata)
        self.columnHashes = columnHashes
        self.columnWeights = columnWeights
        self.regression = regression
        self.columns = ColumnIndex(columnHashes)
    }

    /// Number of feature columns kept from training.
    public var featureCount: Int { columnHashes.count }

    /// The features of `text` mapped to this model's columns.
    func vector(_ text: String) -> SparseVector {
        SparseVector(counts: metadata.extractor.features(text), columns: columns, weights: columnWeights)
    }

    /// Uncalibrated logits of `text`: the same as `regression.logits(vector(text))`, read straight from the counts
    /// (no sorted row is built: the sum is linear, so the L2 norm divides it once at the end).
    func logits(_ text: String) -> [Float] {
        regression.logits(counts: metadata.extractor.features(text), columns: columns, weights: columnWeights)
    }

    /// Classifies `text`.
    public func predict(_ text: String) -> TextPrediction {
        prediction(fromLogits: logits(text))
    }

    private static func thresholds(of metadata: Metadata) -> [Float] {
        metadata.labels.map { metadata.thresholds[$0] ?? 1.01 }
    }

    /// Calibrated probabilities of `text` in label order and the label indices most likely first (ties in label
    /// order), without the label strings of ``predict(_:)``.
    func rankedProbabilities(_ text: String) -> (probabilities: [Float], order: [Int]) {
        var p = logits(text)
        SoftmaxRegression.softmaxInPlace(&p, temperature: metadata.temperature)
        var order = Array(p.indices)
        for i in 1..<max(order.count, 1) {  // insertion sort: a handful of labels, stable
            var j = i
            while j > 0, p[order[j - 1]] < p[order[j]] { order.swapAt(j - 1, j); j -= 1 }
        }
        return (p, order)
    }

    func prediction(fromLogits logits: [Float]) -> TextPrediction {
        let probabilities = SoftmaxRegression.probabilities(logits, temperature: metadata.temperature)
        let ranked = zip(metadata.labels, probabilities).sorted { $0.1 > $1.1 }.map { (label: $0.0, confidence: $0.1) }
        let best = ranked[0]
        let threshold = metadata.thresholds[best.label] ?? 1.01
        return TextPrediction(label: best.label, confidence: best.confidence, ranked: ranked,
                              abstained: best.confidence < threshold)
    }
}
