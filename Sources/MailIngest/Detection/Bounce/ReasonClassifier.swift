import Foundation

/// Decides a bounced recipient's reason from the server's words first, then from the status and reply codes.
///
/// The text rules are tried in ``order``: specific causes (moved, not RFC compliant, reverse DNS, SPF/DKIM,
/// mailbox full, size) before broad ones (unknown user, rejected sender, filtered, blocked), and the vaguest
/// (system, network, expired) last, so that "550 5.7.1 ... blocked using spamhaus" is `blocked` and not `rejected`.
enum ReasonClassifier {
    /// Text rules in the order they are tried.
    static let order: [ReasonRule] = [
        .hasMoved, .notCompliantRFC, .requirePTR, .authFailure, .virusDetected, .mailboxFull, .exceedLimit,
        .mesgTooBig, .systemFull, .notAccept, .noRelaying, .toomanyConn, .speeding, .badReputation, .suspend,
        .rejected, .hostUnknown, .userUnknown, .filtered, .spamDetected, .blocked, .policyViolation,
        .securityError, .mailerError, .syntaxError, .contentError, .systemError, .networkError, .expired,
    ]

    /// The reason named by the words of `text` alone, or nil.
    static func reason(forText text: String) -> BounceReason? {
        let normalized = DiagnosticText.normalize(text)
        guard !normalized.isEmpty else { return nil }
        for rule in order where rule.match(normalized) != nil { return rule.reason }
        return nil
    }

    /// The reason for one recipient: its own diagnostic words, then its status code, then its reply code, then the
    /// words of the whole notice; `expired` for a delivery still being retried (RFC 3464 `delayed`), else
    /// `undefined`.
    static func reason(diagnostic: String, status: String, replyCode: String, action: String,
                       notice: String) -> BounceReason {
        if action == "delivered" || action == "relayed" || action == "expanded" { return .delivered }
        if let reason = reason(forText: diagnostic) { return reason }
        if let reason = StatusCode.reason(for: status) { return reason }
        if let reason = StatusCode.reason(forReplyCode: replyCode) { return reason }
        if let reason = reason(forText: notice) { return reason }
        if action == "delayed" || status.hasPrefix("4") { return .expired }
        return .undefined
    }
}
