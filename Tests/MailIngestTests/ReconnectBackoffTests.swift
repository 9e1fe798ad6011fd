import MailIngest
import Testing

/// A deterministic generator (SplitMix64) so delays are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("ReconnectBackoff")
struct ReconnectBackoffTests {
    @Test("Ceilings double from the base and stop at the maximum",
          arguments: [(1, 1), (2, 2), (3, 4), (5, 16), (9, 256), (10, 300), (1000, 300), (0, 1), (-3, 1)])
    func ceilings(attempt: Int, seconds: Int) {
        #expect(ReconnectBackoff().ceiling(attempt: attempt) == .seconds(seconds))
    }

    @Test("Delays stay within [ceiling/2, ceiling] and vary", arguments: [1, 2, 4, 8, 12])
    func jitterBounds(attempt: Int) {
        let backoff = ReconnectBackoff(base: .milliseconds(500), maximum: .seconds(60))
        var random = SplitMix64(state: UInt64(attempt))
        let ceiling = backoff.ceiling(attempt: attempt)
        var seen = Set<Duration>()
        for _ in 0..<200 {
            let delay = backoff.delay(attempt: attempt, using: &random)
            #expect(delay >= ceiling / 2 && delay <= ceiling)
            seen.insert(delay)
        }
        #expect(seen.count > 100)
    }

    @Test("Same attempt and same random source give the same delay")
    func pure() {
        var first = SplitMix64(state: 42), second = SplitMix64(state: 42)
        let backoff = ReconnectBackoff()
        for attempt in 1...12 {
            #expect(backoff.delay(attempt: attempt, using: &first) == backoff.delay(attempt: attempt, using: &second))
        }
    }

    @Test("A maximum below the base is raised to the base")
    func maximumBelowBase() {
        #expect(ReconnectBackoff(base: .seconds(5), maximum: .seconds(1)).ceiling(attempt: 4) == .seconds(5))
    }
}

@Suite("SyncFailure")
struct SyncFailureTests {
    @Test("Credentials, certificates and capabilities are configuration errors; the rest is transient",
          arguments: [(IMAPError.authentication("NO"), SyncFailure.configuration), (.tls("expired"), .configuration),
                      (.unsupported("IDLE"), .configuration), (.connection("reset"), .transient),
                      (.timeout(step: "fetch"), .transient), (.bye("inconsistent"), .transient),
                      (.command(name: "UID FETCH", response: "NO"), .transient)])
    func classify(error: IMAPError, expected: SyncFailure) {
        #expect(SyncFailure(error) == expected)
    }
}
