import Foundation

extension ReasonRule {
    /// The recipient's domain does not exist or has no mail host (RFC 3463 X.1.2, X.4.4).
    static let hostUnknown = ReasonRule(.hostUnknown, [
        "host unknown", "unknown host", "host not found", "host or domain name not found", "domain not found",
        "domain name not found", "no such domain", "domain does not exist", "domain doesn't exist",
        "domain is not found", "unknown domain", "name or service not known", "unrouteable mail domain",
        "unroutable mail domain", "recipient domain does not exist", "illegal host/domain name",
        "no mail exchanger", "mx lookup failed", 
        "domain must exist", "not a valid domain", "invalid domain", "unknown mail domain", "domain unknown",
        "unresolvable host", "unrouteable domain", "domain has no mx",
        "the domain name does not exist", "could not be resolved", "nxdomain", "no route for",
        "no valid mx", "unknown mx", "undeliverable to the domain",
            "domain is not reachable", "bad destination system address", "account or domain may not exist",
    ])
}

extension ReasonRule {
    /// "<host.name> does not exist": a domain (a dotted word without `@`) said not to exist.
    static let hostUnknownNamed = ReasonRule(.hostUnknown, [], requiring: [" does not exist"], predicate: { text in
        var rest = Substring(text)
        while let range = rest.range(of: " does not exist") {
            let word = rest[..<range.lowerBound].split(separator: " ").last ?? ""
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "<>[]()'\":"))
            if bare.contains("."), !bare.contains("@"), bare.first?.isLetter == true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    })
}
