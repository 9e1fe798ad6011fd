extension ReasonRule {
    /// The message carries a virus or malware.
    static let virusDetected = ReasonRule(.virusDetected, [
        "virus", "infected", "malware", "trojan", "worm found", "malicious",
    ])
}
