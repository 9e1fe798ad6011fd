public import Foundation

/// The common header fields of a message, decoded (RFC 5322 §3.6, RFC 2047 words, tolerant parsers).
extension ParsedMessage {
    /// Subject with encoded words decoded and surrounding white space trimmed; nil when absent.
    public var subject: String? {
        headers.first("Subject").map { EncodedWords.decode($0).text.trimmingASCIIWhitespace() }
    }

    /// The first mailbox of From (RFC 5322 §3.6.2), or of Sender when From holds none.
    public var from: MailAddress? {
        addresses("From").first ?? addresses("Sender").first
    }

    /// Every mailbox of every To field, groups flattened.
    public var to: [MailAddress] { addresses("To") }
    /// Every mailbox of every Cc field.
    public var cc: [MailAddress] { addresses("Cc") }
    /// Every mailbox of every Reply-To field.
    public var replyTo: [MailAddress] { addresses("Reply-To") }

    /// The addresses of every Delivered-To field (added by the delivering MTA, one per hop), in order.
    public var deliveredTo: [String] {
        headers.all("Delivered-To").flatMap { value in
            let parsed = AddressParser.parse(value).map(\.address)
            let bare = value.trimmingASCIIWhitespace()
            return parsed.isEmpty ? (bare.isEmpty ? [] : [bare]) : parsed
        }
    }

    /// The Date field (RFC 5322 §3.6.1), or nil when absent or unreadable.
    public var date: Date? { headers.first("Date").flatMap(DateParser.parse) }

    /// The Message-ID (RFC 5322 §3.6.4) without brackets.
    public var messageID: String? { headers.first("Message-ID").flatMap { MessageIDs.parse($0).first } }
    /// The ids of In-Reply-To, without brackets, in order.
    public var inReplyTo: [String] { headers.all("In-Reply-To").flatMap(MessageIDs.parse) }
    /// The ids of References, without brackets, in order.
    public var references: [String] { headers.all("References").flatMap(MessageIDs.parse) }

    /// What decoding the common headers worked around, each located at its header name (lower-cased):
    /// `malformed_encoded_word@subject`, `malformed_address@from`, `malformed_date@date`, charset defects...
    public var headerDefects: [Defect] {
        var defects: [Defect] = []
        func add(_ codes: [Defect.Code], _ name: String) {
            for code in codes {
                let defect = Defect(code, at: name)
                if !defects.contains(defect) { defects.append(defect) }
            }
        }
        for value in headers.all("Subject") { add(EncodedWords.decode(value).defects, "subject") }
        for name in ["From", "Sender", "To", "Cc", "Reply-To"] {
            for value in headers.all(name) { add(AddressParser.parseWithDefects(value).defects, name.lowercased()) }
        }
        if let value = headers.first("Date"), DateParser.parse(value) == nil { add([.malformedDate], "date") }
        return defects
    }

    /// Every mailbox of every field with this name.
    private func addresses(_ name: String) -> [MailAddress] {
        headers.all(name).flatMap(AddressParser.parse)
    }
}
