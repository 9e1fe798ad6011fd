extension ReasonRule {
    /// The destination could not be reached: DNS failure, refused or timed-out connection (RFC 3463 X.4.x).
    static let networkError = ReasonRule(.networkError, [
        "could not connect", "couldn't connect", "cannot connect", 
        "connection refused", "network is unreachable", "network unreachable", "no route to host",
        "host is unreachable", "unable to connect", "connect to", "temporary name resolution",
        "dns lookup failure", "dns error", "dns failure", "name server", "servfail", "lookup failure",
        "connection reset", "connection dropped", "host not responding", "remote host did not respond",
        "no answer", "could not be contacted", "unreachable",
            "mail loop", "loop detected", "loops back", "too many hops", "hop count exceeded", "routing loop", "message loop", "delivery loop", "lost connection", "host name lookup failure", "dns lookup failed", "host not found, try again", "name server:", 
    ])
}
