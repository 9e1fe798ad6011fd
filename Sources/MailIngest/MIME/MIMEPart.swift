public import Foundation

/// One MIME entity (RFC 2045): its headers and its body, already transfer-decoded.
public struct MIMEPart: Sendable, Hashable {
    /// Position in the tree as mime4j names it: `1` is the message, `1.2` its second part, and the message inside
    /// a message/rfc822 part adds `.1`.
    public var path: String
    public var headers: HeaderFields
    public var contentType: ContentType
    /// Lower-cased Content-Transfer-Encoding as declared (`7bit` when absent).
    public var transferEncoding: String
    /// Lower-cased disposition type (`inline`, `attachment`) or nil.
    public var disposition: String?
    /// The file name from Content-Disposition `filename` or Content-Type `name`, decoded.
    public var filename: String?
    public var body: Body

    public init(path: String, headers: HeaderFields, contentType: ContentType, transferEncoding: String = "7bit",
                disposition: String? = nil, filename: String? = nil, body: Body) {
        self.path = path
        self.headers = headers
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.filename = filename
        self.body = body
    }

    /// What an entity holds.
    public indirect enum Body: Sendable, Hashable {
        /// A leaf: decoded bytes (transfer encoding undone, charset untouched).
        case leaf(Data)
        /// A multipart: its parts plus preamble and epilogue text (raw).
        case multipart(parts: [MIMEPart], preamble: String?, epilogue: String?)
        /// message/rfc822 or message/global: the carried message's top entity.
        case message(MIMEPart)
    }

    /// The decoded bytes of a leaf, or nil for containers.
    public var data: Data? {
        if case .leaf(let data) = body { return data }
        return nil
    }

    /// Direct children: parts of a multipart, or the carried message.
    public var children: [MIMEPart] {
        switch body {
        case .leaf: return []
        case .multipart(let parts, _, _): return parts
        case .message(let inner): return [inner]
        }
    }

    /// This entity and every descendant, depth first, in input order.
    public var allParts: [MIMEPart] {
        var out: [MIMEPart] = []
        func walk(_ part: MIMEPart) {
            out.append(part)
            switch part.body {
            case .leaf: break
            case .multipart(let parts, _, _): for child in parts { walk(child) }
            case .message(let inner): walk(inner)
            }
        }
        walk(self)
        return out
    }

    /// Every leaf, depth first, in input order. (Walks the tree once and copies only the leaves, not every part.)
    public var leaves: [MIMEPart] {
        var out: [MIMEPart] = []
        func walk(_ part: MIMEPart) {
            switch part.body {
            case .leaf: out.append(part)
            case .multipart(let parts, _, _): for child in parts { walk(child) }
            case .message(let inner): walk(inner)
            }
        }
        walk(self)
        return out
    }

    /// True for a leaf the sender attached rather than wrote inline.
    public var isAttachment: Bool {
        if disposition == "attachment" { return true }
        if filename != nil && contentType.type != "text" { return true }
        return false
    }
}
