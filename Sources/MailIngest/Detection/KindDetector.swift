public import Foundation

/// What detection found in one message: its kind and, for bounces and auto-replies, the details.
public struct MessageDetection: Sendable, Hashable {
    /// `bounce`, `feedback_report`, `auto_reply` or `reply`.
    public var kind: MessageAnalysis.Kind
    /// The bounce (or feedback report) details; nil for other kinds.
    public var bounce: BounceReport?
    /// The auto-reply details; nil for other kinds.
    public var autoReply: AutoReplyInfo?

    public init(kind: MessageAnalysis.Kind, bounce: BounceReport? = nil, autoReply: AutoReplyInfo? = nil) {
        self.kind = kind
        self.bounce = bounce
        self.autoReply = autoReply
    }
}

/// Decides a parsed message's kind, in this order: bounce (RFC 3464 and vendor notices; a third of real DSNs also
/// carry `Auto-Submitted`, so bounces come first), feedback report (RFC 5965), auto-reply (RFC 3834 and the
/// wording of out-of-office notices), else reply. Pure and `Sendable`.
public struct KindDetector: Sendable {
    public init() {}

    /// Detection over a parsed message. The returned copy is split off the notice only when a test reads where it
    /// starts (see ``ReportText/init(message:deferringSplit:)``): a plain reply is searched for its marker only in
    /// the lines the auto-reply test reads.
    public func detect(_ message: ParsedMessage) -> MessageDetection {
        var report = ReportText(message: message, deferringSplit: true)
        // Not split yet means the whole text holds no SES key, so neither does the notice.
        if report.isSplit, let ses = SESNotification.parse(report.notice) {
            return MessageDetection(kind: ses.kind, bounce: ses.report)
        }
        if FeedbackReport.isFeedback(report) {
            report.split()
            return MessageDetection(kind: .feedbackReport, bounce: FeedbackReport.parse(report))
        }
        if BounceSignals.isBounce(&report) {
            report.split()
            return MessageDetection(kind: .bounce, bounce: BounceParser.parse(report))
        }
        // The subject ReportText decoded (absent is "", which the detector reads as nil); the Date field is parsed
        // only for a message that is an auto-reply, to resolve its return date.
        if let info = AutoReplyDetector.detect(headers: message.headers, subject: report.subject,
                                               ownText: report.ownText(), messageDate: { message.date }) {
            return MessageDetection(kind: .autoReply, autoReply: info)
        }
        return MessageDetection(kind: .reply)
    }

    /// Detection over a bare body with no headers (`inspect --format text`): only the wording of auto-replies
    /// can tell, relative to `date` when given.
    public func detect(body: String, date: Date? = nil) -> MessageDetection {
        if let info = AutoReplyDetector.detect(headers: HeaderFields(), subject: nil, body: body, date: date) {
            return MessageDetection(kind: .autoReply, autoReply: info)
        }
        return MessageDetection(kind: .reply)
    }
}
