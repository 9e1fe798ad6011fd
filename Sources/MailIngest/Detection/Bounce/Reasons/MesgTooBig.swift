extension ReasonRule {
    /// The message is larger than the destination accepts (RFC 3463 X.2.3, X.3.4; RFC 1870 SIZE).
    static let mesgTooBig = ReasonRule(.mesgTooBig, [
        "message too large", "message too big", "message is too large", "message is too big", "mail too large",
        "message size exceeds", "message size limit", "exceeds size limit", "exceeds the size limit",
        "size limit exceeded", "message length exceeds", "message exceeds", "maximum message size",
        "maximum allowed message size", "message file too big", "size exceeds", "exceeded the maximum size",
        "too big for", "mail size limit", "message size is too large", "larger than the maximum",
        "exceeds the maximum allowed", "size of the message", "message larger than",
    ])
}
