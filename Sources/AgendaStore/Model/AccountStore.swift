public import Foundation

/// Local users' credentials for the web UI (issue #8): a bcrypt hash per user, kept apart from `AgendaStore` so the
/// agenda protocol stays as it is. The store never sees a password, only its hash.
public protocol AccountStore: Sendable {
    /// Sets (or replaces) a user's password hash (a bcrypt string, `$2b$...`).
    func setPasswordHash(_ user: UserID, hash: String, at: Date) async throws
    /// The account with this login (case-sensitive), with its password hash if one was set.
    func account(login: String) async throws -> Account?
    /// A user by id.
    func user(_ id: UserID) async throws -> User?
    /// Every user, by login.
    func users() async throws -> [User]
}

/// A user with what login needs.
public struct Account: Sendable, Hashable {
    /// The user.
    public var user: User
    /// The bcrypt hash, nil when no password was set (the user cannot log in).
    public var passwordHash: String?
    /// False for a deactivated user (cannot log in).
    public var active: Bool

    /// Makes an account.
    public init(user: User, passwordHash: String?, active: Bool) {
        self.user = user
        self.passwordHash = passwordHash
        self.active = active
    }
}
