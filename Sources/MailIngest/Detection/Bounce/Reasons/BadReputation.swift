extension ReasonRule {
    /// The sending IP or domain has a poor reputation with the receiver.
    static let badReputation = ReasonRule(.badReputation, [
        "poor reputation", "bad reputation", "low reputation", "ip reputation", "sender reputation",
        "domain reputation", "reputation of", "unexpected volume or user complaints", "due to user complaints",
        "4.7.650", "has a poor", "reputation",
            "rate limited due to ip reputation",
    ])
}
