/// The per-customer capture token carried in the reply address of every outbound email (DESIGN.md, "Reply capture").
///
/// Format: the detail part of a sub-address (RFC 5233) on the team's reply mailbox, `<user>+<token>@<domain>`,
/// e.g. `relances+c1042@acme.example`. A token is 3 to 32 characters `[a-z0-9]`, compared without case (mail
/// clients and servers may change the case of a local part). Generated tokens are `c` followed by 7 characters of
/// Crockford's base-32 alphabet in lower case (no `i`, `l`, `o`, `u`), e.g. `c7k2m9qx`: short enough to read on the
/// phone, about 34 billion values. An operator may also set a token (e.g. the ERP's customer code, `c1042`).
public enum CaptureToken {
    /// The characters of generated tokens (Crockford's base 32, lower case).
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// True when `token` has the token format (already lower-cased).
    public static func isValid(_ token: String) -> Bool {
        (3...32).contains(token.utf8.count)
            && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// A new random token (`c` + 7 base-32 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return "c" + String((0..<7).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// The token of a capture address: the detail after the first `+` of the local part (RFC 5233), lower-cased;
    /// nil when the address has no detail or the detail is not a token.
    public static func token(inAddress address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        guard let plus = local.firstIndex(of: "+") else { return nil }
        let detail = String(local[local.index(after: plus)...]).lowercased()
        return isValid(detail) ? detail : nil
    }

    /// The capture address for `token` on the reply mailbox `base` (`replies@acme.example` gives
    /// `replies+token@acme.example`); nil when `base` is not an address or already has a detail.
    public static func address(base: String, token: String) -> String? {
        guard isValid(token), let at = base.lastIndex(of: "@"), at != base.startIndex,
              !base[..<at].contains("+") else { return nil }
        return base[..<at] + "+" + token + base[at...]
    }
}

/// The key item numbers are matched on when a reply names one: ASCII upper case without spaces and the separators
/// `-`, `/`, `.`, `_`, `#` (`f 118` and `F/118` give `F118`). Same as the store's index expression.
public enum ItemNumberKey {
    /// The key of `number`.
    public static func make(_ number: String) -> String {
        String(String.UnicodeScalarView(number.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar {
            case " ", "-", "/", ".", "_", "#": return nil
            case "a"..."z": return Unicode.Scalar(scalar.value - 32)
            default: return scalar
            }
        }))
    }
}
