import AgendaStore
import Foundation
@testable import ingestd
import MailIngest
import TestServers
import Testing

/// The poller against a real Dovecot on loopback through the libetpan session (TEST-SERVERS.md).
@Suite("MailboxPoller (Dovecot)", .serialized, .enabled(if: IMAPConnector.isAvailable, "needs the libetpan IMAP session"))
struct MailboxPollerDovecotTests {
    static func settings(_ server: DovecotServer, port: UInt16? = nil, password: String = "secret",
                         security: MailboxConfiguration.Account.Security = .plain,
                         caFile: String? = nil) -> IMAPConnectionSettings {
        IMAPConnectionSettings(host: "127.0.0.1", port: port ?? server.imapPort, security: security, auth: .login,
                               user: "alice", secret: password, caFile: caFile, allowInvalidCertificates: false,
                               timeout: .seconds(5))
    }

    static func poller(_ mailbox: PolledMailbox, sink: any InboundSink, store: SQLiteAgendaStore,
                       board: MailboxStatusBoard = .init()) -> MailboxPoller {
        MailboxPoller(mailbox: mailbox, sink: sink, state: store, board: board, connect: IMAPConnector.connect,
                      backoff: ReconnectBackoff(base: .milliseconds(50), maximum: .milliseconds(200)),
                      idleSlice: .seconds(1))
    }

    static func count(_ server: DovecotServer, _ query: [String], mailbox: String = "INBOX") throws -> Int {
        let output = try server.doveadm(["search", "-u", "alice", "mailbox", mailbox] + query).output
        return output.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }

