public import Foundation

/// Parses whole RFC 5322 messages into ``ParsedMessage`` values over libetpan's MIME parser.
/// Pure: bytes in, value out. Never throws: problems become ``Defect``s and a partial result.
public struct MessageParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .default) {
        self.limits = limits
    }

    /// Analyses one message.
    public func parse(_ bytes: Data) -> ParsedMessage {
        // Placeholder until the libetpan tree walk lands: the whole input as one text/plain leaf.
        ParsedMessage(root: MIMEPart(path: "1", headers: HeaderFields(), contentType: .textPlain, body: .leaf(bytes)))
    }
}
