import Foundation
@testable import ingestd
import MailIngest

/// An in-memory IMAP server for the poller's tests: one mailbox plus folders, UIDs, keywords, and faults injected by
/// operation name and count. Sessions opened on it share its state, like connections to one server.
final class FakeIMAPServer: @unchecked Sendable {
    struct Message { var raw: Data; var flags: Set<String> }

    private let lock = NSLock()
    private var validity: UInt32 = 100
    private var nextUID: UInt32 = 1
    private var folders: [String: [UInt32: Message]] = ["INBOX": [:]]
    private var calls: [String: Int] = [:]
    private var faults: [String: Set<Int>] = [:]
    private var hooks: [String: [Int: @Sendable () -> Void]] = [:]
    private var log: [String] = []
    var capabilities: Set<String> = ["IDLE", "MOVE", "UIDPLUS"]
    /// The password every login must present.
    var password = "secret"

    func deliver(_ raw: Data, to folder: String = "INBOX") {
        lock.withLock {
            folders[folder, default: [:]][nextUID] = Message(raw: raw, flags: [])
            nextUID += 1
        }
    }

    /// Renumbers INBOX under a new UIDVALIDITY, keeping messages and flags (a mailbox rebuild).
    func rebuild() {
        lock.withLock {
            let kept = (folders["INBOX"] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            validity += 1
            folders["INBOX"] = Dictionary(uniqueKeysWithValues: kept.enumerated().map { (UInt32($0.offset + 1), $0.element) })
            nextUID = UInt32(kept.count + 1)
        }
    }

    /// Makes the `n`-th call (1-based, counted from now) of `operation` fail with a cut connection.
    func fail(_ operation: String, call n: Int) {
        lock.withLock { _ = faults[operation, default: []].insert((calls[operation] ?? 0) + n) }
    }

    /// Runs `action` just before the `n`-th call (1-based, counted from now) of `operation` is served.
    func before(_ operation: String, call n: Int, do action: @escaping @Sendable () -> Void) {
        lock.withLock { hooks[operation, default: [:]][(calls[operation] ?? 0) + n] = action }
    }

    /// Rebuilds INBOX (see ``rebuild()``) just before the `n`-th call (1-based, counted from now) of `operation`.
    func rebuild(before operation: String, call n: Int) {
        before(operation, call: n) { [unowned self] in rebuild() }
    }

    /// Every operation of every session, in order; SELECT is logged as "select" or "examine".
    var operations: [String] { lock.withLock { log } }

    func messages(in folder: String = "INBOX") -> [UInt32: Message] { lock.withLock { folders[folder] ?? [:] } }

    func count(_ operation: String) -> Int { lock.withLock { calls[operation] ?? 0 } }

    /// The next UID to be given: a session in IDLE reports a change when it moved since the session last selected or
    /// searched (as a real server's `* n EXISTS`, which it sends once).
    fileprivate var uidNext: UInt32 { lock.withLock { nextUID } }

    func open(_ settings: IMAPConnectionSettings) throws -> any IMAPMailboxSession {
        try step("connect")
        guard settings.secret == password else { throw IMAPError.authentication("NO [AUTHENTICATIONFAILED]") }
        return Session(server: self)
    }

    fileprivate func step(_ operation: String, logged: String? = nil) throws {
        let hook = try lock.withLock {
            let n = (calls[operation] ?? 0) + 1
            calls[operation] = n
            log.append(logged ?? operation)
            if faults[operation]?.contains(n) == true { throw IMAPError.connection("cut by test") }
            return hooks[operation]?[n]
        }
        hook?()
    }

    fileprivate func withState<T>(_ body: (inout [String: [UInt32: Message]], UInt32, UInt32) throws -> T) rethrows -> T {
        try lock.withLock { try body(&folders, validity, nextUID) }
    }

    private final class Session: IMAPMailboxSession {
        let server: FakeIMAPServer
        var selected = "INBOX"
        var readOnly = false
        /// The next UID when this session last selected or searched: IDLE announces only what came after.
        var toldUpTo: UInt32 = 0
        init(server: FakeIMAPServer) { self.server = server }

        var capabilities: Set<String> { server.capabilities }

        func select(_ mailbox: String, readOnly: Bool) throws -> IMAPMailboxStatus {
            try server.step("select", logged: readOnly ? "examine" : "select")
            selected = mailbox
            self.readOnly = readOnly
            toldUpTo = server.uidNext
            return server.withState { folders, validity, next in
                IMAPMailboxStatus(uidValidity: validity, uidNext: next, highestModSeq: UInt64(next) * 3,
                                  messageCount: folders[mailbox]?.count ?? 0)
            }
        }

        func searchUIDs(from first: UInt32) throws -> [UInt32] {
            try server.step("search")
            toldUpTo = server.uidNext
            return server.withState { folders, _, _ in
                let uids = (folders[selected] ?? [:]).keys.sorted()
                let found = uids.filter { $0 >= first }
                return found.isEmpty ? Array(uids.suffix(1)) : found  // `n:*` answers the highest UID when empty
            }
        }

        func fetch(uids: [UInt32]) throws -> [IMAPFetchedMessage] {
            try server.step("fetch")
            return server.withState { folders, _, _ in
                uids.sorted().compactMap { uid in
                    folders[selected]?[uid].map {
                        IMAPFetchedMessage(uid: uid, raw: $0.raw, internalDate: Date(), size: $0.raw.count)
                    }
                }
            }
        }

        func addFlags(_ flags: [String], uids: [UInt32]) throws {
            try server.step("store")
            try refuseIfReadOnly("UID STORE")
            server.withState { folders, _, _ in
                for uid in uids { folders[selected]?[uid]?.flags.formUnion(flags) }
            }
        }

        func move(uids: [UInt32], to mailbox: String) throws {
            try server.step("move")
            try refuseIfReadOnly("UID MOVE")
            server.withState { folders, _, _ in
                for uid in uids {
                    guard let message = folders[selected]?.removeValue(forKey: uid) else { continue }
                    let target = (folders[mailbox]?.keys.max() ?? 0) + 1
                    folders[mailbox, default: [:]][target] = message
                }
            }
        }

        func idle(timeout: Duration) throws -> Bool {
            try server.step("idle")
            Thread.sleep(forTimeInterval: 0.01)
            return server.uidNext != toldUpTo
        }

        func logout() { try? server.step("logout") }

        /// As a server answers a change to a mailbox opened with EXAMINE (RFC 9051 section 6.3.3).
        private func refuseIfReadOnly(_ command: String) throws {
            if readOnly { throw IMAPError.command(name: command, response: "NO [READ-ONLY] mailbox opened read-only") }
        }
    }
}
