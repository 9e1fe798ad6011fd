import Foundation

/// Abuse and opt-out reports (RFC 5965 ARF, and the vendor loops without ARF structure): detection and the
/// recipients complained about, reported with reason `feedback`.
enum FeedbackReport {
    /// The Feedback-Type field name as ARF notices write it, without its first letter.
    static let feedbackTypeFields = [BytePattern("eedback-Type:"), BytePattern("eedback-type:")]
    /// The field Hotmail's JMRP complaints carry in the returned headers, lower-case.
    static let hmxmRecipientField = Array("x-hmxmroriginalrecipient:".utf8)

    /// True when the message is a feedback report: a message/feedback-report part or `report-type=feedback-report`
    /// (RFC 5965 §2), ARF fields pasted in the text, a Microsoft JMRP complaint, or a mail client's unsubscribe.
    static func isFeedback(_ report: ReportText) -> Bool {
        if !report.feedbackReports.isEmpty { return true }
        if report.contentType.parameters["report-type"]?.lowercased() == "feedback-report" { return true }
        if report.headers.first("X-Apple-Unsubscribe")?.lowercased().contains("true") == true { return true }
        if ASCIIFold.contains(report.returnedHeaders, hmxmRecipientField) { return true }
        guard report.noticeHasFeedbackTypeField else { return false }
        let notice = report.notice.lowercased()
        return notice.contains("feedback-type:") && (notice.contains("user-agent:") || notice.contains("version:"))
    }

    /// One `feedback` recipient per Original-Rcpt-To (RFC 5965 §3.2), else the complained-about recipient.
    static func parse(_ report: ReportText) -> BounceReport {
        var addresses: [String] = []
        for text in report.feedbackReports + [report.notice] {
            for line in text.split(separator: "\n") where line.lowercased().hasPrefix("original-rcpt-to:") {
                if let address = AddressScanner.first(String(line)) { addresses.append(address) }
            }
        }
        if addresses.isEmpty {
            for line in report.returnedHeaders.split(separator: "\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("x-hmxmroriginalrecipient:") || lower.hasPrefix("to:"),
                   let address = AddressScanner.first(String(line)) {
                    addresses.append(address)
                    break
                }
            }
        }
        if addresses.isEmpty { addresses = [""] }
        return BounceReport(recipients: addresses.map { BouncedRecipient(address: $0, reason: .feedback) },
                            originalMessageID: OriginalMessageID.find(in: report))
    }
}
