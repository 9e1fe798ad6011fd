public import Foundation

/// A whole RFC 5322 message after MIME analysis: the top entity, the common headers decoded, and the defects.
public struct ParsedMessage: Sendable, Hashable {
    /// The top entity (path `1`); its headers are the message's.
    public var root: MIMEPart
    /// Everything parsing worked around, in the order seen.
    public var defects: [Defect]

    public init(root: MIMEPart, defects: [Defect] = []) {
        self.root = root
        self.defects = defects
    }

    public var headers: HeaderFields { root.headers }
}
