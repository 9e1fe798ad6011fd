import AgendaStore
import Foundation
import MailIngest
import Testing
@testable import ingestd

/// A real `SQLiteAgendaStore` in a temporary folder with customers built so that each correlation rule can be
/// told apart: capture tokens, sent Message-IDs, contacts sharing an address or a domain, items.
struct PipelineFixture {
    static let now = ISO8601DateFormatter().date(from: "2026-11-24T09:00:00Z")!

    let folder: URL
    let store: SQLiteAgendaStore

    /// Customers by external key.
    var customers: [String: CustomerID] = [:]
    /// The email action planned for each customer with open items.
    var actions: [String: ActionID] = [:]

    static let customersCSV = """
        key;name;language;collector;scenario
        B1;Boulangeries Réunies;fr;;std
        M2;Müller GmbH;de;;std
        N3;Northwind Traders;en;;std
        S4;Shared One;en;;std
        S5;Shared Two;en;;std
        X6;Xylo;en;;std
        D7;Domain Two;en;;std
        """

    static let contactsCSV = """
        key,customer_key,name,email,phone,address,collection_contact
        K1,B1,Julien,j.dupont@boulangeries-reunies.example,,,1
        K2,M2,Anna,a.schaefer@mueller-gmbh.example,,,1
        K3,N3,Tom,tom.baker@northwind.example,,,1
        K4,S4,Sam,shared@gmail.com,,,1
        K5,S5,Sam,shared@gmail.com,,,1
        K7,D7,Olga,olga@northwind.example,,,1
        """

    static let itemsCSV = """
        key\tcustomer_key\tkind\tissue_date\tdue_date\tamount\topen_amount\tcurrency
        F-118\tB1\tinvoice\t2026-10-01\t2026-10-31\t1250.00\t1250.00\tEUR
        F-121\tB1\tinvoice\t2026-10-05\t2026-11-05\t380.40\t380.40\tEUR
        RE-2026-0412\tM2\tinvoice\t2026-10-01\t2026-10-31\t2480.00\t2480.00\tEUR
        INV-10233\tN3\tinvoice\t2026-10-01\t2026-10-31\t900.00\t900.00\tEUR
        INV-10240\tN3\tinvoice\t2026-10-02\t2026-11-01\t100.00\t100.00\tEUR
        S-401\tS4\tinvoice\t2026-10-01\t2026-10-31\t10.00\t10.00\tEUR
        S-501\tS5\tinvoice\t2026-10-01\t2026-10-31\t10.00\t10.00\tEUR
        X-555\tX6\tinvoice\t2026-10-01\t2026-10-31\t55.00\t55.00\tEUR
        D-701\tD7\tinvoice\t2026-10-01\t2026-10-31\t70.00\t0.00\tEUR
        """

    /// The store file.
    var path: String { folder.appendingPathComponent("agenda.sqlite").path }

    static func make() async throws -> PipelineFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var fixture = PipelineFixture(folder: folder,
                                      store: try SQLiteAgendaStore(path: folder.appendingPathComponent("agenda.sqlite").path))
        let store = fixture.store
        _ = try await store.createScenario(ScenarioDefinition(name: "std", steps: [
            ScenarioStep(dayOffset: 0, channel: .email, mode: .automatic, template: "reminder"),
        ]))
        for (csv, kind) in [(customersCSV, CSVImportKind.customers), (contactsCSV, .contacts), (itemsCSV, .items)] {
            let report = try await store.importCSV(Data(csv.utf8), configuration: .identity(kind), at: now)
            try #require(report.committed && report.rejected.isEmpty, "\(kind): \(report.rejected)")
        }
        _ = try await store.plan(on: Day(iso: "2026-11-20")!, at: now)
        for key in ["B1", "M2", "N3", "S4", "S5", "X6", "D7"] {
            let customer = try #require(try await store.customer(externalKey: key))
            fixture.customers[key] = customer.id
            fixture.actions[key] = try await store.actions(of: customer.id).first { $0.channel == .email }?.id
        }
        try await store.setCaptureToken("c1042", for: fixture.customers["B1"]!)
        try await store.setCaptureToken("c2207", for: fixture.customers["M2"]!)
        try await store.setCaptureToken("c3310", for: fixture.customers["N3"]!)
        try await store.recordSentMessage(messageID: "action-88213.c1042@acme.example", action: fixture.actions["B1"],
                                          customer: fixture.customers["B1"]!)
        try await store.recordSentMessage(messageID: "action-90117.c2207@acme.example", action: fixture.actions["M2"],
                                          customer: fixture.customers["M2"]!)
        try await store.recordSentMessage(messageID: "action-91002.c0457@acme.example", action: fixture.actions["N3"],
                                          customer: fixture.customers["N3"]!)
        return fixture
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A pipeline over this store; the shipped model when `classify`.
    func pipeline(classify: Bool = false, limits: ParseLimitsChange? = nil) throws -> InboundPipeline {
        var configuration = InboundPipeline.Configuration(referenceDate: Self.now)
        if classify {
            configuration.interpreter = try ModelLocator.interpreter(
                explicit: TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path)
            configuration.modelVersion = "test-model"
        }
        limits?(&configuration.limits)
        return InboundPipeline(store: store, configuration: configuration)
    }

    /// A plain-text RFC 5322 message (CRLF) with the given header fields and body.
    static func mail(_ headers: [(String, String)], body: String) -> Data {
        var text = ""
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !headers.contains(where: { $0.0 == "Content-Type" }) { text += "Content-Type: text/plain; charset=utf-8\r\n" }
        return Data((text + "\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n").utf8)
    }
}

/// A change of the parse limits for one test.
typealias ParseLimitsChange = @Sendable (inout ParseLimits) -> Void
