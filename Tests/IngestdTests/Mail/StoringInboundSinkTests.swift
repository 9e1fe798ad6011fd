import AgendaStore
import Foundation
@testable import ingestd
import MailIngest
import Testing

/// The sink of `ingestd poll`: its warm-up leaves nothing behind, and a store still being opened while the
/// mailboxes connect (``OpeningStore``) gets every message once, or fails with the opening's own error.
@Suite("StoringInboundSink and OpeningStore")
struct StoringInboundSinkTests {
    @Test("The warm-up analyses and rehearses the sample messages and stores nothing")
    func warmUpStoresNothing() async throws {
        let temp = try TemporaryStore()
        defer { temp.cleanup() }
        let sink = StoringInboundSink(store: temp.store)
        await sink.warmUp()
        await sink.warmUp()
        for id in 1...3 { #expect(try await temp.store.rawMessage(InboundMessageID(Int64(id))) == nil) }
        // The sample messages are still new to the store afterwards.
        let stored = try await sink.accept(batch: RehearsalMessages.all.map { (raw: $0, source: nil, receivedAt: Date()) })
        #expect(stored.map(\.created) == [true, true, true])
        #expect(stored.map(\.id.rawValue) == [1, 2, 3])
    }

    @Test("The rehearsal messages are a reply, an auto-reply and a bounce to the detector")
    func rehearsalMessagesCoverTheKinds() {
        let kinds = RehearsalMessages.all.map { MessageAnalyzer().detect($0).detection.kind.rawValue }
        #expect(kinds == ["reply", "auto_reply", "bounce"])
    }

    @Test("Pollers over a store opened meanwhile store every message once, and nothing of the warm-up")
    func openingStoreWhileConnecting() async throws {
        let server = FakeIMAPServer()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for n in 0..<30 { server.deliver(MailFixtures.message(n)) }
        let opening = OpeningStore(path: directory.appendingPathComponent("agenda.sqlite").path)
        let pollers = MailPollers(mailboxes: [MailFixtures.mailbox()], sink: StoringInboundSink(opening: opening),
                                  state: opening, board: MailboxStatusBoard(), connect: server.open)
        #expect(try await pollers.drainAll() == ["test/INBOX": 30])
        let store = try await opening.store
        #expect(try await store.cursor(of: "test/INBOX")?.lastUID == 30)
        for id in [1, 30] { #expect(try await store.rawMessage(InboundMessageID(Int64(id))) != nil) }
        #expect(try await store.rawMessage(InboundMessageID(31)) == nil)
        #expect(server.messages().values.allSatisfy { $0.flags == ["$Captured"] })
        #expect(await opening.failure == nil)
    }

    @Test("A store that cannot be opened fails the drain, and the opening's error is kept")
    func openingFailureIsReported() async throws {
        let server = FakeIMAPServer()
        for n in 0..<3 { server.deliver(MailFixtures.message(n)) }
        let opening = OpeningStore(path: "/nonexistent-\(UUID().uuidString)/agenda.sqlite")
        let pollers = MailPollers(mailboxes: [MailFixtures.mailbox()], sink: StoringInboundSink(opening: opening),
                                  state: opening, board: MailboxStatusBoard(), connect: server.open)
        await #expect(throws: (any Error).self) { try await pollers.drainAll() }
        #expect(await opening.failure != nil)
        #expect(server.messages().values.allSatisfy { $0.flags.isEmpty })
    }
}
