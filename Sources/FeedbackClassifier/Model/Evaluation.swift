/// Accuracy, per-intent precision/recall/F1, per-language accuracy and the confusion matrix of predictions.
public struct Evaluation: Sendable {
    /// Scores of one intent.
    public struct IntentScores: Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var count: Int
    public var accuracy: Double
    /// Mean F1 over the intents present in the gold labels.
    public var macroF1: Double
    public var perIntent: [Intent: IntentScores]
    /// Language -> (right, total).
    public var perLanguage: [String: (right: Int, total: Int)]
    /// confusion[gold][predicted] counts.
    public var confusion: [Intent: [Intent: Int]]
    /// Share of replies on which the model abstained, and accuracy on the others.
    public var abstentionRate: Double
    public var accuracyWhenProposing: Double
    /// Macro-F1 per language.
    public var perLanguageMacroF1: [String: Double]
    /// Reliability of the confidences: 10 bins of width 0.1 (count, mean confidence, accuracy).
    public var calibrationBins: [(count: Int, confidence: Double, accuracy: Double)]
    /// Expected calibration error: the count-weighted gap between confidence and accuracy over the bins.
    public var expectedCalibrationError: Double

    /// Scores `predictions` against `examples` (same order).
    public init(examples: [LabelledReply], predictions: [IntentPrediction]) {
        count = examples.count
        var confusion: [Intent: [Intent: Int]] = [:]
        var perLanguage: [String: (right: Int, total: Int)] = [:]
        var right = 0, proposed = 0, proposedRight = 0
        for (example, prediction) in zip(examples, predictions) {
            confusion[example.intent, default: [:]][prediction.intent, default: 0] += 1
            let ok = example.intent == prediction.intent
            if ok { right += 1 }
            var lang = perLanguage[example.lang] ?? (0, 0)
            lang.total += 1
            if ok { lang.right += 1 }
            perLanguage[example.lang] = lang
            if !prediction.abstained {
                proposed += 1
                if ok { proposedRight += 1 }
            }
        }
        var perIntent: [Intent: IntentScores] = [:]
        for intent in Intent.allCases {
            let tp = confusion[intent]?[intent] ?? 0
            let support = confusion[intent]?.values.reduce(0, +) ?? 0
            let predicted = confusion.values.reduce(0) { $0 + ($1[intent] ?? 0) }
            let p = predicted > 0 ? Double(tp) / Double(predicted) : 0
            let r = support > 0 ? Double(tp) / Double(support) : 0
            perIntent[intent] = IntentScores(precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0,
                                             support: support)
        }
        let present = perIntent.values.filter { $0.support > 0 }
        var byLanguage: [String: Double] = [:]
        for lang in Set(examples.map(\.lang)) {
            let pairs = zip(examples, predictions).filter { $0.0.lang == lang }
            byLanguage[lang] = Self.macroF1(gold: pairs.map(\.0.intent), predicted: pairs.map(\.1.intent))
        }
        perLanguageMacroF1 = byLanguage
        var bins = [(count: Int, confidence: Double, accuracy: Double)](repeating: (0, 0, 0), count: 10)
        for (example, prediction) in zip(examples, predictions) {
            let b = min(9, Int(Double(prediction.confidence) * 10))
            bins[b].count += 1
            bins[b].confidence += Double(prediction.confidence)
            bins[b].accuracy += example.intent == prediction.intent ? 1 : 0
        }
        calibrationBins = bins.map { $0.count > 0 ? ($0.count, $0.confidence / Double($0.count), $0.accuracy / Double($0.count)) : $0 }
        expectedCalibrationError = calibrationBins.reduce(0) { $0 + Double($1.count) * abs($1.confidence - $1.accuracy) }
            / Double(max(examples.count, 1))
        self.confusion = confusion
        self.perIntent = perIntent
        self.perLanguage = perLanguage
        accuracy = count > 0 ? Double(right) / Double(count) : 0
        macroF1 = present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
        abstentionRate = count > 0 ? 1 - Double(proposed) / Double(count) : 0
        accuracyWhenProposing = proposed > 0 ? Double(proposedRight) / Double(proposed) : 0
    }

    /// Mean F1 over the gold labels present.
    static func macroF1(gold: [Intent], predicted: [Intent]) -> Double {
        let labels = Set(gold)
        guard !labels.isEmpty else { return 0 }
        var total = 0.0
        for label in labels {
            let tp = zip(gold, predicted).filter { $0 == label && $1 == label }.count
            let p = predicted.filter { $0 == label }.count, r = gold.filter { $0 == label }.count
            let precision = p > 0 ? Double(tp) / Double(p) : 0, recall = r > 0 ? Double(tp) / Double(r) : 0
            total += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return total / Double(labels.count)
    }
}
