/// A Content-Type (RFC 2045 §5) with RFC 2231 parameters already decoded and joined.
public struct ContentType: Sendable, Hashable {
    /// Lower-cased top-level type, e.g. `text`.
    public var type: String
    /// Lower-cased subtype, e.g. `plain`.
    public var subtype: String
    /// Parameters with lower-cased names; values decoded (RFC 2231 continuations and charsets, RFC 2047 in the wild).
    public var parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// For parsers whose type and subtype are already lower-cased ASCII (skips lower-casing them again).
    init(lowercasedType type: String, subtype: String, parameters: [String: String]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `type/subtype`.
    public var mimeType: String { "\(type)/\(subtype)" }
    /// The `charset` parameter, lower-cased, or nil.
    public var charset: String? { parameters["charset"]?.lowercased() }
    /// RFC 2045's default: `text/plain; charset=us-ascii`.
    public static let textPlain = ContentType(type: "text", subtype: "plain")
    /// The default inside multipart/digest (RFC 2046 §5.1.5).
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")
}
