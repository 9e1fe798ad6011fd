extension ReasonRule {
    /// The sending host has no (matching) reverse DNS name (RFC 1912 §2.1; RFC 8601 iprev).
    static let requirePTR = ReasonRule(.requirePTR, [
        "no ptr record", "ptr record", "no ptr", "reverse dns", "reverse lookup", "reverse hostname",
        "reverse dns lookup", "cannot find your hostname", "cannot resolve your hostname", "can't resolve your",
        "client host rejected: cannot find your", "your ip address has no", "no rdns", "rdns", "reverse-dns",
        "iprev", "does not have a reverse", "unresolvable address", "reverse address", "hostname lookup failed",
        "unable to lookup the name", "lookup of your ip", "ip name lookup failed", "ip address does not resolve",
        "client host name", "your ip has no reverse", "reverse path",
            "unverifyable sending ip", "unverifiable sending ip",
    ])
}
