/// A mailbox (RFC 5322 §3.4): an optional display name and an address.
public struct MailAddress: Sendable, Hashable {
    /// The display name with encoded words decoded, or nil.
    public var name: String?
    /// `local@domain` as written (not lower-cased).
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }
}
