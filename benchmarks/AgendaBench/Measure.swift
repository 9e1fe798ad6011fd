import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and percentiles.
enum Measure {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func time<T>(isolation: isolated (any Actor)? = #isolation,
                        _ body: () async throws -> T) async rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await body()
        return (value, seconds(clock.now - start))
    }

    /// Like `time`, plus the process's CPU time (all threads) over the same span: on a machine shared with other
    /// work the wall time includes waiting for a core, the CPU time does not.
    static func timeCPU<T>(isolation: isolated (any Actor)? = #isolation,
                           _ body: () async throws -> T) async rethrows -> (T, wall: Double, cpu: Double) {
        let cpuStart = cpuNow()
        let (value, wall) = try await time(body)
        return (value, wall, cpuNow() - cpuStart)
    }

    /// CPU seconds used by this process so far.
    static func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Nearest-rank percentile of `samples` (seconds), in milliseconds.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = max(0, min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank] * 1000
    }

    /// Prints one JSON line and flushes it.
    static func emit(_ fields: [String: Any]) {
        FileHandle.standardOutput.write(Data((line(fields) + "\n").utf8))
    }

    static func line(_ fields: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A small deterministic generator (SplitMix64) so every run builds the same dataset.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
