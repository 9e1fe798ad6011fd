extension ReasonRule {
    /// The content was judged to be spam.
    static let spamDetected = ReasonRule(.spamDetected, [
        "spam", "junk mail", "junk e-mail", "unsolicited", "bulk mail", "x-spam", "spamassassin",
        "content rejected", "message content rejected", "classified as junk", "looks like spam",
        "suspicious content", "phishing", "this message has been blocked", "scored too high",
            "uribl", "blacklisted url", "url in message", "mail rejete", "mail rejected. ofr",
    ])
}

extension ReasonRule {
    /// Spam verdicts on links in the content, tried before blocklist rules ("Blacklisted URL in message").
    static let spamDetectedLinks = ReasonRule(.spamDetected, ["uribl", "surbl", "blacklisted url", "url in message"])
}
