extension ReasonRule {
    /// The address moved and the server names the new one (RFC 3463 X.1.6; RFC 5321 551).
    static let hasMoved = ReasonRule(.hasMoved, [
        "has been replaced by", "user has moved", "mailbox has moved", "address has moved", "address has changed",
        "has moved to", "no longer at this address", "user not local; please try", "moved permanently",
    ])
}
