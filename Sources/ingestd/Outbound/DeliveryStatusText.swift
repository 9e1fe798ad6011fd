/// Words for enhanced mail system status codes (RFC 3463, `class.subject.detail`), so a bounced action's error
/// reads "5.1.1 mailbox unknown" rather than a bare code. Only the codes mail servers commonly give are named; any
/// other code falls back to its subject (RFC 3463 section 3), then to its class.
enum DeliveryStatusText {
    /// `subject.detail` -> words (RFC 3463 section 3 and the IANA registry of enhanced status codes).
    static let details: [String: String] = [
        "1.0": "address problem", "1.1": "mailbox unknown", "1.2": "domain unknown",
        "1.3": "bad address syntax", "1.4": "ambiguous address", "1.6": "mailbox has moved",
        "1.7": "sender address refused", "1.8": "sender domain refused", "1.10": "domain accepts no mail",
        "2.0": "mailbox problem", "2.1": "mailbox disabled", "2.2": "mailbox full",
        "2.3": "message too large for the mailbox", "2.4": "mailing list expansion problem",
        "3.0": "mail system problem", "3.1": "mail system full", "3.2": "system not accepting mail",
        "3.4": "message too large", "4.0": "network or routing problem", "4.1": "no answer from the host",
        "4.2": "connection dropped", "4.3": "directory server failure", "4.4": "unable to route",
        "4.6": "routing loop", "4.7": "delivery time expired", "5.0": "protocol problem",
        "5.3": "too many recipients", "6.0": "content problem", "6.3": "conversion not supported",
        "7.0": "refused by policy", "7.1": "delivery not authorized", "7.13": "account disabled",
        "7.23": "SPF check failed", "7.25": "no reverse DNS for the sender", "7.26": "authentication checks failed",
        "7.27": "domain accepts no mail",
    ]

    /// Subject digit -> words, for details not in the table.
    static let subjects: [String: String] = [
        "0": "other problem", "1": "address problem", "2": "mailbox problem", "3": "mail system problem",
        "4": "network or routing problem", "5": "protocol problem", "6": "content problem", "7": "policy or security problem",
    ]

    /// Words for `status` (e.g. `5.1.1` -> "mailbox unknown"), or nil when it is not a status code.
    static func words(_ status: String) -> String? {
        let parts = status.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, ["2", "4", "5"].contains(parts[0]),
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        if let words = details["\(parts[1]).\(parts[2])"] { return words }
        if let words = subjects[parts[1]] { return words }
        return parts[0] == "5" ? "permanent failure" : "temporary failure"
    }
}
