/// One header field as it appeared (RFC 5322 §2.2), with its value unfolded.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written (compare with ``HeaderFields/first(_:)``, which ignores case).
    public var name: String
    /// The value unfolded (CRLF+WSP -> WSP), still raw: encoded words are not decoded here.
    /// Bytes that are not UTF-8 are read as ISO-8859-1.
    public var rawValue: String

    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
    }
}

/// The header fields of one entity, in input order.
public struct HeaderFields: Sendable, Hashable, Sequence {
    public var fields: [HeaderField]

    public init(_ fields: [HeaderField] = []) { self.fields = fields }

    /// The raw value of the first field with this name, case-insensitively.
    public func first(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.rawValue
    }

    /// The raw values of every field with this name, case-insensitively, in input order.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.rawValue)
    }

    /// True when a field with this name exists.
    public func contains(_ name: String) -> Bool { first(name) != nil }

    public func makeIterator() -> IndexingIterator<[HeaderField]> { fields.makeIterator() }
}

extension String {
    /// ASCII case-insensitive equality (header names are ASCII).
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            (x | (x >= 65 && x <= 90 ? 0x20 : 0)) == (y | (y >= 65 && y <= 90 ? 0x20 : 0))
        }
    }
}
