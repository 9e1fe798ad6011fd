public import Foundation

/// Builds RFC 5322 / MIME bytes (RFC 2045-2049) from an ``OutgoingMessage``: UTF-8 text in quoted-printable,
/// `multipart/alternative` (text first, HTML last, RFC 2046 section 5.1.4) when there is HTML, `multipart/mixed` with
/// base64 attachments (RFC 2183 dispositions, RFC 2231 file names) when there are files. Lines end in CRLF and never
/// pass 998 characters (RFC 5322 section 2.1.1). Pure: the boundary comes from `boundarySeed`, so equal inputs give
/// equal bytes.
public struct MIMEBuilder: Sendable {
    /// Zone of the Date header, seconds east of UTC.
    public var secondsFromGMT: Int

    /// A builder writing dates in the given zone (UTC by default).
    public init(secondsFromGMT: Int = 0) {
        self.secondsFromGMT = secondsFromGMT
    }

    /// The message's bytes, ready for SMTP DATA (dot-stuffing is the transport's job). Throws for an invalid address,
    /// Message-ID or header name.
    public func build(_ message: OutgoingMessage) throws -> Data {
        try validate(message)
        var header: [String] = []
        header.append("Date: " + RFC5322Date.format(message.date, secondsFromGMT: secondsFromGMT))
        header.append(HeaderEncoder.addressList("From", [message.from]))
        header.append(HeaderEncoder.addressList("To", message.to))
        if !message.cc.isEmpty { header.append(HeaderEncoder.addressList("Cc", message.cc)) }
        if !message.replyTo.isEmpty { header.append(HeaderEncoder.addressList("Reply-To", message.replyTo)) }
        header.append(HeaderEncoder.unstructured("Subject", message.subject))
        header.append("Message-ID: <\(message.messageID)>")
        for field in message.extraHeaders {
            header.append(HeaderEncoder.unstructured(field.name, field.rawValue))
        }
        header.append("MIME-Version: 1.0")

        let seed = Self.seed(message.messageID)
        var body: [UInt8] = []
        let alternative = message.html.map { html in
            multipart("alternative", boundary: "=_alt_\(seed)", parts: [textPart(message.text, subtype: "plain"),
                                                                       textPart(html, subtype: "html")])
        } ?? textPart(message.text, subtype: "plain")
        let top: Part
        if message.attachments.isEmpty {
            top = alternative
        } else {
            top = multipart("mixed", boundary: "=_mix_\(seed)",
                            parts: [alternative] + message.attachments.map(attachmentPart))
        }
        header += top.headers
        body = top.body
        var out = Array(header.joined(separator: "\r\n").utf8)
        out += [13, 10, 13, 10]
        out += body
        return Data(out)
    }

    /// One MIME entity: its content header lines and its body bytes (CRLF lines).
    struct Part {
        var headers: [String]
        var body: [UInt8]
    }

    private func textPart(_ text: String, subtype: String) -> Part {
        Part(headers: ["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
             body: QuotedPrintableEncoder.encode(text))
    }

    private func attachmentPart(_ attachment: OutgoingMessage.Attachment) -> Part {
        let type = attachment.mimeType.contains("/") && HeaderEncoder.isPlainASCII(attachment.mimeType)
            ? attachment.mimeType : "application/octet-stream"
        let name = ParameterEncoder.encode("name", attachment.filename)
        let filename = ParameterEncoder.encode("filename", attachment.filename)
        return Part(headers: [(["Content-Type: \(type)"] + name).joined(separator: ";\r\n "),
                              "Content-Transfer-Encoding: base64",
                              (["Content-Disposition: attachment"] + filename).joined(separator: ";\r\n ")],
                    body: Base64Encoder.lines(Array(attachment.data)))
    }

    private func multipart(_ subtype: String, boundary: String, parts: [Part]) -> Part {
        // A boundary starting with `=_` never occurs in quoted-printable or base64 output.
        var body: [UInt8] = []
        for part in parts {
            body += Array("--\(boundary)\r\n".utf8)
            body += Array(part.headers.joined(separator: "\r\n").utf8)
            body += [13, 10, 13, 10]
            body += part.body
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return Part(headers: ["Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\""], body: body)
    }

    private func validate(_ message: OutgoingMessage) throws {
        guard !message.to.isEmpty else { throw MIMEBuildError(.noRecipient, field: "To") }
        for (field, list) in [("From", [message.from]), ("To", message.to), ("Cc", message.cc),
                              ("Reply-To", message.replyTo)] {
            for address in list where !HeaderEncoder.isValidAddress(address.address) {
                throw MIMEBuildError(.invalidAddress, field: field)
            }
        }
        guard HeaderEncoder.isValidAddress(message.messageID) else {
            throw MIMEBuildError(.invalidMessageID, field: "Message-ID")
        }
        for field in message.extraHeaders {
            let valid = !field.name.isEmpty && field.name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" }
            guard valid else { throw MIMEBuildError(.invalidHeaderName, field: "extra") }
        }
    }

    /// A boundary token derived from the Message-ID (FNV-1a, hex): stable for equal input, different per message.
    static func seed(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