    @Test("New mail captured exactly once and marked $Captured; a second drain fetches nothing")
    func keyword() async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        try server.dropIntoMaildir((0..<120).map { MailFixtures.message($0, size: 2000) }, user: "alice")
        try server.deliver(MailFixtures.message(500), to: "alice")
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(MailFixtures.mailbox(batch: 50, settings: Self.settings(server)), sink: sink,
                                 store: temp.store)
        #expect(try await poller.drain() == 121)
        #expect(try await poller.drain() == 0)
        #expect(sink.created == 121 && sink.handed == 121)
        #expect(try Self.count(server, ["KEYWORD", "$Captured"]) == 121)
        #expect(try Self.count(server, ["UNKEYWORD", "$Captured"]) == 0)
        #expect(try Self.count(server, ["SEEN"]) == 0)  // BODY.PEEK leaves \Seen alone
    }

    @Test("CONDSTORE: with HIGHESTMODSEQ unchanged a pass skips UID SEARCH, even when UIDNEXT is not given")
    func modSeqSkipsSearch() async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        try server.dropIntoMaildir((0..<5).map { MailFixtures.message($0, size: 500) }, user: "alice")
        let searches = SearchCounter()
        var poller = Self.poller(MailFixtures.mailbox(batch: 50, settings: Self.settings(server)),
                                 sink: CountingSink(store: temp.store), store: temp.store)
        poller.connect = { settings in WithoutUIDNext(try IMAPConnector.connect(settings), searches) }
        // The drain's first pass fetches and marks (the marks move HIGHESTMODSEQ); its second finds nothing new and
        // stores the server's HIGHESTMODSEQ with the cursor.
        #expect(try await poller.drain() == 5)
        let cursor = try #require(try await temp.store.cursor(of: "test/INBOX"))
        #expect(cursor.highestModSeq != nil)
        let thread = SessionThread(label: "test")
        let connect = poller.connect, settings = poller.mailbox.account
        let box = try await thread.run { SessionBox(try connect(settings)) }
        let before = searches.count
        let idle = try await poller.pass(box, thread: thread, marksReconciled: true)
        #expect(idle.upToDate && idle.fetched == 0)
        #expect(searches.count == before)  // the same HIGHESTMODSEQ in SELECT: no SEARCH
        try server.deliver(MailFixtures.message(77), to: "alice")
        let next = try await poller.pass(box, thread: thread, marksReconciled: true)
        #expect(next.fetched == 1)
        #expect(searches.count == before + 1)
        try await thread.run { box.session.logout() }
    }

    @Test("Move mode empties the mailbox into the target; seen mode sets \\Seen", arguments: ["move", "seen"])
    func modes(mode: String) async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        try server.createMailbox("Captured", user: "alice")
        try server.dropIntoMaildir((0..<30).map { MailFixtures.message($0) }, user: "alice")
        let markMode: MarkMode = mode == "move" ? .move(to: "Captured") : .seen
        let sink = CountingSink(store: temp.store)
        // The product's default: the 30 marks wait for the pass's last batch and go as one command.
        let poller = Self.poller(MailFixtures.mailbox(markMode, batch: 8, settings: Self.settings(server),
                                                      maxUnmarked: 20_000), sink: sink, store: temp.store)
        _ = try await poller.drain()
        #expect(sink.created == 30)
        if mode == "move" {
            #expect(try Self.count(server, ["ALL"]) == 0)
            #expect(try Self.count(server, ["ALL"], mailbox: "Captured") == 30)
        } else {
            #expect(try Self.count(server, ["SEEN"]) == 30)
        }
    }

    @Test("UIDVALIDITY change (doveadm): full resync stores nothing twice and re-marks")
    func uidValidityChange() async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        try server.dropIntoMaildir((0..<40).map { MailFixtures.message($0) }, user: "alice")
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(MailFixtures.mailbox(batch: 16, settings: Self.settings(server)), sink: sink,
                                 store: temp.store)
        _ = try await poller.drain()
        let newValidity = try server.changeUIDValidity(user: "alice")
        try server.deliver(MailFixtures.message(77), to: "alice")
        #expect(try await poller.drain() == 41)
        #expect(sink.created == 41)
        #expect(try await temp.store.cursor(of: "test/INBOX")?.uidValidity == newValidity)
        #expect(try Self.count(server, ["UNKEYWORD", "$Captured"]) == 0)
    }

    @Test("Connection cut mid-FETCH through the proxy: the next pass completes, each message stored once")
    func cutMidFetch() async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        let proxy = try TCPProxy(targetPort: server.imapPort)
        defer { proxy.stop() }
        try server.dropIntoMaildir((0..<200).map { MailFixtures.message($0, size: 3000) }, user: "alice")
        proxy.cutAfter(serverBytes: 250_000)
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(MailFixtures.mailbox(batch: 100, settings: Self.settings(server, port: proxy.port)),
                                 sink: sink, store: temp.store)
        await #expect(throws: IMAPError.self) { try await poller.drain() }
        #expect(sink.created < 200)
        proxy.cutAfter(serverBytes: nil)
        _ = try await poller.drain()
        #expect(sink.created == 200)
        #expect(try Self.count(server, ["KEYWORD", "$Captured"]) == 200)
    }

    @Test("The run loop survives a server restart and picks up mail delivered after it; IDLE wakes it under 2 s")
    func restartAndIdle() async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        let sink = CountingSink(store: temp.store), board = MailboxStatusBoard()
        let poller = Self.poller(MailFixtures.mailbox(settings: Self.settings(server)), sink: sink, store: temp.store,
                                 board: board)
        let task = Task { await poller.run() }
        defer { task.cancel() }
        try await MailboxPollerTests.waitUntil { await board.status(of: "test/INBOX")?.phase == .idling }
        let sent = ContinuousClock.now
        try server.deliver(MailFixtures.message(1), to: "alice")
        try await MailboxPollerTests.waitUntil { sink.created == 1 }
        let wake = ContinuousClock.now - sent
        #expect(wake < .seconds(2))
        try server.restart()
        try server.deliver(MailFixtures.message(2), to: "alice")
        try await MailboxPollerTests.waitUntil { sink.created == 2 }
        // The pass that stored message 2 records its success after marking it: wait for it before stopping.
        try await MailboxPollerTests.waitUntil { await board.status(of: "test/INBOX")?.consecutiveFailures == 0 }
        task.cancel()
        await task.value
        #expect(try Self.count(server, ["KEYWORD", "$Captured"]) == 2)
        #expect(await board.status(of: "test/INBOX")?.consecutiveFailures == 0)
    }

    @Test("A backlog is marked over a second session, logged out when the pass ends; IDLE then wakes under 2 s",
          arguments: ["keyword", "move"])
    func backlogThenIdle(mode: String) async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        try server.createMailbox("Captured", user: "alice")
        try server.dropIntoMaildir((0..<60).map { MailFixtures.message($0) }, user: "alice")
        let markMode: MarkMode = mode == "move" ? .move(to: "Captured") : .default
        let sink = CountingSink(store: temp.store), board = MailboxStatusBoard()
        let poller = Self.poller(MailFixtures.mailbox(markMode, batch: 10, settings: Self.settings(server)), sink: sink,
                                 store: temp.store, board: board)
        let task = Task { await poller.run() }
        defer { task.cancel() }
        try await MailboxPollerTests.waitUntil { await board.status(of: "test/INBOX")?.phase == .idling }
        #expect(sink.created == 60)
        try await MailboxPollerTests.waitUntil { (try? Self.imapSessions(server)) == 1 }
        let sent = ContinuousClock.now
        try server.deliver(MailFixtures.message(100), to: "alice")
        try await MailboxPollerTests.waitUntil { sink.created == 61 }
        #expect(ContinuousClock.now - sent < .seconds(2))
        let marked: @Sendable () -> Int = {
            (try? mode == "move" ? Self.count(server, ["ALL"], mailbox: "Captured") : Self.count(server, ["KEYWORD", "$Captured"])) ?? -1
        }
        try await MailboxPollerTests.waitUntil { marked() == 61 }
        task.cancel()
        await task.value
        #expect(marked() == 61)
        #expect(try Self.count(server, ["ALL"]) == (mode == "move" ? 0 : 61))
        #expect(sink.created == 61)
    }

    @Test("One IMAP connection allowed per user: the second session is refused, marks stay on the first, all captured")
    func oneConnectionAllowed() async throws {
        let server = try DovecotServer(maxConnectionsPerUser: 1), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        try server.dropIntoMaildir((0..<30).map { MailFixtures.message($0) }, user: "alice")
        let sink = CountingSink(store: temp.store)
        let poller = Self.poller(MailFixtures.mailbox(batch: 8, settings: Self.settings(server)), sink: sink,
                                 store: temp.store)
        #expect(try await poller.drain() == 30)
        #expect(!poller.markLanes.isAllowed)
        #expect(sink.created == 30)
        #expect(try Self.count(server, ["KEYWORD", "$Captured"]) == 30)
    }

    /// IMAP connections Dovecot holds for alice (`doveadm who -1`: one line per connection).
    static func imapSessions(_ server: DovecotServer) throws -> Int {
        try server.doveadm(["who", "-1", "alice"]).output.split(separator: "\n").filter { $0.contains("imap") }.count
    }

    @Test("Wrong password and refused certificate: clear errors that need attention",
          arguments: ["password", "certificate"])
    func configurationErrors(kind: String) async throws {
        let server = try DovecotServer(), temp = try TemporaryStore()
        defer { server.stop(); temp.cleanup() }
        let settings = kind == "password"
            ? Self.settings(server, password: "wrong")
            : Self.settings(server, port: server.imapsPort, security: .tls, caFile: nil)  // test CA not trusted
        let board = MailboxStatusBoard()
        let poller = Self.poller(MailFixtures.mailbox(settings: settings), sink: CountingSink(store: temp.store),
                                 store: temp.store, board: board)
        let task = Task { await poller.run() }
        try await MailboxPollerTests.waitUntil { await board.status(of: "test/INBOX")?.lastError != nil }
        task.cancel()
        await task.value
        let status = try #require(await board.status(of: "test/INBOX"))
        #expect(status.needsAttention)
        let expected = kind == "password" ? "authentication failed" : "certificate or TLS refused"
        #expect(status.lastError?.hasPrefix(expected) == true, "\(status.lastError ?? "")")
        #expect(status.lastError?.contains("wrong") == false)
    }
}
