extension ReasonRule {
    /// The message passes a limit other than size: header size, line count, recipients (RFC 3463 X.2.3).
    static let exceedLimit = ReasonRule(.exceedLimit, [
        "message header size exceeds", "header size exceeds", "too many header", "message exceeds local limit",
        "exceeds the limit", "exceeded the limit of", "line too long",
    ])
}
