/// The classifier's answer for one reply.
public struct IntentPrediction: Sendable, Hashable {
    /// The most likely intent.
    public var intent: Intent
    /// Its calibrated probability.
    public var confidence: Float
    /// Every intent with its calibrated probability, most likely first.
    public var ranked: [(intent: Intent, confidence: Float)]
    /// True when the confidence is under the intent's threshold: a person should decide.
    public var abstained: Bool

    public static func == (lhs: IntentPrediction, rhs: IntentPrediction) -> Bool {
        lhs.intent == rhs.intent && lhs.confidence == rhs.confidence && lhs.abstained == rhs.abstained
            && lhs.ranked.map(\.intent) == rhs.ranked.map(\.intent) && lhs.ranked.map(\.confidence) == rhs.ranked.map(\.confidence)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(intent)
        hasher.combine(confidence)
        hasher.combine(abstained)
    }
}
