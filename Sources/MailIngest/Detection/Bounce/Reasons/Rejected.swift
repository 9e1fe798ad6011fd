extension ReasonRule {
    /// The envelope sender is refused: unknown, unverifiable or not allowed (RFC 3463 X.1.7, X.1.8).
    static let rejected = ReasonRule(.rejected, [
        "sender rejected", "sender address rejected", "sender verify failed", "sender verification",
        "sender domain must exist", "sender domain does not exist", "domain of sender address",
        "sender address does not exist", "invalid sender", "bad sender", "sender is not allowed",
        "sender not allowed", "sender denied", "mail from rejected", "mail from: rejected", "unknown sender",
        "sender unknown", "sender address is invalid", "sender not permitted", "address verification failed",
        "envelope sender", "sender email address rejected", "not accepted here",
        "your domain has no dns", "domain not found for sender", "sender is blocked", "sender blocked",
        "sender domain", "rejected: not accepted", "refused mail from", "blacklisted sender",
        "sender is not authorized",
            "sender was rejected", "purported responsible address", "provide a valid from", "not a member of this mailing list", "are not member",
            "send mail as", "groups.google.com", "permission to post",
            "address that has been blacklisted",
    ])
}

extension ReasonRule {
    /// Refusals too vague to name a cause ("Access denied"), tried after the status code: the sender is refused.
    static let rejectedVague = ReasonRule(.rejected, ["access denied"])
}
