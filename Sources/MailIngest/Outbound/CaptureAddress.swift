import Foundation

/// The per-customer reply capture address (DESIGN.md, reply capture): a pattern on the team's reply mailbox such as
/// `replies+{token}@mail.example` (plus-addressing, RFC 5233 sub-addressing) where `{token}` is the action's capture
/// token and `{customer}` the customer's id.
public struct CaptureAddress: Sendable, Hashable {
    /// The pattern, with `{token}` and/or `{customer}`.
    public var pattern: String

    /// Makes a capture address pattern.
    public init(pattern: String) {
        self.pattern = pattern
    }

    /// The address for a token and customer; nil when the result is not a plain `local@domain`.
    public func address(token: String, customer: String) -> String? {
        let address = pattern.replacing("{token}", with: token).replacing("{customer}", with: customer)
        return HeaderEncoder.isValidAddress(address) ? address : nil
    }

    /// The token in an address written from this pattern, e.g. from a reply's To or a DSN's recipient; nil when the
    /// address does not fit the pattern. Comparison of the fixed parts ignores case.
    public func token(in address: String) -> String? {
        guard let range = pattern.range(of: "{token}") else { return nil }
        let prefix = pattern[..<range.lowerBound].lowercased()
        let suffix = pattern[range.upperBound...].lowercased()
        guard !prefix.contains("{"), !suffix.contains("{") else { return nil }
        let lower = address.lowercased()
        guard lower.count > prefix.count + suffix.count, lower.hasPrefix(prefix), lower.hasSuffix(suffix) else {
            return nil
        }
        let start = address.index(address.startIndex, offsetBy: prefix.count)
        let end = address.index(address.endIndex, offsetBy: -suffix.count)
        return String(address[start..<end])
    }
}
