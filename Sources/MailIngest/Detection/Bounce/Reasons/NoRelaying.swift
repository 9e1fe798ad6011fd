extension ReasonRule {
    /// The server will not relay for this domain (RFC 3463 X.7.1 with relaying words; RFC 5321 550/551).
    static let noRelaying = ReasonRule(.noRelaying, [
        "relay access denied", "relaying denied", "relaying not allowed", "relay not permitted",
        "relaying not permitted", "not permitted to relay", "unable to relay", "we do not relay", "relay denied",
        "relay prohibited", "relaying prohibited", "not allowed to relay", "cannot relay", "can't relay",
        "no relaying", "relaying mail to", "that domain isn't in my list of allowed rcpthosts",
        "not in my list of allowed rcpthosts", "relay not allowed", "open relay", "relaying is not allowed",
        "is not a relay", "not authorized to relay", "relay access", "mail relay denied",
            "not configured to relay",
    ])
}
