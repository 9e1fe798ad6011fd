import Foundation
import Testing
@testable import AgendaStore

/// Makes a fresh, empty store of one backend. The contract suite runs over every factory listed in `all`; a
/// PostgreSQL backend adds its factory here.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () async throws -> any AgendaStore

    var testDescription: String { name }

    static let sqlite = StoreFactory(name: "SQLite") {
        try SQLiteAgendaStore(path: TemporaryDatabase.path())
    }

    static let all: [StoreFactory] = [.sqlite]
}

/// Paths of throw-away database files under the system temporary directory.
enum TemporaryDatabase {
    static func path() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-store-tests")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("\(UUID().uuidString).sqlite").path
    }
}

/// A small collection dataset imported through the CSV API, shared by the contract tests.
struct Dataset {
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18
    static let today = Day(iso: "2026-11-18")!

    var store: any AgendaStore
    var alice: UserID
    var bob: UserID
    var scenario: ScenarioID

    static let customersCSV = """
        key;name;language;collector;scenario;segment;credit_insurance_limit
        C1;Acme SA;fr;alice;standard;retail;1000
        C2;Beta GmbH;de;bob;standard;wholesale;
        C3;Gamma BV;nl;alice;standard;retail;
        C4;Delta Srl;it;;;retail;
        """

    static let contactsCSV = """
        key,customer_key,name,email,phone,address,collection_contact
        K1,C1,Anne,anne@acme.example,+33 1 00,"1 rue X
        75001 Paris",oui
        K2,C2,Bernd,bernd@beta.example,,,ja
        K3,C3,Geert,,+31 20 00,,1
        """

    static let itemsCSV = """
        key\tcustomer_key\tkind\tissue_date\tdue_date\tamount\topen_amount\tcurrency
        F-100\tC1\tinvoice\t01/09/2026\t01/10/2026\t1.250,00\t1.250,00\tEUR
        F-101\tC1\tinvoice\t2026-10-01\t2026-10-31\t300,50\t300,50\tEUR
        F-200\tC2\tinvoice\t15.09.2026\t15.10.2026\t2000\t500\tEUR
        F-300\tC3\t\t2026-08-01\t2026-09-01\t99,99\t99,99\tEUR
        A-301\tC3\t\t2026-08-05\t2026-08-05\t-10,00\t-10,00\tEUR
        F-400\tC4\tinvoice\t2026-10-01\t2026-11-01\t400\t400\tEUR
        """

    static func make(_ factory: StoreFactory) async throws -> Dataset {
        let store = try await factory.make()
        let alice = try await store.createUser(login: "alice", name: "Alice", role: .collector)
        let bob = try await store.createUser(login: "bob", name: "Bob", role: .collector)
        let scenario = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
            ScenarioStep(dayOffset: 5, channel: .email, mode: .automatic, template: "reminder-1"),
            ScenarioStep(dayOffset: 10, dayBase: .previousAction, channel: .call, mode: .manual, template: "call"),
            ScenarioStep(dayOffset: 7, dayBase: .previousAction, channel: .letter,
                         mode: .automaticWithConfirmation, template: "formal"),
        ]))
        var customers = CSVImportConfiguration.identity(.customers)
        customers.customFields = ["segment": "segment", "credit_insurance_limit": "credit_insurance_limit"]
        for (csv, configuration) in [(customersCSV, customers), (contactsCSV, .identity(.contacts)),
                                     (itemsCSV, .identity(.items))] {
            let report = try await store.importCSV(Data(csv.utf8), configuration: configuration, at: now)
            #expect(report.committed && report.rejected.isEmpty, "\(configuration.kind): \(report.rejected)")
        }
        return Dataset(store: store, alice: alice, bob: bob, scenario: scenario)
    }

    func customer(_ key: String) async throws -> Customer {
        try #require(await store.customer(externalKey: key))
    }

    func item(_ number: String) async throws -> Item {
        try #require(await store.item(number: number))
    }
}
