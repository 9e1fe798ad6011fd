import MailIngest
import Testing

/// Drives ``MailboxSyncPass`` against an in-memory mailbox and store, crashing at random steps, and checks that every
/// message ends up stored once and marked: the exactly-once argument without a server.
@Suite("MailboxSyncPass simulation")
struct MailboxSyncSimulationTests {
    /// The server: one mailbox, UIDs to (content, flagged), plus a target folder for move mode.
    struct Server {
        var validity: UInt32 = 1
        var nextUID: UInt32 = 1
        var messages: [UInt32: (content: Int, flagged: Bool)] = [:]
        var moved: [Int] = []

        mutating func deliver(_ content: Int) {
            messages[nextUID] = (content, false)
            nextUID += 1
        }

        /// A mailbox rebuild: same messages, new UIDVALIDITY, UIDs renumbered from 1, flags kept.
        mutating func rebuild() {
            let kept = messages.sorted { $0.key < $1.key }.map(\.value)
            validity += 1
            messages = [:]
            for (index, message) in kept.enumerated() { messages[UInt32(index + 1)] = message }
            nextUID = UInt32(kept.count + 1)
        }

        var status: IMAPMailboxStatus {
            IMAPMailboxStatus(uidValidity: validity, uidNext: nextUID, highestModSeq: nil, messageCount: messages.count)
        }
    }

    /// The store: contents with how often each was written, and the cursor (advanced with each created message).
    struct Store {
        var writes: [Int: Int] = [:]
        var cursor: MailboxCursor?

        mutating func store(_ content: Int, validity: UInt32, uid: UInt32) {
            guard writes[content] == nil else { return }  // deduplicated by content: nothing written
            writes[content] = 1
            advance(MailboxCursor(uidValidity: validity, lastUID: uid))
        }

        mutating func advance(_ to: MailboxCursor) {
            if let cursor, cursor.uidValidity == to.uidValidity, cursor.lastUID >= to.lastUID { return }
            cursor = to
        }
    }

    struct Crash: Error {}

    /// Runs passes until one completes without a crash, crashing with probability `crashRate` before each step.
    static func syncUntilDone(_ server: inout Server, _ store: inout Store, mode: MarkMode, batchSize: Int,
                              crashRate: Double, random: inout some RandomNumberGenerator) -> Int {
        var crashes = 0
        var reconciled = false
        while true {
            do {
                var pass = MailboxSyncPass(stored: store.cursor, status: server.status, batchSize: batchSize,
                                           marksReconciled: reconciled, markMode: mode)
                var action = pass.start()
                func step() throws { if Double.random(in: 0..<1, using: &random) < crashRate { throw Crash() } }
                loop: while true {
                    try step()
                    switch action {
                    case .search(let from):
                        action = pass.searched(server.messages.keys.filter { $0 >= from } + [server.nextUID - 1])
                    case .fetch(let uids):
                        var present: [UInt32] = []
                        for uid in uids {
                            guard let message = server.messages[uid] else { continue }
                            try step()
                            store.store(message.content, validity: server.validity, uid: uid)
                            present.append(uid)
                        }
                        store.advance(pass.currentCursor)
                        action = pass.stored(present)
                    case .mark(let uids):
                        for uid in uids {
                            guard let message = server.messages[uid] else { continue }
                            if case .move = mode {
                                server.messages[uid] = nil
                                server.moved.append(message.content)
                            } else {
                                server.messages[uid]?.flagged = true
                            }
                        }
                        action = pass.marked()
                    case .finished(let outcome):
                        store.advance(outcome.cursor)
                        break loop
                    }
                }
                return crashes
            } catch {
                crashes += 1
                reconciled = false  // a new process knows nothing
            }
        }
    }

    @Test("Random crashes, a rebuild and more deliveries: every message stored once and marked",
          arguments: [(MarkMode.default, 1, UInt64(1)), (.default, 7, 2), (.seen, 50, 3), (.move(to: "Done"), 1, 4),
                      (.move(to: "Done"), 7, 5), (.move(to: "Done"), 50, 6)])
    func crashes(mode: MarkMode, batchSize: Int, seed: UInt64) {
        var random = SplitMix64(state: seed)
        var server = Server(), store = Store()
        var crashes = 0
        var content = 0
        for round in 0..<40 {
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                server.deliver(content)
                content += 1
            }
            if round == 20 { server.rebuild() }
            crashes += Self.syncUntilDone(&server, &store, mode: mode, batchSize: batchSize, crashRate: 0.05,
                                          random: &random)
        }
        #expect(crashes > 10)
        #expect(store.writes.count == content)
        if case .move = mode {
            #expect(server.messages.isEmpty)
            #expect(Set(server.moved) == Set(0..<content))
            #expect(server.moved.count == content)
        } else {
            #expect(server.messages.count == content)
            #expect(server.messages.values.filter { !$0.flagged }.isEmpty)
        }
        #expect(store.cursor == MailboxCursor(uidValidity: server.validity, lastUID: server.nextUID - 1))
    }
}
