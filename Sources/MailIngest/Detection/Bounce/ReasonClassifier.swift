/// Decides a bounced recipient's reason from its status code when the code is unambiguous, else from the server's
/// words, refined by the SMTP command that failed, then from the codes, then from the words of the whole notice.
///
/// The text rules are tried in ``order``: specific causes (moved, reverse DNS, SPF/DKIM, mailbox full, size)
/// before broad ones (unknown user, rejected sender, filtered, blocked), and the vaguest (expired, system,
/// network) last, so that "550 5.7.1 ... blocked using spamhaus" is `blocked` and not `rejected`.
enum ReasonClassifier {
    /// Text rules in the order they are tried.
    static let order: [ReasonRule] = [
        .hasMoved, .notCompliantRFC, .contentErrorHeaders, .requirePTR, .authFailure, .virusDetected, .mailboxFull,
        .exceedLimit, .mesgTooBig, .systemFull, .notAccept, .noRelaying, .toomanyConn, .speeding, .badReputation,
        .suspend, .mailerError, .rejected, .hostUnknown, .hostUnknownNamed, .userUnknown, .filtered,
        .spamDetectedLinks, .blockedLists, .spamDetected, .policyViolation, .blocked, .securityError, .syntaxError,
        .contentError, .onHold, .expired, .networkError, .systemError,
    ]

    /// Words of temporary failures, searched in the diagnostic and notice lines.
    static let notFoundTryAgain = BytePattern("not found, try again"), deferred = BytePattern("deferred")

    /// Vague rules, tried only after the status and reply codes said nothing.
    static let vague: [ReasonRule] = [.userUnknownVague, .rejectedVague, .expiredVague]

    /// The reason named by the words of `text` alone, or nil.
    static func reason(forText text: String, rules: [ReasonRule] = order) -> BounceReason? {
        let normalized = PhraseText(DiagnosticText.normalize(text))
        guard !normalized.bytes.isEmpty else { return nil }
        for rule in rules where rule.matches(normalized) { return rule.reason }
        return nil
    }

    /// What is known of one failed recipient.
    struct Evidence {
        /// The DSN's Diagnostic-Code (may be empty).
        var diagnostic: String
        /// The notice lines about this recipient (may be empty).
        var block: String
        var status: String
        var replyCode: String
        /// RFC 3464 Action, lower-cased, or "".
        var action: String
        /// The whole notice plus the subject, the last resort.
        var notice: String
    }

    /// The reason for one recipient.
    static func reason(_ evidence: Evidence) -> BounceReason {
        let action = evidence.action
        if action == "delivered" || action == "relayed" || action == "expanded" { return .delivered }
        if let reason = StatusCode.definitiveReason(for: evidence.status) { return reason }
        let own = evidence.diagnostic + "\n" + evidence.block
        // Collapsed once: the command search reads the same collapsed text.
        let collapsed = DiagnosticText.collapse(own)
        let lower = collapsed.lowercased()
        // ASCII text is searched as bytes: each byte is a character there (but CR LF, which no needle holds).
        let asciiLower = CharacterPrefix.isASCII(lower)
        func has(_ pattern: BytePattern) -> Bool {
            asciiLower ? pattern.occurs(in: lower) : lower.contains(String(decoding: pattern.bytes, as: UTF8.self))
        }
        let temporary = evidence.status.hasPrefix("4") || evidence.replyCode.hasPrefix("4") || action == "delayed"
            || has(notFoundTryAgain) || has(deferred)
        let command = SMTPCommand.find(in: own, collapsed: collapsed)
        // A "user unknown" under a security/policy code (X.7.x, in the DSN or the server's reply) is a filter.
        let statuses = [evidence.status, StatusCode.first(in: evidence.diagnostic) ?? ""]
        // (553 is RFC 5321's "mailbox name not allowed": about the address itself, so it stays unknown.)
        let policyStatus = statuses.contains { $0.dropFirst().hasPrefix(".7.") } && evidence.replyCode != "553"
        func refined(_ reason: BounceReason) -> BounceReason {
            if reason == .userUnknown && policyStatus { return .filtered }
            return refine(reason, command: command, temporary: temporary, status: evidence.status)
        }
        if let text = reason(forText: evidence.diagnostic) ?? reason(forText: evidence.block) { return refined(text) }
        if action == "delayed" { return .expired }
        if command == .mailFrom { return .rejected }
        if command == .connect || command == .helo { return .blocked }
        if let reason = StatusCode.reason(for: evidence.status) { return refined(reason) }
        if let reason = StatusCode.reason(forReplyCode: evidence.replyCode) { return reason }
        if let reason = reason(forText: own, rules: vague) { return reason }
        if let reason = reason(forText: evidence.notice) { return refined(reason) }
        return .onHold
    }

    /// Adjusts a text or code reason to the failed command and permanence: an unknown user refused after DATA is
    /// a filter's answer (unless the server gave the precise X.1.1 code); a host lookup that failed temporarily
    /// is a network error.
    static func refine(_ reason: BounceReason, command: SMTPCommand?, temporary: Bool, status: String) -> BounceReason {
        switch reason {
        case .userUnknown where command == .data && (status.isEmpty || status.hasSuffix(".0.0")
                                                      || status.hasSuffix(".2.0") || status.dropFirst().hasPrefix(".7.")):
            return .filtered
        case .userUnknown where command == .mailFrom, .hostUnknown where command == .mailFrom:
            return .rejected
        case .hostUnknown where temporary: return .networkError
        default: return reason
        }
    }
}
