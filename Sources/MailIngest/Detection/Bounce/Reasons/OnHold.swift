extension ReasonRule {
    /// The receiving side holds the message for a later decision.
    static let onHold = ReasonRule(.onHold, [
        "on hold", "held for review", "quarantined", "pending review",
    ])
}
