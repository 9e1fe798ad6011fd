import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// Raw message bytes: new rows are zstd frames, rows written before migration 13 (DEFLATE) still read.
@Suite struct RawCompressionTests {
    static let raw = Data(String(repeating: "From: a@b.example\r\nSubject: Re: F-100\r\n\r\nWe pay Friday.\r\n", count: 40).utf8)

    @Test func newRowsAreZstdAndOldDeflateRowsStillRead() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let stored = try await store.storeInbound(InboundMessage(raw: Self.raw, kind: .reply, receivedAt: Date()),
                                                  analysis: nil)
        let (compression, size) = try await store.pool.read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT compression, length(raw) AS size FROM inboundRaw WHERE messageId = ?
                """, arguments: [stored.id.rawValue]))
            return (row["compression"] as String, row["size"] as Int)
        }
        #expect(compression == "zstd")
        #expect(size < Self.raw.count / 10)
        #expect(try await store.rawMessage(stored.id) == Self.raw)

        // A row as the store wrote it before: DEFLATE in the zlib wrapper.
        let old = try await store.storeInbound(InboundMessage(raw: Data("old".utf8) + Self.raw, kind: .reply,
                                                              receivedAt: Date()), analysis: nil)
        let deflated = try #require(Deflate.compress(Data("old".utf8) + Self.raw))
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE inboundRaw SET compression = 'deflate', raw = ? WHERE messageId = ?",
                           arguments: [deflated, old.id.rawValue])
        }
        #expect(try await store.rawMessage(old.id) == Data("old".utf8) + Self.raw)

        // Bytes that do not decompress are an error, not other bytes.
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE inboundRaw SET raw = X'00010203' WHERE messageId = ?",
                           arguments: [stored.id.rawValue])
        }
        await #expect(throws: AgendaStoreError.self) { try await store.rawMessage(stored.id) }
    }
}
