import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// Maildir batches: a batch never mixes new/ and cur/, and its messages move from new/ to cur/ only once the whole
/// batch was handled; a failed batch stays in new/.
@Suite struct MaildirBatchTests {
    /// A Maildir with `count` messages in new/ and one in cur/.
    static func maildir(count: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-batch-\(UUID().uuidString)")
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for n in 0...count {
            let folder = n == count ? "cur" : "new"
            let name = n == count ? "1764000000.M0P1.host:2,S" : "17640001\(String(format: "%02d", n)).M\(n)P1.host"
            try PipelineFixture.mail([("From", "tom.baker@northwind.example"), ("Subject", "batch \(n)"),
                                      ("Message-ID", "<batch-\(n)@northwind.example>")], body: "About INV-10233.")
                .write(to: root.appendingPathComponent(folder).appendingPathComponent(name))
        }
        return root
    }

    @Test func batchesFollowTheFoldersAndMoveOnlyAfterTheirHandlerReturned() async throws {
        let root = try Self.maildir(count: 5)
        defer { try? FileManager.default.removeItem(at: root) }
        var sizes: [Int] = []
        let report = try await MaildirReader(root: root).read(batchSize: 2) { files in
            sizes.append(files.count)
            // Nothing of this batch has moved yet.
            for file in files where file.origin.contains("/new/") {
                #expect(FileManager.default.fileExists(atPath: file.origin))
            }
        }
        #expect(sizes == [2, 2, 1, 1] && report.read == 6 && report.moved == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("new").path).isEmpty)
    }

    struct Refused: Error {}

    @Test func aFailedBatchStaysInNew() async throws {
        let root = try Self.maildir(count: 5)
        defer { try? FileManager.default.removeItem(at: root) }
        var calls = 0
        await #expect(throws: Refused.self) {
            _ = try await MaildirReader(root: root).read(batchSize: 2) { _ in
                calls += 1
                if calls == 2 { throw Refused() }
            }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("new").path)
        #expect(left.count == 3)
    }

    @Test func theMaildirSourceStoresABatchAndMovesIt() async throws {
        let root = try Self.maildir(count: 5)
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        var source = MaildirSource(root: root)
        source.batchSize = 4
        let report = try await source.poll(into: try fixture.pipeline())
        #expect(report.read == 5 && report.moved == 5)
        var stored: [Int64] = []
        for id in Int64(1)...7 where try await fixture.store.inboundRecord(InboundMessageID(id)) != nil { stored.append(id) }
        #expect(stored == [1, 2, 3, 4, 5])
    }
}
