/// How a poller waits for new mail between passes: IDLE (RFC 2177) when the server offers it and the configuration
/// allows it, else a fixed poll interval. Pure.
public struct WaitPolicy: Sendable, Hashable {
    /// What to do after a pass.
    public enum Wait: Sendable, Hashable {
        /// Send IDLE and leave it (DONE) after at most this long, then run a pass.
        case idle(Duration)
        /// Sleep this long, then run a pass.
        case poll(Duration)
    }

    /// RFC 2177: a client must re-issue IDLE at least every 29 minutes or the server may log it out.
    public static let idleLimit = Duration.seconds(29 * 60)

    /// Use IDLE when the server offers it.
    public var useIdle: Bool
    /// Interval between passes without IDLE; also the longest IDLE before a safety pass.
    public var pollInterval: Duration
    /// How long one IDLE lasts at most before DONE and a new IDLE (capped below ``idleLimit``).
    public var idleRefresh: Duration

    /// Makes a policy. Defaults: IDLE on, poll every 60 s, re-IDLE every 25 minutes.
    public init(useIdle: Bool = true, pollInterval: Duration = .seconds(60), idleRefresh: Duration = .seconds(25 * 60)) {
        self.useIdle = useIdle
        self.pollInterval = pollInterval
        self.idleRefresh = idleRefresh
    }

    /// The wait after a pass, given the server's capabilities (upper-cased, as the session reports them).
    public func wait(capabilities: Set<String>) -> Wait {
        guard useIdle, capabilities.contains("IDLE") else { return .poll(max(pollInterval, .milliseconds(10))) }
        let margin = Duration.seconds(60)
        let refresh = min(idleRefresh, Self.idleLimit - margin)
        return .idle(max(refresh, .seconds(1)))
    }
}
