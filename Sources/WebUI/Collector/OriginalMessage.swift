public import Foundation

/// A stored message as the "original message" view shows it: its header fields, its text (sanitised: plain text,
/// or HTML turned into text; never markup) and its attachments. Customer data: rendered escaped, never logged.
public struct OriginalMessage: Sendable, Hashable {
    /// One attachment.
    public struct Attachment: Sendable, Hashable {
        /// The file name (decoded), or a made-up one.
        public var filename: String
        /// The declared media type (shown only; downloads are always `application/octet-stream`).
        public var contentType: String
        /// The decoded bytes.
        public var data: Data

        /// Makes an attachment.
        public init(filename: String, contentType: String, data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    /// Header fields in order, decoded (RFC 2047).
    public var headers: [(name: String, value: String)]
    /// The text the customer's client showed.
    public var text: String
    /// Attachments in part order.
    public var attachments: [Attachment]

    /// Makes a message view.
    public init(headers: [(name: String, value: String)], text: String, attachments: [Attachment]) {
        self.headers = headers
        self.text = text
        self.attachments = attachments
    }

    public static func == (lhs: OriginalMessage, rhs: OriginalMessage) -> Bool {
        lhs.headers.map { [$0.name, $0.value] } == rhs.headers.map { [$0.name, $0.value] }
            && lhs.text == rhs.text && lhs.attachments == rhs.attachments
    }

    public func hash(into hasher: inout Hasher) {
        for header in headers { hasher.combine(header.name); hasher.combine(header.value) }
        hasher.combine(text)
        hasher.combine(attachments)
    }
}

/// Reads a raw message into an ``OriginalMessage``. The daemon gives the web UI one built on MailIngest (MIME,
/// charsets, HTML to text); without it ``PlainOriginalMessageReader`` shows the header block and the raw body.
public protocol OriginalMessageReader: Sendable {
    /// The view of `raw` (RFC 5322 bytes).
    func read(_ raw: Data) -> OriginalMessage
}

/// The fallback reader: unfolded header fields (RFC 5322 section 2.2.3) and the body as text, no MIME decoding.
public struct PlainOriginalMessageReader: OriginalMessageReader {
    /// Makes the reader.
    public init() {}

    public func read(_ raw: Data) -> OriginalMessage {
        let text = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let split = text.range(of: "\n\n")
        let head = split.map { String(text[..<$0.lowerBound]) } ?? text
        let body = split.map { String(text[$0.upperBound...]) } ?? ""
        var headers: [(name: String, value: String)] = []
        for line in head.components(separatedBy: "\n") {
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return OriginalMessage(headers: headers, text: body, attachments: [])
    }
}
