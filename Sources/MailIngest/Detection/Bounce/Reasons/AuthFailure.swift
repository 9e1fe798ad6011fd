extension ReasonRule {
    /// The sender failed SPF, DKIM or DMARC at the destination (RFC 7208, 6376, 7489; RFC 7372 X.7.23 to X.7.26).
    static let authFailure = ReasonRule(.authFailure, [
        "spf check", "spf fail", "spf: ", "spf record", "sender policy framework", "spf validation",
        "failed spf", "spf-fail", "spf policy", "not designated", "does not designate", "dkim", "dmarc",
        "domain-based message authentication", "unauthenticated email", "5.7.26", "5.7.23", "5.7.7 ",
        "authentication checks", "email authentication", "message failed authentication",
        "sender authentication failed", "sender domain authentication",
    ])
}
