/// The body the customer wrote, chosen from a message's part tree, as text lines.
public struct BodyChoice: Sendable, Hashable {
    /// The text, with lines the markup marked as quoted flagged.
    public var body: BodyText
    /// Paths of the parts the text came from, in order.
    public var sourcePaths: [String]
    /// `text/plain` or `text/html` for the first source part; nil when the message has no text.
    public var sourceType: String?
    /// Defects met while decoding the chosen parts (charsets, over-long lines).
    public var defects: [Defect]

    public init(body: BodyText, sourcePaths: [String] = [], sourceType: String? = nil, defects: [Defect] = []) {
        self.body = body
        self.sourcePaths = sourcePaths
        self.sourceType = sourceType
        self.defects = defects
    }

    /// No text at all.
    public static let empty = BodyChoice(body: BodyText(lines: []))
}
