/// Why a message bounced, in sisimai's public vocabulary (see DESIGN.md). Raw values are the names used in the
/// `inspect` contract.
public enum BounceReason: String, Sendable, Hashable, CaseIterable {
    case authFailure = "authfailure"
    case badReputation = "badreputation"
    case blocked
    case contentError = "contenterror"
    case delivered
    case exceedLimit = "exceedlimit"
    case expired
    case feedback
    case filtered
    case hasMoved = "hasmoved"
    case hostUnknown = "hostunknown"
    case mailboxFull = "mailboxfull"
    case mailerError = "mailererror"
    case mesgTooBig = "mesgtoobig"
    case networkError = "networkerror"
    case noRelaying = "norelaying"
    case notAccept = "notaccept"
    case notCompliantRFC = "notcompliantrfc"
    case onHold = "onhold"
    case policyViolation = "policyviolation"
    case rejected
    case requirePTR = "requireptr"
    case securityError = "securityerror"
    case spamDetected = "spamdetected"
    case speeding
    case suspend
    case syntaxError = "syntaxerror"
    case systemError = "systemerror"
    case systemFull = "systemfull"
    case toomanyConn = "toomanyconn"
    case undefined
    case userUnknown = "userunknown"
    case vacation
    case virusDetected = "virusdetected"

    /// sisimai's hard-bounce rule: the address or its domain is gone (unknown user or host, moved), or the domain
    /// refuses all mail with a permanent code. Everything else may succeed later or elsewhere.
    public func isHard(status: String, replyCode: String) -> Bool {
        switch self {
        case .userUnknown, .hostUnknown, .hasMoved: return true
        case .notAccept: return !(status.hasPrefix("4") || replyCode.hasPrefix("4"))
        default: return false
        }
    }
}
