import MailIngest

/// The `bounce` and `auto_reply` objects of the inspect row (DESIGN.md contract).
enum DetectionJSON {
    /// `{"recipients": [...], "original_message_id": ...}` or null.
    static func bounce(_ report: BounceReport?) -> JSONValue {
        guard let report else { return .null }
        return .object([
            ("recipients", .array(report.recipients.map { recipient in
                .object([
                    ("address", .string(recipient.address)),
                    ("status", .string(recipient.status)),
                    ("reply_code", .string(recipient.replyCode)),
                    ("reason", .string(recipient.reason.rawValue)),
                    ("hard", .bool(recipient.hard)),
                    ("diagnostic", .string(recipient.diagnostic)),
                ])
            })),
            ("original_message_id", .string(report.originalMessageID)),
        ])
    }

    /// `{"return_date": ..., "redirect_contact": ...}` or null.
    static func autoReply(_ info: AutoReplyInfo?) -> JSONValue {
        guard let info else { return .null }
        return .object([("return_date", .string(info.returnDate)), ("redirect_contact", .string(info.redirectContact))])
    }
}
