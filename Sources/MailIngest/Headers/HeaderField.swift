/// One header field as it appeared (RFC 5322 §2.2), with its value unfolded.
///
/// Fields made by ``MessageParser`` keep the raw bytes of their entity's header block and build `name` and
/// `rawValue` only when read: most fields of a message (Received, DKIM-Signature, ARC-*) are never looked at, and
/// making strings of them was the largest cost of a parse. Equality and hashing compare `name` and `rawValue` as
/// strings, however a field was made.
public struct HeaderField: Sendable, Hashable {
    private var storage: Storage

    private enum Storage: Sendable {
        case text(name: String, rawValue: String)
        case raw(RawHeaderField)
    }

    /// The field name as written (compare with ``HeaderFields/first(_:)``, which ignores case).
    public var name: String {
        get {
            switch storage {
            case .text(let name, _): return name
            case .raw(let raw): return raw.name
            }
        }
        set { storage = .text(name: newValue, rawValue: rawValue) }
    }

    /// The value unfolded (CRLF+WSP -> WSP), still raw: encoded words are not decoded here.
    /// Bytes that are not UTF-8 are read as ISO-8859-1.
    public var rawValue: String {
        get {
            switch storage {
            case .text(_, let rawValue): return rawValue
            case .raw(let raw): return raw.value
            }
        }
        set { storage = .text(name: name, rawValue: newValue) }
    }

    public init(name: String, rawValue: String) {
        storage = .text(name: name, rawValue: rawValue)
    }

    /// A field over raw header bytes (the parser's), read when asked.
    init(raw: RawHeaderField) {
        storage = .raw(raw)
    }

    /// True when the name equals `other` ignoring ASCII case; compares the raw bytes without building the name.
    func hasName(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        switch storage {
        case .text(let name, _):
            var name = name
            return name.withUTF8 { Bytes.asciiCaseInsensitiveEquals($0, other) }
        case .raw(let raw):
            return raw.hasName(other)
        }
    }

    /// Equal when `name` and `rawValue` are equal strings, however either field was made.
    public static func == (lhs: HeaderField, rhs: HeaderField) -> Bool {
        lhs.name == rhs.name && lhs.rawValue == rhs.rawValue
    }

    /// Hashes `name` and `rawValue`, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(rawValue)
    }
}

/// The header fields of one entity, in input order.
public struct HeaderFields: Sendable, Hashable, Sequence {
    public var fields: [HeaderField]

    public init(_ fields: [HeaderField] = []) { self.fields = fields }

    /// The raw value of the first field with this name, case-insensitively.
    public func first(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { wanted in fields.first { $0.hasName(wanted) }?.rawValue }
    }

    /// The raw values of every field with this name, case-insensitively, in input order.
    public func all(_ name: String) -> [String] {
        var name = name
        return name.withUTF8 { wanted in fields.filter { $0.hasName(wanted) }.map(\.rawValue) }
    }

    /// True when a field with this name exists.
    public func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { wanted in fields.contains { $0.hasName(wanted) } }
    }

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
