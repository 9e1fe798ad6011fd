extension ReasonRule {
    /// Too many connections or recipients at once from the sender.
    static let toomanyConn = ReasonRule(.toomanyConn, [
        "too many connections", "too many simultaneous connections", "too many concurrent", "connection limit",
        "maximum number of connections", "too many sessions", "too many smtp sessions", "connection rate limit",
        "too many open connections", "exceeded the maximum number of connections", "too many recipients",
        "too much load", "exceeded the limit on the number of connections", "concurrent connections",
            "ip frequency limited",
    ])
}
