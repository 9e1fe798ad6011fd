extension ReasonRule {
    /// The message's form is refused: headers, encoding, MIME structure (RFC 3463 X.6.x).
    static let contentError = ReasonRule(.contentError, [
        "message header", "invalid header", "illegal header", "header syntax", "bad header",
        "improper use of 8-bit", "8-bit data", "8bit data", "mime error", "invalid mime", "malformed",
        "encoding error", "content error",
        "conversion failed", "cannot convert", 
            "duplicate header", "media error", "headers too large",
    ])
}

extension ReasonRule {
    /// Header faults named precisely, tried before authentication rules ("Duplicate header 'DKIM-Signature'").
    static let contentErrorHeaders = ReasonRule(.contentError, ["duplicate header"])
}
