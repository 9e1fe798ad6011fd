import Foundation
import MailIngest
import TestServers
import Testing
@testable import AgendaStore
@testable import ingestd

/// No double send (DESIGN.md): an `ingestd send` child sending 500 actions to a private Postfix is killed with
/// SIGKILL at a random point, then run again to the end. Every Message-ID reaches the sink at most once, every
/// action is `done` or left in `sending` ("to verify"), and every `done` action was delivered. Then a third run
/// with the server's log (`server_log`) judges the actions to verify: those Postfix queued become `done`, the others
/// are sent; none is left to verify and still nothing is delivered twice.
/// `OUTBOUND_CRASH_ROUNDS` sets the rounds (3 here; `scripts/soak-outbound` runs 20).
@Suite(.serialized) struct OutboundCrashTests {
    static let actions = 500

    struct RoundResult: CustomStringConvertible {
        var killedAfter: Int
        var killed = false
        var done = 0
        var toVerify = 0
        var other = 0
        var delivered = 0
        var duplicates = 0
        var doneNotDelivered = 0
        var toVerifyDelivered = 0
        /// After the run with the server's log.
        var verifiedSent = 0
        var verifiedNotSent = 0
        var leftToVerify = 0
        var finalDuplicates = 0
        var finalDone = 0
        var description: String {
            (killed ? "killed after \(killedAfter) deliveries" : "ended before \(killedAfter) deliveries") + ": done \(done), to verify \(toVerify) (\(toVerifyDelivered) of them "
                + "delivered), other \(other), delivered \(delivered), duplicates \(duplicates), "
                + "done but not delivered \(doneNotDelivered); server log: \(verifiedSent) verified sent, "
                + "\(verifiedNotSent) not sent (sent now), left to verify \(leftToVerify), done \(finalDone), "
                + "duplicates \(finalDuplicates)"
        }
    }

