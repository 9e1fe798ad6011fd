public import Foundation

/// Login rate limiting: after `limit` failed attempts within `window` seconds for one login name or one client
/// address, further attempts are refused until the oldest failure leaves the window (OWASP authentication cheat
/// sheet, "Protect against automated attacks"). A success clears the login's failures.
public actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval

    /// Makes a throttle.
    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// True when an attempt for these keys may proceed now.
    public func allows(_ keys: [String], now: Date) -> Bool {
        keys.allSatisfy { key in recent(key, now: now).count < limit }
    }

    /// Records a failed attempt under every key.
    public func fail(_ keys: [String], now: Date) {
        for key in keys { failures[key] = recent(key, now: now) + [now] }
    }

    /// Clears a key (after a successful login).
    public func clear(_ key: String) { failures[key] = nil }

    private func recent(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
