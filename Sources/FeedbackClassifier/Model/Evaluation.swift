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
        self.confusion = confusion
        self.perIntent = perIntent
        self.perLanguage = perLanguage
        accuracy = count > 0 ? Double(right) / Double(count) : 0
        macroF1 = present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
        abstentionRate = count > 0 ? 1 - Double(proposed) / Double(count) : 0
        accuracyWhenProposing = proposed > 0 ? Double(proposedRight) / Double(proposed) : 0
    }
}
