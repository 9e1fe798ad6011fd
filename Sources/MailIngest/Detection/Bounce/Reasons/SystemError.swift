extension ReasonRule {
    /// The receiving system failed (configuration, internal error, loop) rather than the address.
    static let systemError = ReasonRule(.systemError, [
        "system error", "internal error", "internal server error", "local error", "server error",
        "configuration error", "server configuration", "mail system error", "system config error",
        "temporary local problem", "local problem", 
        
        "system not accepting", "unknown mail transport", "error in processing",
        "timeout waiting for", "i/o error", "database error", "system problem",
            "could not load", "service currently unavailable",
    ])
}
