import Foundation
import Testing
import MailIngest
import TestServers

/// SELECT, SEARCH, FETCH, STORE and MOVE of ``IMAPSession`` against a private Dovecot.
@Suite struct IMAPSessionMailboxTests {
    @Test func selectReportsUIDValidityModSeqAndCounts() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        try server.dropIntoMaildir((1...3).map { IMAPTestSupport.message($0) }, user: "alice")
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        let status = try session.select("INBOX", readOnly: false)
        #expect(status.uidValidity == (try server.uidValidity(user: "alice")))
        #expect(status.messageCount == 3)
        #expect(status.uidNext == 4)
        #expect((status.highestModSeq ?? 0) > 0)
        let examined = try session.select("INBOX", readOnly: true)
        #expect(examined.uidValidity == status.uidValidity)
        #expect(examined.messageCount == 3)
    }

    @Test func searchAndFetchReturnExactBytes() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let messages = (1...5).map { IMAPTestSupport.message($0, size: 300 * $0) }
        let received = Date(timeIntervalSince1970: 1_790_000_000)
        try server.dropIntoMaildir(messages, user: "alice", internalDate: received)
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        #expect(try session.searchUIDs(from: 1) == [1, 2, 3, 4, 5])
        #expect(try session.searchUIDs(from: 4) == [4, 5])
        let fetched = try session.fetch(uids: [5, 2, 3, 9])
        #expect(fetched.map(\.uid) == [2, 3, 5])
        for message in fetched {
            #expect(message.raw == messages[Int(message.uid) - 1])
            #expect(message.size == message.raw.count)
            #expect(message.internalDate == received)
        }
        #expect(try IMAPTestSupport.flags(server).values.allSatisfy { !$0.contains("\\Seen") }, "PEEK set \\Seen")
    }

    @Test func lmtpDeliveredMessageFetchesWithCRLF() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let raw = IMAPTestSupport.message(7)
        try server.deliver(raw, to: "alice")
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: true)
        let fetched = try #require(try session.fetch(uids: [1]).first)
        let text = String(decoding: fetched.raw, as: UTF8.self)
        #expect(text.hasSuffix(String(decoding: raw, as: UTF8.self)), "delivered body differs")
    }

    @Test func keywordAndSeenAreVisibleAfterStore() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        try server.dropIntoMaildir((1...4).map { IMAPTestSupport.message($0) }, user: "alice")
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        try session.addFlags(["$Captured"], uids: [1, 2, 4])
        try session.addFlags(["\\Seen"], uids: [2])
        let flags = try IMAPTestSupport.flags(server)
        #expect(flags[1]?.contains("$Captured") == true)
        #expect(flags[2]?.contains("$Captured") == true && flags[2]?.contains("\\Seen") == true)
        #expect(flags[3]?.contains("$Captured") == false)
        #expect(flags[4]?.contains("$Captured") == true)
        #expect(throws: IMAPError.self) { try session.addFlags(["bad flag"], uids: [1]) }
    }

    /// MOVE when offered; COPY + \Deleted + UID EXPUNGE when the server does not announce MOVE.
    @Test(arguments: [true, false])
    func moveToAnotherFolder(serverOffersMove: Bool) throws {
        let server = try DovecotServer(imapCapability: serverOffersMove ? nil
            : "IMAP4rev1 LITERAL+ SASL-IR ENABLE IDLE UIDPLUS CONDSTORE")
        defer { server.stop() }
        let messages = (1...4).map { IMAPTestSupport.message($0) }
        try server.dropIntoMaildir(messages, user: "alice")
        try server.createMailbox("Captured", user: "alice")
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        #expect(session.capabilities.contains("MOVE") == serverOffersMove)
        _ = try session.select("INBOX", readOnly: false)
        try session.addFlags(["\\Deleted"], uids: [4])  // another client's deletion: must survive UID EXPUNGE
        try session.move(uids: [1, 3], to: "Captured")
        #expect(try session.searchUIDs(from: 1) == [2, 4])
        let target = try session.select("Captured", readOnly: true)
        #expect(target.messageCount == 2)
        let moved = try session.fetch(uids: try session.searchUIDs(from: 1))
        #expect(moved.map(\.raw) == [messages[0], messages[2]])
        #expect(try IMAPTestSupport.flags(server, mailbox: "Captured").values.allSatisfy { !$0.contains("Deleted") })
    }

    /// 2,000 messages of about 4 KB in one UID FETCH: all come back intact; the rate is printed.
    @Test(arguments: [IMAPAccountSettings.Security.plain, .tls])
    func fetchTwoThousandInOneBatch(security: IMAPAccountSettings.Security) throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let messages = (1...2000).map { IMAPTestSupport.message($0, size: 4096) }
        try server.dropIntoMaildir(messages, user: "alice")
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server, security: security,
                                                                       timeout: .seconds(30)))
        defer { session.logout() }
        #expect(try session.select("INBOX", readOnly: false).messageCount == 2000)
        let uids = try session.searchUIDs(from: 1)
        _ = try session.fetch(uids: [1])  // Dovecot indexes and caches on first access
        let clock = ContinuousClock()
        var fetched: [IMAPFetchedMessage] = []
        let elapsed = try clock.measure { fetched = try session.fetch(uids: uids) }
        #expect(fetched.count == 2000)
        #expect(fetched.map(\.raw) == messages)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let bytes = fetched.reduce(0) { $0 + $1.raw.count }
        print("IMAP fetch (\(security)): 2000 messages, \(bytes) bytes in \(String(format: "%.3f", seconds)) s = \(Int(2000 / seconds)) msg/s")
        #expect(seconds < 10)
    }
}
