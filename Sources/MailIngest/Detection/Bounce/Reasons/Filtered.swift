extension ReasonRule {
    /// The recipient (or its filter) refuses this message or this sender; the address itself exists.
    static let filtered = ReasonRule(.filtered, [
        "rejected by the domain filter", "domain filter", "message filtered", "mail filtered", "filtered",
        "refused by recipient", "rejected by recipient", "recipient has refused", "recipient refused",
        "user refuses", "refuses to accept", "has restricted", "not authorized to receive", "not allowed to receive",
        "does not accept mail from", "blocked by the recipient", "recipient has blocked", "user has blocked",
        "configured to reject", "rejected by filter", "mailbox filter", "content filter rejection",
        "reject by the recipient",
        "user reject", "recipient's mail server rejected", "has chosen not to receive",
        "sender is on the recipient", "blocklisted by the recipient", "blacklisted by the recipient",
        "message was rejected by the recipient", "does not receive",
            "recipient preferences", "email preferences of the person", "each of the following recipients was rejected by a remote mail server",
    ])
}
