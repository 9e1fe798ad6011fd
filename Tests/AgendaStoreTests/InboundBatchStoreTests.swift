import AgendaStore
import Foundation
import Testing

@Suite("InboundBatchStore")
struct InboundBatchStoreTests {
    private static func message(_ n: Int, uid: UInt32, validity: UInt32 = 9) -> InboundMessage {
        InboundMessage(raw: Data("Subject: \(n)\r\n\r\nbody \(n)\r\n".utf8),
                       source: MailboxPosition(mailbox: "a/INBOX", uidValidity: validity, uid: uid), kind: .reply,
                       receivedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    private static func makeStore() throws -> (SQLiteAgendaStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try SQLiteAgendaStore(path: directory.appendingPathComponent("a.sqlite").path), directory)
    }

    @Test("A batch stores each new message once, in order, and advances the cursor with them")
    func batch() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await store.storeInbound(Self.message(1, uid: 1), analysis: nil)
        let outcomes = try await store.storeInbound(batch: [
            (Self.message(1, uid: 1), nil), (Self.message(2, uid: 2), nil), (Self.message(2, uid: 3), nil),
            (Self.message(4, uid: 4), nil),
        ])
        #expect(outcomes.map(\.created) == [false, true, false, true])
        #expect(outcomes[0].id == first.id)
        #expect(outcomes[2].id == outcomes[1].id)
        #expect(try await store.mailboxState("a/INBOX")?.lastUID == 4)
        #expect(try await store.rawMessage(outcomes[3].id) == Self.message(4, uid: 4).raw)
    }

    @Test("A refused entry stores nothing of the batch")
    func atomic() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = MessageAnalysis(visibleText: "x", intent: nil, confidence: 2)
        await #expect(throws: AgendaStoreError.self) {
            try await store.storeInbound(batch: [(Self.message(1, uid: 1), nil), (Self.message(2, uid: 2), bad)])
        }
        #expect(try await store.mailboxState("a/INBOX") == nil)
        #expect(try await store.storeInbound(Self.message(1, uid: 1), analysis: nil).created)
    }

    @Test("An empty batch writes nothing")
    func empty() async throws {
        let (store, directory) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try await store.storeInbound(batch: []).isEmpty)
        #expect(try await store.mailboxState("a/INBOX") == nil)
    }
}
