public import AgendaStore
public import Foundation

/// A logged-in user's session: who, until when, the CSRF token of its forms, the agenda filters it keeps across tabs.
public struct Session: Sendable, Hashable {
    /// The opaque id carried by the cookie (256 random bits, base64url).
    public var id: String
    /// The user.
    public var user: User
    /// The synchroniser token every form of this session carries (OWASP CSRF cheat sheet).
    public var csrfToken: String
    /// When it ends.
    public var expires: Date
    /// Agenda filters, kept across tabs.
    public var filters: AgendaFilters
}

/// Sessions, kept in memory and, when a store is given, in the store too (``WebStateStore``), so a restart of the
/// daemon logs nobody out. The store holds a SHA-256 digest of the cookie's id, never the id. Expiry slides on use;
/// the stored expiry is moved at most once a minute per session. Expired sessions are dropped when met and by
/// `purge`; logout deletes the stored row. A stored session's user is read again from the accounts (a deleted user's
/// sessions end). A store failure leaves the session in memory (it then lasts until a restart).
public actor SessionStore {
    private var sessions: [String: Session] = [:]
    private var storedExpiry: [String: Date] = [:]
    private let lifetime: TimeInterval
    private let store: (any WebStateStore & AccountStore)?

    /// Makes a store whose sessions last `lifetime` seconds after their last use (sliding), persisted in `store`.
    public init(lifetime: TimeInterval, store: (any WebStateStore & AccountStore)? = nil) {
        self.lifetime = lifetime
        self.store = store
    }

    /// Opens a session for `user`.
    public func open(for user: User, filters: AgendaFilters, now: Date) async -> Session {
        let session = Session(id: RandomToken.make(), user: user, csrfToken: RandomToken.make(),
                              expires: now.addingTimeInterval(lifetime), filters: filters)
        sessions[session.id] = session
        if let store {
            try? await store.saveSession(StoredWebSession(key: StoredWebSession.key(forToken: session.id),
                                                          user: user.id, csrfToken: session.csrfToken,
                                                          expires: session.expires, filters: filters.stored))
            storedExpiry[session.id] = session.expires
        }
        return session
    }

    /// The live session with this id, its expiry pushed back; nil when unknown or expired.
    public func session(_ id: String, now: Date) async -> Session? {
        guard RandomToken.isWellFormed(id) else { return nil }
        var found = sessions[id]
        if found == nil, let store, let restored = await restore(id, from: store, now: now) {
            found = restored
        }
        guard var session = found else { return nil }
        guard session.expires > now else {
            await close(id)
            return nil
        }
        session.expires = now.addingTimeInterval(lifetime)
        sessions[id] = session
        if let store, session.expires.timeIntervalSince(storedExpiry[id] ?? .distantPast) > 60 {
            try? await store.touchWebSession(key: StoredWebSession.key(forToken: id), expires: session.expires)
            storedExpiry[id] = session.expires
        }
        return session
    }

    /// A session from the store (after a restart), with its user read again.
    private func restore(_ id: String, from store: any WebStateStore & AccountStore, now: Date) async -> Session? {
        guard let stored = try? await store.webSession(key: StoredWebSession.key(forToken: id), now: now),
              let user = try? await store.user(stored.user),
              let account = try? await store.account(login: user.login), account.active else { return nil }
        storedExpiry[id] = stored.expires
        return Session(id: id, user: user, csrfToken: stored.csrfToken, expires: stored.expires,
                       filters: AgendaFilters(stored: stored.filters, role: user.role))
    }

    /// Replaces a session's filters.
    public func setFilters(_ filters: AgendaFilters, of id: String) async {
        sessions[id]?.filters = filters
        try? await store?.setWebSessionFilters(key: StoredWebSession.key(forToken: id), filters: filters.stored)
    }

    /// Ends a session, in memory and in the store.
    public func close(_ id: String) async {
        sessions[id] = nil
        storedExpiry[id] = nil
        try? await store?.deleteWebSession(key: StoredWebSession.key(forToken: id))
    }

    /// Drops expired sessions; returns how many are left (in the store when there is one).
    @discardableResult public func purge(now: Date) async -> Int {
        sessions = sessions.filter { $0.value.expires > now }
        storedExpiry = storedExpiry.filter { sessions[$0.key] != nil }
        if let store, let left = try? await store.purgeWebSessions(now: now) { return left }
        return sessions.count
    }
}

/// Random tokens from the system's CSPRNG (`SystemRandomNumberGenerator`: getrandom(2) on Linux).
enum RandomToken {
    /// 32 random bytes as unpadded base64url (RFC 4648 section 5), cookie- and form-safe.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// True for the shape `make()` produces (43 base64url characters).
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95
        }
    }

    /// Compares two tokens in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
