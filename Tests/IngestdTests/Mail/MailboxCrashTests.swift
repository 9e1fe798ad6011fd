import AgendaStore
import Foundation
@testable import ingestd
import TestServers
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Kill -9 of the ingesting process at random points (DESIGN.md, "Nothing is lost"): `ingestd poll --until-idle` is
/// started on 2,000 messages, SIGKILLed after a random delay a few times, then left to finish; every message must be
/// stored exactly once and marked. `benchmarks/imap/soak.py` runs the same for 50 rounds.
@Suite("Mailbox crash rounds (Dovecot, ingestd child)", .serialized)
struct MailboxCrashTests {
    static let messages = 2000

    struct Round: Sendable { var seed: UInt64; var batch: Int; var kills: Int }

    @Test("SIGKILL at random points, restart: every message stored exactly once and marked (5 rounds)",
          .enabled(if: IMAPConnector.isAvailable, "needs the libetpan IMAP session"))
    func rounds() async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        let rounds = [Round(seed: 11, batch: 200, kills: 2), Round(seed: 12, batch: 50, kills: 3),
                      Round(seed: 13, batch: 7, kills: 2), Round(seed: 14, batch: 200, kills: 3),
                      Round(seed: 15, batch: 100, kills: 2)]
        for round in rounds { try await Self.run(round, server: server, directory: temp.directory) }
    }

    static func run(_ round: Round, server: DovecotServer, directory: URL) async throws {
        // A child that drains the mailbox before the first kill lands proves nothing: the round starts over on a
        // fresh mailbox and store, killing at a random share of the time the whole drain took (up to three attempts).
        var attempt = 0, drain: Double? = nil
        var outcome: (raws: [Data], storePath: String, kills: Int, runs: Int, drain: Double?)
        repeat {
            outcome = try attemptRound(round, attempt: attempt, drain: drain, server: server, directory: directory)
            drain = outcome.drain ?? drain
            attempt += 1
        } while outcome.kills == 0 && attempt < 3
        let (raws, storePath, kills, runs, _) = outcome
        #expect(kills >= 1, "the child finished before any kill in \(attempt) attempts: the round proves nothing")
        // Exactly once: every message is there (storing it again creates nothing) under ids 1...N, and no id N+1.
        let store = try SQLiteAgendaStore(path: storePath)
        let again = try await store.storeInbound(batch: raws.map {
            (InboundMessage(raw: $0, kind: .other, receivedAt: Date()), nil)
        })
        #expect(again.filter(\.created).isEmpty)
        #expect(Set(again.map(\.id.rawValue)) == Set(1...Int64(Self.messages)))
        #expect(try await store.rawMessage(InboundMessageID(Int64(Self.messages) + 1)) == nil)
        #expect(try MailboxPollerDovecotTests.count(server, ["KEYWORD", "$Captured"]) == Self.messages)
        #expect(try MailboxPollerDovecotTests.count(server, ["UNKEYWORD", "$Captured"]) == 0)
        print("crash round seed \(round.seed): \(attempt) attempt(s), \(kills) kills, \(runs) runs, \(Self.messages) stored once"
              + " and marked")
    }

    /// One attempt of `round`: a fresh mailbox and store, kills at random points, then a run to the end. With
    /// `drain` (the seconds a whole uninterrupted drain took) each kill comes at 20 to 80% of it after the start,
    /// else when a random share of what is left is marked. Returns what the checks need, and the seconds of a run that
    /// drained everything without a kill.
    static func attemptRound(_ round: Round, attempt: Int, drain: Double?, server: DovecotServer, directory: URL)
        throws -> (raws: [Data], storePath: String, kills: Int, runs: Int, drain: Double?) {
        try server.doveadm(["expunge", "-u", "alice", "mailbox", "INBOX", "all"])
        let first = Int(round.seed) * 100_000 + attempt * 10_000
        let raws = (0..<Self.messages).map { MailFixtures.message(first + $0, size: 1500) }
        try server.dropIntoMaildir(raws, user: "alice")
        let config = try Self.writeConfig(server, directory: directory, batch: round.batch)
        let storePath = directory.appendingPathComponent("child-\(round.seed)-\(attempt).sqlite").path
        var random = SeededRandom(state: round.seed &+ UInt64(attempt))
        var kills = 0, runs = 0, uninterrupted: Double?
        while true {
            runs += 1
            let started = Date()
            let child = try Self.spawn(config: config, store: storePath)
            if kills < round.kills, let drain {
                if !Self.wait(child, seconds: drain * Double.random(in: 0.2...0.8, using: &random)) {
                    kill(child.processIdentifier, SIGKILL)
                    child.waitUntilExit()
                    kills += 1
                    continue
                }
            } else if kills < round.kills {
                // Kill points follow the child's progress, not the clock, so a fast machine (which drains the
                // mailbox in well under a second) is killed mid-run as often as a slow one: wait until a random
                // share of at most half of what is left is marked, then a random few milliseconds more (landing
                // anywhere in the next fetch, store or mark).
                let marked = try MailboxPollerDovecotTests.count(server, ["KEYWORD", "$Captured"])
                let target = marked + Int.random(in: 0...max(0, (Self.messages - marked) / 2), using: &random)
                let extra = Double.random(in: 0...0.03, using: &random)
                if Self.wait(child, server: server, marked: target), !Self.wait(child, seconds: extra) {
                    kill(child.processIdentifier, SIGKILL)
                    child.waitUntilExit()
                    kills += 1
                    continue
                }
            } else {
                #expect(Self.wait(child, seconds: 120), "child did not finish")
            }
            child.waitUntilExit()
            if child.terminationStatus == 0 {
                if kills == 0 { uninterrupted = Date().timeIntervalSince(started) }
                break
            }
            #expect(kills < round.kills, "child failed without a kill: status \(child.terminationStatus)")
            if kills >= round.kills { break }
        }
        return (raws, storePath, kills, runs, uninterrupted)
    }

    static func writeConfig(_ server: DovecotServer, directory: URL, batch: Int) throws -> String {
        let password = directory.appendingPathComponent("password")
        try Data("secret\n".utf8).write(to: password)
        let json = """
            {"accounts": [{"name": "test", "host": "127.0.0.1", "port": \(server.imapPort), "security": "plain",
              "user": "alice", "password_file": "\(password.path)", "timeout_seconds": 10,
              "mailboxes": [{"name": "INBOX", "batch_size": \(batch)}]}]}
            """
        let path = directory.appendingPathComponent("poll.json")
        try Data(json.utf8).write(to: path)
        return path.path
    }

    static func spawn(config: String, store: String) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["poll", "--config", config, "--store", store, "--until-idle", "--raw-only"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (up to 120 s) until at least `marked` messages carry `$Captured`; true while the child still runs.
    static func wait(_ process: Process, server: DovecotServer, marked: Int) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if ((try? MailboxPollerDovecotTests.count(server, ["KEYWORD", "$Captured"])) ?? 0) >= marked {
                return process.isRunning
            }
            usleep(5_000)
        }
        return process.isRunning
    }

    /// Waits up to `seconds` for the process to exit; true when it did.
    static func wait(_ process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline { return false }
            usleep(5_000)
        }
        return true
    }
}

/// SplitMix64, for reproducible kill times.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
