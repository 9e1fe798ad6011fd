/// A classifier's answer for one text.
public struct TextPrediction: Sendable, Hashable {
    /// The most likely label.
    public var label: String
    /// Its calibrated probability.
    public var confidence: Float
    /// Every label with its calibrated probability, most likely first.
    public var ranked: [(label: String, confidence: Float)]
    /// True when the confidence is under the label's threshold: a person should decide.
    public var abstained: Bool

    public static func == (lhs: TextPrediction, rhs: TextPrediction) -> Bool {
        lhs.label == rhs.label && lhs.confidence == rhs.confidence && lhs.abstained == rhs.abstained
            && lhs.ranked.map(\.label) == rhs.ranked.map(\.label) && lhs.ranked.map(\.confidence) == rhs.ranked.map(\.confidence)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(label)
        hasher.combine(confidence)
        hasher.combine(abstained)
    }
}

/// The intent classifier's answer for one reply.
public struct IntentPrediction: Sendable, Hashable {
    public var intent: Intent
    public var confidence: Float
    /// Every intent with its calibrated probability, most likely first.
    public var ranked: [(intent: Intent, confidence: Float)]
    public var abstained: Bool

    /// Reads a prediction of the intent model.
    public init(_ p: TextPrediction) {
        intent = Intent(rawValue: p.label) ?? .other
        confidence = p.confidence
        ranked = p.ranked.map { (intent: Intent(rawValue: $0.label) ?? .other, confidence: $0.confidence) }
        abstained = p.abstained
    }

    public init(intent: Intent, confidence: Float, ranked: [(intent: Intent, confidence: Float)], abstained: Bool) {
        self.intent = intent
        self.confidence = confidence
        self.ranked = ranked
        self.abstained = abstained
    }

    public static func == (lhs: IntentPrediction, rhs: IntentPrediction) -> Bool {
        lhs.intent == rhs.intent && lhs.confidence == rhs.confidence && lhs.abstained == rhs.abstained
            && lhs.ranked.map(\.intent) == rhs.ranked.map(\.intent)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(intent)
        hasher.combine(confidence)
    }
}
