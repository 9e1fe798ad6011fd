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

/// Sessions in memory: a restart logs everyone out. Expired sessions are dropped when met and by `purge`.
public actor SessionStore {
    private var sessions: [String: Session] = [:]
    private let lifetime: TimeInterval

    /// Makes a store whose sessions last `lifetime` seconds after their last use (sliding).
    public init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// Opens a session for `user`.
    public func open(for user: User, filters: AgendaFilters, now: Date) -> Session {
        let session = Session(id: RandomToken.make(), user: user, csrfToken: RandomToken.make(),
                              expires: now.addingTimeInterval(lifetime), filters: filters)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its expiry pushed back; nil when unknown or expired.
    public func session(_ id: String, now: Date) -> Session? {
        guard var session = sessions[id] else { return nil }
        guard session.expires > now else {
            sessions[id] = nil
            return nil
        }
        session.expires = now.addingTimeInterval(lifetime)
        sessions[id] = session
        return session
    }

    /// Replaces a session's filters.
    public func setFilters(_ filters: AgendaFilters, of id: String) {
        sessions[id]?.filters = filters
    }

    /// Ends a session.
    public func close(_ id: String) { sessions[id] = nil }

    /// Drops expired sessions; returns how many are left.
    @discardableResult public func purge(now: Date) -> Int {
        sessions = sessions.filter { $0.value.expires > now }
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
