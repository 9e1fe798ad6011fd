import AgendaStore
import Foundation
@testable import ingestd
import MailIngest
import Testing

@Suite("MailboxPoller (in-memory server)")
struct MailboxPollerTests {
    private static func poller(_ server: FakeIMAPServer, _ store: SQLiteAgendaStore, _ sink: CountingSink,
                               mailbox: PolledMailbox = MailFixtures.mailbox(), board: MailboxStatusBoard = .init())
        -> MailboxPoller {
        MailboxPoller(mailbox: mailbox, sink: sink, state: store, board: board, connect: server.open,
                      backoff: ReconnectBackoff(base: .milliseconds(5), maximum: .milliseconds(20)),
                      idleSlice: .milliseconds(20))
    }

    @Test("Every message stored once and marked with the keyword; the next pass fetches nothing")
    func keyword() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<30 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink)
        #expect(try await poller.drain() == 30)
        #expect(sink.created == 30)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(try await poller.drain() == 0)
        #expect(sink.handed == 30)
        let cursor = try await temp.store.cursor(of: "test/INBOX")
        #expect(cursor == MailboxCursor(uidValidity: 100, lastUID: 30, highestModSeq: 93))
    }

    @Test("Seen and move modes", arguments: [MarkMode.seen, .move(to: "Captured")])
    func modes(mode: MarkMode) async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<10 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        _ = try await Self.poller(server, temp.store, sink, mailbox: MailFixtures.mailbox(mode, batch: 3)).drain()
        #expect(sink.created == 10)
        if case .move(let target) = mode {
            #expect(server.messages().isEmpty)
            #expect(server.messages(in: target).count == 10)
        } else {
            #expect(server.messages().values.allSatisfy { $0.flags == ["\\Seen"] })
        }
    }

    @Test("A cut between store and mark: the next process marks without storing again",
          arguments: [MarkMode.default, .move(to: "Captured")])
    func cutBeforeMark(mode: MarkMode) async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<20 { server.deliver(MailFixtures.message(n)) }
        server.fail(mode == .default ? "store" : "move", call: 2)
        let sink = CountingSink(store: temp.store)
        await #expect(throws: IMAPError.self) {
            try await Self.poller(server, temp.store, sink, mailbox: MailFixtures.mailbox(mode)).drain()
        }
        // Marks are queued behind the fetches ahead: the pass may have stored the third batch of 7 before it saw the
        // refused mark of the second, never fewer than the two batches before it.
        #expect(sink.created == 14 || sink.created == 20)
        let restarted = CountingSink(store: temp.store)
        _ = try await Self.poller(server, temp.store, restarted, mailbox: MailFixtures.mailbox(mode)).drain()
        #expect(sink.created + restarted.created == 20)
        #expect(restarted.handed == restarted.created)  // the stored but unmarked ones were re-marked, not re-fetched
        if mode == .default {
            #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        } else {
            #expect(server.messages().isEmpty)
            #expect(server.messages(in: "Captured").count == 20)
        }
    }

    @Test("A cut mid-FETCH: the rerun completes, each message stored once")
    func cutDuringFetch() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<20 { server.deliver(MailFixtures.message(n)) }
        server.fail("fetch", call: 2)
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink)
        await #expect(throws: IMAPError.self) { try await poller.drain() }
        _ = try await poller.drain()
        #expect(sink.created == 20)
        #expect(sink.handed == 20)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
    }

    @Test("UIDVALIDITY change: everything fetched again, nothing stored twice, cursor under the new validity")
    func resync() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<12 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink)
        _ = try await poller.drain()
        server.rebuild()
        server.deliver(MailFixtures.message(99))
        #expect(try await poller.drain() == 13)
        #expect(sink.created == 13)
        #expect(try await temp.store.cursor(of: "test/INBOX")?.uidValidity == 101)
        #expect(try await temp.store.cursor(of: "test/INBOX")?.lastUID == 13)
    }

    @Test("run(): IDLE loop picks up new mail, survives cuts, and stops on cancellation")
    func runLoop() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        let sink = CountingSink(store: temp.store), board = MailboxStatusBoard()
        let poller = Self.poller(server, temp.store, sink, board: board)
        let task = Task { await poller.run() }
        server.deliver(MailFixtures.message(1))
        try await Self.waitUntil { sink.created == 1 }
        // The reconnect's fault first: the idle fault can fire (and the poller reconnect) at once. Mail 2 arrives
        // only once both cuts happened and the poller is connected again.
        server.fail("connect", call: 1)
        server.fail("idle", call: 1)
        try await Self.waitUntil { server.count("connect") >= 3 }
        server.deliver(MailFixtures.message(2))
        try await Self.waitUntil { sink.created == 2 }
        task.cancel()
        await task.value
        let status = try #require(await board.status(of: "test/INBOX"))
        #expect(status.phase == .stopped)
        #expect(status.messagesToday == 2)
        #expect(status.lastSuccess != nil)
        #expect(status.lastError == "connection: cut by test")
        #expect(!status.needsAttention)
        #expect(server.count("connect") >= 3)
    }

    @Test("Bad credentials: a clear, redacted error that needs attention")
    func badPassword() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        let board = MailboxStatusBoard()
        let mailbox = MailFixtures.mailbox(settings: MailFixtures.settings(password: "wrong"))
        let poller = Self.poller(server, temp.store, CountingSink(store: temp.store), mailbox: mailbox, board: board)
        let task = Task { await poller.run() }
        try await Self.waitUntil { await board.status(of: "test/INBOX")?.lastError != nil }
        task.cancel()
        await task.value
        let status = try #require(await board.status(of: "test/INBOX"))
        #expect(status.needsAttention)
        #expect(status.lastError == "authentication failed: check user and password")
        #expect(status.lastError?.contains("wrong") == false)
    }

    @Test("Batch sink with fetch-ahead: a cut in a prefetched FETCH, then a rerun; each message stored once")
    func batchSink() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        server.fail("fetch", call: 3)
        let board = MailboxStatusBoard()
        let poller = MailboxPoller(mailbox: MailFixtures.mailbox(batch: 6), sink: StoringInboundSink(store: temp.store),
                                   state: temp.store, board: board, connect: server.open)
        await #expect(throws: IMAPError.self) { try await poller.drain() }
        let afterCut = await board.status(of: "test/INBOX")?.messagesStored
        #expect(afterCut == 12)
        #expect(server.messages().values.filter { $0.flags == ["$Captured"] }.count == 12)
        #expect(try await poller.drain() == 28)
        #expect(await board.status(of: "test/INBOX")?.messagesStored == 40)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(try await temp.store.cursor(of: "test/INBOX")?.lastUID == 40)
    }

    @Test("A mark refused mid-pass (marks are queued, not awaited per batch): the pass fails, the next one re-marks; each message stored once")
    func refusedMark() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        server.fail("store", call: 2)
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink, mailbox: MailFixtures.mailbox(batch: 6))
        await #expect(throws: IMAPError.self) { try await poller.drain() }
        #expect(server.messages().values.contains { $0.flags.isEmpty })
        _ = try await poller.drain()
        #expect(sink.created == 40)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(try await temp.store.cursor(of: "test/INBOX")?.lastUID == 40)
    }

    @Test("A pass of several batches marks on a second session, logged out at the end of the pass; a one-batch pass opens none")
    func markLane() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<3 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink, mailbox: MailFixtures.mailbox(batch: 6))
        #expect(try await poller.drain() == 3)
        #expect(server.count("connect") == 1)
        for n in 3..<40 { server.deliver(MailFixtures.message(n)) }
        #expect(try await poller.drain() == 37)
        #expect(server.count("connect") == 3)
        try await Self.waitUntil { server.count("logout") == 3 }  // the second session's LOGOUT is not awaited
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(sink.created == 40)
    }

    @Test("By default marks wait for the pass's last batch: one session, and a refused mark leaves everything stored")
    func marksAfterTheLastBatch() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        server.fail("store", call: 1)
        let sink = CountingSink(store: temp.store)
        let mailbox = MailFixtures.mailbox(batch: 6, maxUnmarked: 20_000)
        await #expect(throws: IMAPError.self) { try await Self.poller(server, temp.store, sink, mailbox: mailbox).drain() }
        #expect(sink.created == 40, "every batch was stored before the first mark was sent")
        #expect(server.messages().values.allSatisfy { $0.flags.isEmpty })
        #expect(server.count("connect") == 1, "no second session when marks wait for the end of the pass")
        #expect(server.count("store") == 1, "40 marks in one command")
        // The rerun marks what is stored (at or below the cursor) without fetching it again.
        let restarted = CountingSink(store: temp.store)
        _ = try await Self.poller(server, temp.store, restarted, mailbox: mailbox).drain()
        #expect(restarted.handed == 0)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(try await temp.store.cursor(of: "test/INBOX")?.lastUID == 40)
    }

    @Test("The first pass on a connection reads with EXAMINE and selects read-write only for its marks, after the last batch")
    func examineUntilMarks() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        let mailbox = MailFixtures.mailbox(batch: 6, maxUnmarked: 20_000)
        #expect(try await Self.poller(server, temp.store, sink, mailbox: mailbox).drain() == 40)
        let log = server.operations
        #expect(log.filter { $0 == "examine" || $0 == "select" } == ["examine", "select", "select"],
                "drain's second pass (nothing new) selects read-write at once")
        let select = try #require(log.firstIndex(of: "select"))
        #expect(log.firstIndex(of: "examine") == 1, "right after connect")
        #expect(log.lastIndex(of: "fetch").map { $0 < select } == true, "every fetch before the read-write SELECT")
        #expect(log.firstIndex(of: "store").map { $0 > select } == true)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
    }

    @Test("Later passes on the same connection select read-write at once")
    func laterPassesSelect() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        let sink = CountingSink(store: temp.store)
        let task = Task { await Self.poller(server, temp.store, sink).run() }
        server.deliver(MailFixtures.message(1))
        try await Self.waitUntil { sink.created == 1 }
        server.deliver(MailFixtures.message(2))
        try await Self.waitUntil { sink.created == 2 }
        try await Self.waitUntil { server.messages().values.allSatisfy { $0.flags == ["$Captured"] } }
        task.cancel()
        await task.value
        let opens = server.operations.filter { $0 == "examine" || $0 == "select" }
        #expect(server.count("connect") == 1)
        #expect(opens.first == "examine")
        #expect(opens.dropFirst().allSatisfy { $0 == "select" } && opens.count >= 3)
    }

    @Test("Mail that arrives between the first pass's search and its read-write SELECT is fetched at once (IDLE would not announce it)")
    func arrivalBeforeReselect() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<3 { server.deliver(MailFixtures.message(n)) }
        server.before("select", call: 2) { server.deliver(MailFixtures.message(3)) }
        let sink = CountingSink(store: temp.store)
        let task = Task { await Self.poller(server, temp.store, sink).run() }
        try await Self.waitUntil { sink.created == 4 }
        try await Self.waitUntil { server.messages().values.allSatisfy { $0.flags == ["$Captured"] } }
        task.cancel()
        await task.value
        #expect(sink.created == 4)
        #expect(server.count("connect") == 1)
    }

    @Test("UIDVALIDITY changes between EXAMINE and the read-write SELECT (of the pass's session, or of the second one): no mark is sent; the next pass resyncs, each message stored once",
          arguments: [MarkMode.default, .move(to: "Captured")], [20_000, 5])
    func validityChangesBeforeMarks(mode: MarkMode, maxUnmarked: Int) async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<13 { server.deliver(MailFixtures.message(n)) }
        server.rebuild(before: "select", call: 2)
        let sink = CountingSink(store: temp.store)
        let mailbox = MailFixtures.mailbox(mode, batch: 5, maxUnmarked: maxUnmarked)
        let poller = Self.poller(server, temp.store, sink, mailbox: mailbox)
        await #expect(throws: IMAPError.self) { try await poller.drain() }
        #expect(server.count("connect") == (maxUnmarked == 5 ? 2 : 1))
        #expect(sink.created == 13)
        #expect(server.count("store") == 0 && server.count("move") == 0)
        #expect(server.messages().values.allSatisfy { $0.flags.isEmpty })
        #expect(try await poller.drain() == 13)
        #expect(sink.created == 13, "the resync found every message stored")
        if case .move(let target) = mode {
            #expect(server.messages().isEmpty)
            #expect(server.messages(in: target).count == 13)
        } else {
            #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        }
        #expect(try await temp.store.cursor(of: "test/INBOX")?.uidValidity == 101)
    }

    @Test("max_unmarked reached while batches follow: those marks go over the second session, the rest at the end")
    func marksWhenTooManyWait() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        let mailbox = MailFixtures.mailbox(batch: 6, maxUnmarked: 15)
        #expect(try await Self.poller(server, temp.store, sink, mailbox: mailbox).drain() == 40)
        #expect(server.count("connect") == 2)
        // 18 after three batches, 18 after six, and the last 4 when the pass ends.
        #expect(server.count("store") == 3)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
    }

    @Test("With separate_mark_session off, one session does everything")
    func oneSession() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        let sink = CountingSink(store: temp.store)
        var mailbox = MailFixtures.mailbox(batch: 6)
        mailbox.separateMarkSession = false
        let poller = Self.poller(server, temp.store, sink, mailbox: mailbox)
        #expect(try await poller.drain() == 40)
        #expect(server.count("connect") == 1)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
    }

    @Test("The server refuses the second session: the pass marks on its own session, and the poller stops asking")
    func markLaneRefused() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        server.fail("connect", call: 2)
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink, mailbox: MailFixtures.mailbox(batch: 6))
        #expect(try await poller.drain() == 40)
        #expect(server.count("connect") == 2)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        for n in 40..<60 { server.deliver(MailFixtures.message(n)) }
        #expect(try await poller.drain() == 20)
        #expect(server.count("connect") == 3)  // the second drain's own session, no lane
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(sink.created == 60)
        #expect(try await temp.store.cursor(of: "test/INBOX")?.lastUID == 60)
    }

    @Test("A mark refused on the second session fails the pass; the next one re-marks, each message stored once")
    func markRefusedOnLane() async throws {
        let server = FakeIMAPServer(), temp = try TemporaryStore()
        defer { temp.cleanup() }
        for n in 0..<40 { server.deliver(MailFixtures.message(n)) }
        server.fail("store", call: 1)
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(server, temp.store, sink, mailbox: MailFixtures.mailbox(batch: 6))
        await #expect(throws: IMAPError.self) { try await poller.drain() }
        #expect(server.count("connect") == 2)
        _ = try await poller.drain()
        #expect(sink.created == 40)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(try await temp.store.cursor(of: "test/INBOX")?.lastUID == 40)
    }

    static func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while await !condition() {
            guard ContinuousClock.now < deadline else { Issue.record("condition not met within 10 s"); return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
