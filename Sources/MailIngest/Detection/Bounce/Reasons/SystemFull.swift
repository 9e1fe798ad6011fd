extension ReasonRule {
    /// The receiving system itself is out of storage (RFC 3463 X.3.1; RFC 5321 452).
    static let systemFull = ReasonRule(.systemFull, [
        "insufficient system storage", "system storage", "out of disk space", "no space left on device",
        "mail system full", "system full", "disk full", "filesystem full", "insufficient system resources",
        "disk is full",
    ])
}
