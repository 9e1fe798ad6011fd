import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// One writer, many readers: readers see all or nothing of an import and are not blocked by it; racing planners
/// (two connections pools on one file, and tasks on one store) create no duplicates.
@Suite struct ConcurrencyTests {
    static func customersCSV(_ count: Int) -> String {
        "key,name,scenario\n" + (0..<count).map { "C\($0),Customer \($0),standard\n" }.joined()
    }

    static func itemsCSV(_ count: Int, customers: Int) -> String {
        "key,customer_key,issue_date,due_date,amount\n"
            + (0..<count).map { "F-\($0),C\($0 % customers),2026-09-01,2026-10-01,\($0 % 997).50\n" }.joined()
    }

    static func scenario(_ store: any AgendaStore) async throws {
        _ = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
            ScenarioStep(dayOffset: 3, channel: .email, mode: .automatic, template: "r1"),
        ]))
    }

    @Test("The writer syncs every commit (synchronous FULL; GRDB's WAL default NORMAL may lose the last commits on power loss)")
    func writerSyncsEveryCommit() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let level = try await store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
        #expect(try await store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func readersSeeAllOrNothingOfALongImportAndAreNotBlocked() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        try await Self.scenario(store)
        _ = try await store.importCSV(Data(Self.customersCSV(1).utf8), configuration: .identity(.customers), at: Date())
        let customer = try #require(try await store.customer(externalKey: "C0")).id
        let count = 15_000
        let csv = Data(Self.itemsCSV(count, customers: 1).utf8)
        let importDone = ManagedAtomicFlag()
        let importer = Task {
            defer { importDone.set() }
            return try await store.importCSV(csv, configuration: .identity(.items), at: Date())
        }
        let results = try await withThrowingTaskGroup(of: (seen: Set<Int>, during: Int).self) { group in
            for _ in 0..<6 {
                group.addTask {
                    var seen = Set<Int>(), during = 0
                    repeat {
                        let n = try await store.pool.read { db in
                            try Int.fetchOne(db, sql: "SELECT count(*) FROM item WHERE customerId = ?",
                                             arguments: [customer.rawValue])!
                        }
                        seen.insert(n)
                        if !importDone.isSet { during += 1 }
                        _ = try await store.automaticActions(AgendaQuery(today: Day(iso: "2026-11-18")!))
                    } while !importDone.isSet
                    return (seen, during)
                }
            }
            var all: [(seen: Set<Int>, during: Int)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let report = try await importer.value
        #expect(report.committed && report.inserted == count)
        let seen = results.reduce(into: Set<Int>()) { $0.formUnion($1.seen) }
        #expect(seen.isSubset(of: [0, count]), "a reader saw a partial import: \(seen.sorted())")
        #expect(results.map(\.during).reduce(0, +) > 6, "readers were blocked while the import ran")
        #expect(try await store.items(of: customer).count == count)
    }

    @Test func racingPlannersCreateNoDuplicates() async throws {
        let path = TemporaryDatabase.path()
        let first = try SQLiteAgendaStore(path: path)
        let second = try SQLiteAgendaStore(path: path)
        try await Self.scenario(first)
        let customers = 400
        _ = try await first.importCSV(Data(Self.customersCSV(customers).utf8), configuration: .identity(.customers),
                                      at: Date())
        _ = try await first.importCSV(Data(Self.itemsCSV(customers * 2, customers: customers).utf8),
                                      configuration: .identity(.items), at: Date())
        let day = Day(iso: "2026-11-18")!
        let created = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<6 {
                let store = index % 2 == 0 ? first : second
                group.addTask { try await store.plan(on: day, at: Date()).created }
            }
            var total = 0
            for try await n in group { total += n }
            return total
        }
        #expect(created == customers)
        let rows = try await first.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT count(*), count(DISTINCT customerId) FROM action")!
        }
        #expect(rows[0] as Int == customers && rows[1] as Int == customers)
        let links = try await second.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM actionItem")! }
        #expect(links == customers * 2)
    }
}

/// A set-once flag readable from any task.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
