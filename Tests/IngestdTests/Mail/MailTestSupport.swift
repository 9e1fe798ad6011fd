import AgendaStore
import Foundation
@testable import ingestd
import MailIngest

/// A sink over a real store that counts what it was handed and what the store created.
final class CountingSink: InboundSink, @unchecked Sendable {
    let inner: StoringInboundSink
    private let lock = NSLock()
    private(set) var handed = 0
    private(set) var created = 0

    init(store: SQLiteAgendaStore) { inner = StoringInboundSink(store: store, analyze: false) }

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        let stored = try await inner.accept(raw: raw, source: source, receivedAt: receivedAt)
        lock.withLock {
            handed += 1
            if stored.created { created += 1 }
        }
        return stored
    }
}

/// A temporary store file, removed with its directory by `cleanup()`.
struct TemporaryStore {
    let directory: URL
    let store: SQLiteAgendaStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imap-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteAgendaStore(path: directory.appendingPathComponent("agenda.sqlite").path)
    }

    func cleanup() { try? FileManager.default.removeItem(at: directory) }
}

enum MailFixtures {
    /// A small distinct message.
    static func message(_ n: Int, size: Int = 0) -> Data {
        var text = "From: Customer \(n) <c\(n)@example.test>\r\nTo: replies@example.test\r\n"
            + "Subject: Re: invoice \(n)\r\nMessage-ID: <m\(n)@example.test>\r\n"
            + "Date: Sun, 29 Nov 2026 06:00:00 +0000\r\n\r\nI paid invoice INV-\(n) yesterday.\r\n"
        while text.utf8.count < size { text += "Regards, and thanks for the reminder about the open amount.\r\n" }
        return Data(text.utf8)
    }

    static func settings(password: String = "secret", port: UInt16 = 143) -> IMAPConnectionSettings {
        IMAPConnectionSettings(host: "127.0.0.1", port: port, security: .plain, auth: .login, user: "alice",
                               secret: password, caFile: nil, allowInvalidCertificates: false, timeout: .seconds(5))
    }

    /// A mailbox polled in batches of `batch`. Its marks are sent after each batch unless `maxUnmarked` says
    /// otherwise (the product's default holds them until the pass ends; most tests here are about marks mid-pass).
    static func mailbox(_ mark: MarkMode = .default, batch: Int = 7, settings: IMAPConnectionSettings = settings(),
                        idle: Bool = true, maxUnmarked: Int? = nil) -> PolledMailbox {
        PolledMailbox(key: "test/INBOX", mailbox: "INBOX", account: settings, markMode: mark, batchSize: batch,
                      waitPolicy: WaitPolicy(useIdle: idle, pollInterval: .milliseconds(50)),
                      maxUnmarked: maxUnmarked ?? batch)
    }
}

/// Counts UID SEARCH commands (a lock: the session thread writes, the test reads).
final class SearchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}

/// A real session whose SELECT answers lose UIDNEXT (as some servers send them), counting searches: only
/// HIGHESTMODSEQ can then tell that nothing is new.
final class WithoutUIDNext: IMAPMailboxSession {
    let base: any IMAPMailboxSession
    let searches: SearchCounter
    init(_ base: any IMAPMailboxSession, _ searches: SearchCounter) { self.base = base; self.searches = searches }
    var capabilities: Set<String> { base.capabilities }
    func select(_ mailbox: String, readOnly: Bool) throws -> IMAPMailboxStatus {
        var status = try base.select(mailbox, readOnly: readOnly)
        status.uidNext = nil
        return status
    }
    func searchUIDs(from first: UInt32) throws -> [UInt32] {
        searches.add()
        return try base.searchUIDs(from: first)
    }
    func fetch(uids: [UInt32]) throws -> [IMAPFetchedMessage] { try base.fetch(uids: uids) }
    func addFlags(_ flags: [String], uids: [UInt32]) throws { try base.addFlags(flags, uids: uids) }
    func move(uids: [UInt32], to mailbox: String) throws { try base.move(uids: uids, to: mailbox) }
    func idle(timeout: Duration) throws -> Bool { try base.idle(timeout: timeout) }
    func logout() { base.logout() }
}
