/// An error of the store. Its description carries codes, ids and counts, never customer data.
public struct AgendaStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// The CSV file cannot be read at all (encoding, unterminated quote, missing column).
        case badFile = "bad_file"
        /// A record that must exist does not.
        case notFound = "not_found"
        /// The operation does not apply in the record's current state (e.g. a decided proposal).
        case invalidState = "invalid_state"
        /// An argument is invalid.
        case invalidArgument = "invalid_argument"
    }

    /// Code.
    public var code: Code
    /// Context: ids, field names, line numbers.
    public var context: String

    /// Makes an error.
    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    public var description: String { "agenda store \(code.rawValue): \(context)" }
}
