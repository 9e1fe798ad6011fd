import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// The demo's seeding helpers: relative dates in the CSV files, the configuration it writes (valid for `serve`,
/// with the Maildir section), seeding once, generated secrets.
@Suite struct DemoSeederTests {
    static func seeder() -> DemoSeeder {
        var seeder = DemoSeeder(samples: TestPaths.packageRoot.appendingPathComponent("samples"),
                                dataDirectory: URL(fileURLWithPath: "/tmp/demo \"quoted\""), port: 8099)
        seeder.today = Day(iso: "2026-11-18")!
        return seeder
    }

    @Test(arguments: [("due {today-30};x", "due 2026-10-19;x"), ("{today+2}", "2026-11-20"), ("{today}", "2026-11-18"),
                      ("{today-x} and {today-1}", "{today-x} and 2026-11-17"), ("no dates", "no dates")])
    func relativeDatesBecomeISODates(input: String, expected: String) {
        #expect(Self.seeder().resolveDates(input) == expected)
    }

    @Test func theConfigurationLoadsWithTheMaildirSection() throws {
        let text = Self.seeder().configurationText()
        let file = try ConfigurationFile.parse(text, environment: [:])
        #expect(file.serve.listen.port == 8099 && file.serve.listen.host == "127.0.0.1")
        #expect(file.serve.dataDirectory == "/tmp/demo \"quoted\"")
        #expect(file.serve.sessionKeyFile == "/tmp/demo \"quoted\"/server.key")
        let section = try #require(try file.section("maildirs", as: MaildirSection.self))
        #expect(section.entries == [MaildirSection.Entry(name: "demo", path: "/tmp/demo \"quoted\"/maildir",
                                                         intervalSeconds: 5, batchSize: nil)])
    }

    @Test func seedingHappensOnceAndImportsEveryDemoRow() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-seed-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        var seeder = Self.seeder()
        seeder.dataDirectory = directory
        seeder.bcryptCost = 4
        let setup = try await seeder.seed(password: "a demo password")
        #expect(setup.seeded && setup.messages == 9)
        let again = try await seeder.seed(password: "another password")
        #expect(!again.seeded && again.messages == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("maildir/new").path)
        #expect(names.count == 9, "the second run places nothing twice")
        let key = try Data(contentsOf: directory.appendingPathComponent("server.key"))
        #expect(key.count == 64)
        let store = try SQLiteAgendaStore(path: directory.appendingPathComponent("ingestd.sqlite").path)
        let yamada = try #require(try await store.customer(externalKey: "C8018"))
        #expect(yamada.name == "山田商事株式会社" && yamada.language == "ja")
        #expect(try await store.items(of: yamada.id).map(\.dueDate) == [Day(iso: "2026-11-01")!])
        #expect(try await store.item(number: "F-121")?.openAmount.minorUnits == 38_040)
        #expect(try await store.captureToken(for: try #require(try await store.customer(externalKey: "C1042")).id) == "c1042")
    }

    @Test func generatedPasswordsAreLongAndDiffer() {
        let a = RandomKey.password(), b = RandomKey.password()
        #expect(a.count == 19 && a != b && a.split(separator: "-").count == 4)
    }
}
