extension ReasonRule {
    /// The destination accepts no mail at all (RFC 7505 null MX; RFC 3463 X.3.2).
    static let notAccept = ReasonRule(.notAccept, [
        "does not accept mail", "doesn't accept mail", "not accepting mail", "accepts no mail", "null mx",
        "no mail accepted", "mail receiving disabled", "domain does not receive", "not accept any mail",
        "does not accept e-mail", "host does not accept", "mail is not accepted",
            "no smtp service", "indicated no smtp", "couldn't find a mail exchanger", "no mx found", "no mx record found", "no mx record",
    ])
}
