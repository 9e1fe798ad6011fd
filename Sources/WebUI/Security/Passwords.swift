import HummingbirdBcrypt

/// Password hashing with bcrypt (hummingbird-auth's `HummingbirdBcrypt`, OpenBSD's bcrypt). Hashing is slow on
/// purpose: call it off the request's hot path only at login and when setting a password.
public enum Passwords {
    /// A bcrypt hash of `password` with 2^`cost` rounds (12 in production; tests use 4).
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// True when `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

}
