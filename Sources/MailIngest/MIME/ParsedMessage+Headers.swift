public import Foundation

// Placeholder until the header decoding lands: raw values only.
extension ParsedMessage {
    /// The decoded Subject.
    public var subject: String? { headers.first("Subject") }
    /// The first From mailbox.
    public var from: MailAddress? { headers.first("From").map { MailAddress(address: $0) } }
    /// The Date header.
    public var date: Date? { nil }
    /// The Message-ID without angle brackets.
    public var messageID: String? { headers.first("Message-ID") }
}
