extension ReasonRule {
    /// The message breaks RFC 5322 (duplicate or missing required fields) and the server refuses it.
    static let notCompliantRFC = ReasonRule(.notCompliantRFC, [
        "not rfc 5322 compliant", "not rfc5322 compliant", "not rfc 2822 compliant", "not rfc compliant",
        "rfc 5322 compliant", "multiple from", "multiple addresses in from",
        "message is not rfc", "does not comply with rfc",
    ])
}
