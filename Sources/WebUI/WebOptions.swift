public import Foundation

/// Settings of the web UI with their defaults. Reading them from the configuration file is the daemon's job.
public struct WebOptions: Sendable {
    /// Mark cookies `Secure` (set when the UI is served over HTTPS, e.g. behind a TLS proxy).
    public var secureCookies = false
    /// Idle lifetime of a session, in seconds.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// bcrypt cost (log2 of the rounds).
    public var bcryptCost: UInt8 = 12
    /// Failed logins allowed per login name or client address within `loginWindow`.
    public var loginAttempts = 5
    /// The rate-limiting window, in seconds.
    public var loginWindow: TimeInterval = 15 * 60
    /// Proposals at or above this confidence are "confident" (bulk accept).
    public var confidentThreshold = 0.85
    /// Rows per agenda page.
    public var pageSize = 50
    /// Largest form body accepted, in bytes.
    public var maxFormBytes = 64 * 1024
    /// Largest file a customer may upload from their page (proof of payment), in bytes.
    public var maxUploadBytes = 5 * 1024 * 1024
    /// The clock (tests pin it).
    public var now: @Sendable () -> Date = { Date() }

    /// The defaults.
    public init() {}
}
