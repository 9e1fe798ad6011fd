/// Delay before reconnect attempt `n`: exponential growth from `base`, capped at `maximum`, with "equal jitter"
/// (half the delay fixed, half random) so many pollers cut at once do not reconnect in step. Pure: the same attempt and
/// random source give the same delay.
public struct ReconnectBackoff: Sendable, Hashable {
    /// The first delay (before jitter).
    public var base: Duration
    /// The largest delay (before jitter).
    public var maximum: Duration

    /// Makes a backoff. Defaults: 1 s doubling up to 5 minutes.
    public init(base: Duration = .seconds(1), maximum: Duration = .seconds(300)) {
        self.base = base
        self.maximum = max(maximum, base)
    }

    /// The delay ceiling for `attempt` (1 for the first retry): `base * 2^(attempt-1)`, at most `maximum`.
    public func ceiling(attempt: Int) -> Duration {
        let exponent = min(max(attempt, 1) - 1, 40)
        let grown = base * (1 << exponent)
        return grown > maximum || grown < base ? maximum : grown
    }

    /// The delay before `attempt`: uniformly in `[ceiling/2, ceiling]`, drawn from `random`.
    public func delay(attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let ceilingNanos = Self.nanoseconds(ceiling(attempt: attempt))
        let half = ceilingNanos / 2
        let jitter = half > 0 ? Int64.random(in: 0...half, using: &random) : 0
        return .nanoseconds(ceilingNanos - half + jitter)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max / 2 : product + attoseconds / 1_000_000_000
    }
}
