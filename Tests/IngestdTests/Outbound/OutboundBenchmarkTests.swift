import Foundation
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// The outbound benchmark (`benchmarks/outbound/run`), off unless `OUTBOUND_BENCH_ACTIONS` is set: that many due
/// email actions sent by one `ingestd send` child (INGESTD_BIN, e.g. a release build) to a private Postfix over one
/// reused connection. Prints one JSON line: actions, wall seconds, sends/s, p50/p95 of one send (build, SMTP
/// transaction), the child's CPU time (sends per CPU second), and the delivered count.
@Suite struct OutboundBenchmarkTests {
    static let actions = Int(ProcessInfo.processInfo.environment["OUTBOUND_BENCH_ACTIONS"] ?? "") ?? 0

    @Test(.enabled(if: actions > 0)) func sendDueActionsToALocalPostfix() async throws {
        let postfix = try PostfixServer()
        defer { postfix.stop() }
        let batch = Int(ProcessInfo.processInfo.environment["OUTBOUND_BENCH_BATCH"] ?? "") ?? 100
        // OUTBOUND_BENCH_PIPELINING=0 sends each SMTP command and waits (RFC 2920 PIPELINING off) for comparison.
        let pipelining = ProcessInfo.processInfo.environment["OUTBOUND_BENCH_PIPELINING"] != "0"
        let fixture = try await OutboundFixture.make(count: Self.actions, smtpPort: postfix.port,
                                                     extra: { $0.batchSize = batch; $0.smtp?.pipelining = pipelining })
        defer { fixture.remove() }
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["send", "--store", fixture.storePath, "--config", fixture.configPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        let cpuBefore = Self.childrenCPUSeconds()
        let start = Date()
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wall = Date().timeIntervalSince(start)
        // The child's user + system CPU (reaped children only): the steadier measure on a loaded machine.
        let cpu = Self.childrenCPUSeconds() - cpuBefore
        let report = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(report["sent"] as? Int == Self.actions)
        let delivered = await postfix.waitForSink(count: Self.actions, timeout: 120).count
        #expect(delivered == Self.actions)
        let line: [String: Any] = [
            "benchmark": "outbound", "actions": Self.actions, "batch": batch, "pipelining": pipelining, "binary": TestPaths.ingestd.path,
            "wall_seconds": (wall * 1000).rounded() / 1000,
            "sends_per_second": (Double(Self.actions) / wall * 10).rounded() / 10,
            "cpu_seconds": (cpu * 1000).rounded() / 1000,
            "sends_per_cpu_second": (Double(Self.actions) / max(cpu, 0.001) * 10).rounded() / 10,
            "cpu_ms_per_send": (cpu / Double(Self.actions) * 1000 * 1000).rounded() / 1000,
            "send_ms_p50": report["send_ms_p50"] ?? 0, "send_ms_p95": report["send_ms_p95"] ?? 0,
            "send_seconds_total": report["send_seconds_total"] ?? 0, "delivered": delivered,
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// User + system CPU seconds of this process's reaped children (getrusage RUSAGE_CHILDREN).
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
