public import Foundation

/// An email to send, before MIME encoding: addresses, subject, bodies and attachments as plain values.
/// `MIMEBuilder` turns it into RFC 5322 / MIME bytes.
public struct OutgoingMessage: Sendable, Hashable {
    /// Author (RFC 5322 section 3.6.2).
    public var from: MailAddress
    /// Primary recipients.
    public var to: [MailAddress]
    /// Carbon copies (the capture address goes here when configured so).
    public var cc: [MailAddress]
    /// Where replies go (RFC 5322 section 3.6.2; the capture address by default).
    public var replyTo: [MailAddress]
    /// Subject (any Unicode; encoded words are written where needed, RFC 2047).
    public var subject: String
    /// Origination date.
    public var date: Date
    /// Message-ID without angle brackets (RFC 5322 section 3.6.4), e.g. `action-123.x7f3@mail.example`.
    public var messageID: String
    /// Plain-text body (always present; the alternative to the HTML body).
    public var text: String
    /// HTML body, nil for text only (RFC 2046 section 5.1.4 multipart/alternative when present).
    public var html: String?
    /// Files attached (invoice PDFs).
    public var attachments: [Attachment]
    /// Further header fields, e.g. `Auto-Submitted` (names are ASCII; values are written as given, folded).
    public var extraHeaders: [HeaderField]

    /// Makes a message.
    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: [MailAddress] = [],
                subject: String, date: Date, messageID: String, text: String, html: String? = nil,
                attachments: [Attachment] = [], extraHeaders: [HeaderField] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.attachments = attachments
        self.extraHeaders = extraHeaders
    }

    /// A file attached to a message (RFC 2183 `Content-Disposition: attachment`).
    public struct Attachment: Sendable, Hashable {
        /// File name shown to the recipient (any Unicode; RFC 2231 encoded where needed).
        public var filename: String
        /// MIME type, e.g. `application/pdf`.
        public var mimeType: String
        /// Contents.
        public var data: Data

        /// Makes an attachment.
        public init(filename: String, mimeType: String, data: Data) {
            self.filename = filename
            self.mimeType = mimeType
            self.data = data
        }
    }
}

/// Why a message cannot be built.
public struct MIMEBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Code: String, Sendable, Hashable {
        /// An address is not a plain ASCII `local@domain` (SMTPUTF8, RFC 6531, is not used).
        case invalidAddress = "invalid_address"
        /// The Message-ID is not `left@right` in printable ASCII without brackets or spaces.
        case invalidMessageID = "invalid_message_id"
        /// No recipient.
        case noRecipient = "no_recipient"
        /// A header name is not printable ASCII without colon.
        case invalidHeaderName = "invalid_header_name"
    }

    /// Code.
    public var code: Code
    /// Which field (never its value: addresses are customer data).
    public var field: String

    /// Makes an error.
    public init(_ code: Code, field: String) {
        self.code = code
        self.field = field
    }

    public var description: String { "mime build \(code.rawValue) in \(field)" }
}
