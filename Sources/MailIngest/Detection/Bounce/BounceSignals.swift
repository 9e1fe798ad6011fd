import Foundation

/// Whether a message is a bounce: a delivery-status part (RFC 3464), an `X-Failed-Recipients` field, or a
/// delivery-system sender together with the subject or opening words of a non-delivery notice.
enum BounceSignals {
    /// Subject words of non-delivery notices, lower-cased.
    static let subjects: [String] = [
        "undeliver", "undelivered", "delivery status notification", "failure notice", "returned mail",
        "mail delivery failed", "delivery failure", "delivery failed", "non remis", "unzustellbar",
        "mail system error", "delivery notification", "could not be delivered", "nondeliverable",
        "non-deliverable", "non deliverable", "delivery problem", "could not send message", "delayed mail",
        "message not delivered", "returned to sender", "mail delivery", "delivery has failed", "not delivered",
        "delivery error", "returned message", "mail could not be delivered", "message delivery",
        "rejected:", "failed delivery", "bounce", "delivery report", "notification d'état de la distribution",
        "non distribuable", "nicht zustellbar", "no se puede entregar", "non recapitabile", "onbestelbaar",
        "não entregue", "niedostarczalna", "mail failure", "error sending", "warning:", "dsn", "nondelivery",
        "no entregado", "message status", "delivery status", "mail error", "mail transaction failed",
        "sending failed", "unable to deliver", "unknown user", "user unknown", "failed mail", "mail returned",
        "permanent failure", "error message", "mail failed", "returning to sender", "failure delivery", "配信", "未達", "エラー", "退信", "投递失败", "系统退信",
    ]

    /// Words in the opening of non-delivery notices, lower-cased.
    static let openings: [String] = [
        "this is the mail system at", "i'm afraid i wasn't able to deliver", "i wasn't able to deliver",
        "created automatically by mail delivery software", "delivery to the following recipient",
        "could not be delivered to one or more", "following address(es) failed", "transcript of session follows",
        "your message could not be delivered", "delivery has failed to these recipients", "couldn't be delivered",
        "permanent fatal errors", "unable to deliver", "undeliverable", "was not delivered", "delivery failed",
        "could not be delivered", "delivery to the following recipients failed", "message was undeliverable",
        "the following recipient", "did not reach the following", "non-delivery", "was rejected by",
        "permanent error", "temporary error", "has not been delivered", "delivery attempts",
        "retry timeout exceeded", "message could not be delivered", "failed to deliver", "returned to you",
        "the following message to", "error occurred while trying to deliver", "delivery status notification",
        "recipient address rejected", "user unknown", "mailbox unavailable", "delivery notification",
        "was not delivered to", "hasn't been delivered", "failed addresses", "no valid recipients",
        "requested action not taken", "invalid user address", "unable to deliver message", "could not deliver", "has been delayed", "not been delivered",
    ]

    /// ``senders`` compiled.
    static let senderList = PhraseIndex(senders)
    /// ``subjects`` compiled.
    static let subjectList = PhraseIndex(subjects)
    /// ``openings`` compiled.
    static let openingList = PhraseIndex(openings)

    /// Names and local parts of delivery systems, lower-cased.
    static let senders: [String] = [
        "mailer-daemon", "mailer daemon", "postmaster", "mail delivery", "mail administrator", "mailerdaemon",
        "mail-daemon", "delivery subsystem", "microsoftexchange", "mail system", "mailadmin", "poostmaster",
        "internet mail service", "post_master", "bounce", "mdaemon", "daemon@", "root@", "returns@", "mail router",
    ]

    /// True when a Return-Path value is the null path (`<>`, RFC 5321 §4.5.5) or names a mailer-daemon.
    /// ASCII values (nearly all) are read as bytes: whitespace there is space and tab, and lower-casing is ASCII's.
    static func isDaemonReturnPath(_ value: String) -> Bool {
        var value = value
        let ascii: Bool? = value.withUTF8 { bytes in
            guard CharacterPrefix.isASCII(bytes) else { return nil }
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if end - start == 2, bytes[start] == UInt8(ascii: "<"), bytes[start + 1] == UInt8(ascii: ">") { return true }
            return nil
        }
        if let ascii { return ascii }
        if CharacterPrefix.isASCII(value) { return ASCIIFold.contains(value, mailerDaemon) }
        let returnPath = value.trimmingCharacters(in: .whitespaces)
        return returnPath == "<>" || returnPath.lowercased().contains("mailer-daemon")
    }

    /// "mailer-daemon" as bytes.
    private static let mailerDaemon = Array("mailer-daemon".utf8)

    /// True when the message reads as a bounce. The notice's wording is read from `report` split
    /// (``ReportText/split()``), so a report whose split was deferred is split here when it comes to that.
    static func isBounce(_ report: inout ReportText) -> Bool {
        if !report.deliveryStatus.isEmpty { return true }
        let headers = report.headers
        if report.contentType.mimeType == "multipart/report",
           report.contentType.parameters["report-type"]?.lowercased() == "delivery-status" { return true }
        if headers.contains("X-Failed-Recipients") { return true }
        let from = PhraseText(headers.first("From") ?? "", pairs: false)
        let subject = PhraseText(report.subject, pairs: false)
        let daemon = senderList.matchesAny(from) || isDaemonReturnPath(headers.first("Return-Path") ?? "")
        let subjectHit = subjectList.matchesAny(subject)
        guard daemon || subjectHit else { return false }
        report.split()
        let openingHit = openingList.matchesAny(PhraseText(CharacterPrefix.string(report.notice, characters: 3000),
                                                           pairs: false))
        return (daemon && (subjectHit || openingHit)) || (subjectHit && openingHit)
    }
}
