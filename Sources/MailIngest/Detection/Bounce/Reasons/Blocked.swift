extension ReasonRule {
    /// The sending IP or host is refused: blocklists, unknown client, policy on the connection (RFC 3463 X.7.1).
    static let blocked = ReasonRule(.blocked, [
        "blacklisted", "blacklist", "blocklisted", "blocklist", "block list", "black list", "dnsbl", "rbl",
        "spamhaus", "spamcop", "sorbs", "barracudacentral", "listed in", "listed on", "listed at",
        "client host rejected", "connection refused by", "connection rejected", "banned",
        "blocked using", "has been blocked", "is blocked", "ip blocked", "blocked ip", "your ip", 
        "ip address", "your network", "not allowed to send mail", "rejected because", "host refused",
        "connections not accepted", "connection not accepted", "administrative prohibition", 
        "poor reputation", "refused to talk", "temporarily rejected", "access refused",
        "bl.", "mail server ip", "sending mta", "blocked", "you are not allowed", "not accepting connections",
            "please use the smtp server of your isp", "weren't sent", "too many unwanted messages", "aup#cdrbl",
            "banned sending ip",
            "remote protocol error",
    ])
}

extension ReasonRule {
    /// Blocklists named outright, tried before the spam rule ("spamhaus" is not spam content).
    static let blockedLists = ReasonRule(.blocked, [
        "spamhaus", "spamcop", "dnsbl", "blocklist", "block list", "banned sending ip", "sorbs", "barracudacentral",
    ])
}
