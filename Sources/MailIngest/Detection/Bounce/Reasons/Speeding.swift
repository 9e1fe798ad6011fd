extension ReasonRule {
    /// The sender sends too fast; the receiver rate-limits it.
    static let speeding = ReasonRule(.speeding, [
        "please slow down", "sending too fast", "throttled",
        "throttling", "too many messages", "you have exceeded the allowed rate", "sending rate",
            "frequency limited",
    ])
}