    @Test func killingTheSenderNeverSendsAnActionTwice() async throws {
        let rounds = Int(ProcessInfo.processInfo.environment["OUTBOUND_CRASH_ROUNDS"] ?? "") ?? 3
        guard FileManager.default.isExecutableFile(atPath: TestPaths.ingestd.path) else {
            Issue.record("ingestd not built at \(TestPaths.ingestd.path)")
            return
        }
        var generator = SystemRandomNumberGenerator()
        var totals = RoundResult(killedAfter: 0)
        var kills = 0
        for round in 1...rounds {
            // The sink lags the sends: thresholds past about 200 often come after the child has finished.
            let result = try await Self.round(round, killAfter: Int.random(in: 1...150, using: &generator))
            if result.killed { kills += 1 }
            print("outbound crash round \(round)/\(rounds): \(result)")
            #expect(result.duplicates == 0, "round \(round): \(result)")
            #expect(result.done + result.toVerify == Self.actions && result.other == 0, "round \(round): \(result)")
            #expect(result.doneNotDelivered == 0, "round \(round): \(result)")
            #expect(result.verifiedSent == result.toVerifyDelivered, "round \(round): \(result)")
            #expect(result.verifiedSent + result.verifiedNotSent == result.toVerify, "round \(round): \(result)")
            #expect(result.leftToVerify == 0 && result.finalDone == Self.actions && result.finalDuplicates == 0,
                    "round \(round): \(result)")
            totals.done += result.done
            totals.toVerify += result.toVerify
            totals.duplicates += result.duplicates
            totals.delivered += result.delivered
            totals.toVerifyDelivered += result.toVerifyDelivered
            totals.verifiedSent += result.verifiedSent
            totals.verifiedNotSent += result.verifiedNotSent
            totals.leftToVerify += result.leftToVerify
            totals.finalDuplicates += result.finalDuplicates
        }
        #expect(kills >= (rounds + 1) / 2, "only \(kills) of \(rounds) rounds were killed mid-run")
        print("outbound crash totals over \(rounds) rounds of \(Self.actions) (\(kills) killed mid-run): done \(totals.done), to verify "
              + "\(totals.toVerify) (\(totals.toVerifyDelivered) delivered), duplicates \(totals.duplicates); "
              + "server log: \(totals.verifiedSent) verified sent, \(totals.verifiedNotSent) sent after verification, "
              + "left to verify \(totals.leftToVerify), duplicates \(totals.finalDuplicates)")
    }

    static func round(_ round: Int, killAfter: Int) async throws -> RoundResult {
        let postfix: PostfixServer
        do { postfix = try PostfixServer() } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
        defer { postfix.stop() }
        // A send rate cap keeps the run long enough to be killed in the middle on a fast machine too (500 sends
        // take at least 2.5 s; a debug build on a loaded machine is slower than the cap anyway).
        let fixture = try await OutboundFixture.make(count: actions, smtpPort: postfix.port,
                                                     extra: { $0.ratePerSecond = 200 })
        defer { fixture.remove() }

        // First run: killed once `killAfter` messages reached the sink (or when it ends by itself).
        let first = try start(fixture, owner: "round\(round)-a")
        let deadline = Date(timeIntervalSinceNow: 120)
        while first.isRunning && postfix.sinkMessages().count < killAfter && Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let killed = first.isRunning
        if killed { kill(first.processIdentifier, SIGKILL) }
        first.waitUntilExit()
        // Second run: to the end; the actions the killed run left in `sending` are not taken again.
        let second = try start(fixture, owner: "round\(round)-b")
        second.waitUntilExit()
        let errors = (try? String(contentsOf: fixture.directory.appendingPathComponent("round\(round)-b.stderr"),
                                  encoding: .utf8)) ?? ""
        #expect(second.terminationStatus == 0, "ingestd send: \(errors.prefix(500))")

        var result = RoundResult(killedAfter: killAfter, killed: killed)
        let statuses = try await fixture.actionsByStatus()
        result.done = statuses[.done]?.count ?? 0
        result.toVerify = statuses[.sending]?.count ?? 0
        result.other = actions - result.done - result.toVerify
        // Wait until the sink holds every done action and has settled.
        _ = await postfix.waitForSink(count: result.done, timeout: 30)
        try await Task.sleep(for: .milliseconds(300))
        let delivered = postfix.sinkMessages()
        var counts: [String: Int] = [:]
        for message in delivered {
            counts[MessageParser().parse(message.data).messageID ?? "?", default: 0] += 1
        }
        result.delivered = delivered.count
        result.duplicates = counts.values.filter { $0 > 1 }.reduce(0) { $0 + $1 - 1 }
        result.doneNotDelivered = (statuses[.done] ?? []).filter { counts[$0.outboundMessageID ?? ""] == nil }.count
        result.toVerifyDelivered = (statuses[.sending] ?? []).filter { counts[$0.outboundMessageID ?? ""] != nil }.count

        // Third run with the server's log: every action to verify is judged (grace 0: no sender is running).
        var verifying = fixture.configuration
        verifying.serverLog = postfix.directory.appendingPathComponent("maillog").path
        verifying.serverLogGraceSeconds = 0
        let verifyConfig = fixture.directory.appendingPathComponent("verify.json")
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(verifying).write(to: verifyConfig)
        let third = try start(fixture, owner: "round\(round)-c", config: verifyConfig.path)
        let output = third.standardOutput as? Pipe
        let reportData = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        third.waitUntilExit()
        let report = (try? JSONSerialization.jsonObject(with: reportData)) as? [String: Any] ?? [:]
        result.verifiedSent = report["verified_sent"] as? Int ?? -1
        result.verifiedNotSent = report["verified_not_sent"] as? Int ?? -1
        let final = try await fixture.actionsByStatus()
        result.leftToVerify = final[.sending]?.count ?? 0
        result.finalDone = final[.done]?.count ?? 0
        _ = await postfix.waitForSink(count: result.finalDone, timeout: 30)
        try await Task.sleep(for: .milliseconds(300))
        var finalCounts: [String: Int] = [:]
        for message in postfix.sinkMessages() {
            finalCounts[MessageParser().parse(message.data).messageID ?? "?", default: 0] += 1
        }
        result.finalDuplicates = finalCounts.values.filter { $0 > 1 }.reduce(0) { $0 + $1 - 1 }
        return result
    }

    /// Starts `ingestd send`; with `config` (another configuration file) its report is readable from a pipe.
    static func start(_ fixture: OutboundFixture, owner: String, config: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["send", "--store", fixture.storePath, "--config", config ?? fixture.configPath,
                             "--owner", owner]
        process.standardOutput = config == nil ? FileHandle.nullDevice : Pipe()
        let log = fixture.directory.appendingPathComponent("\(owner).stderr")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }
}
