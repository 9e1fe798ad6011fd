public import AgendaStore
import Crypto
public import Foundation

/// Signs and checks the links to a customer's interactive page (issue #8): `<customer>.<expiry>.<mac>` where the MAC
/// is HMAC-SHA256 (RFC 2104) with the server key over the customer id and the expiry (Unix seconds), base64url
/// (RFC 4648 section 5). A forged, expired or altered link is simply unknown: the page answers 404.
public struct PageLinkSigner: Sendable {
    private let key: SymmetricKey

    /// A signer with the server key (at least 32 bytes; from `session_key_file`/`session_key_env`).
    public init?(key: [UInt8]) {
        guard key.count >= 32 else { return nil }
        self.key = SymmetricKey(data: key)
    }

    /// The token of `customer`'s page, valid until `expires`.
    public func token(customer: CustomerID, expires: Date) -> String {
        let payload = "\(customer.rawValue).\(Int64(expires.timeIntervalSince1970.rounded(.down)))"
        return payload + "." + mac("link:" + payload)
    }

    /// The customer a token names, if it is authentic and not expired at `now`.
    public func verify(_ token: String, now: Date) -> CustomerID? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let id = Int64(parts[0]), id > 0, let expiry = Int64(parts[1]) else { return nil }
        guard RandomToken.equal(String(parts[2]), mac("link:\(parts[0]).\(parts[1])")) else { return nil }
        guard Double(expiry) > now.timeIntervalSince1970 else { return nil }
        return CustomerID(id)
    }

    /// The CSRF token of the page's form: a MAC of the link token, so only a holder of the link can post to it.
    public func formToken(for token: String) -> String { mac("form:" + token) }

    private func mac(_ message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)
        return Data(code).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
