import Foundation
import Testing
@testable import AgendaStore

/// The contract every backend must pass: reference data, import and upsert, planning, action life cycle.
@Suite struct AgendaStoreContractTests {
    @Test(arguments: StoreFactory.all)
    func importsCustomersContactsAndItemsWithTheirFields(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let acme = try await data.customer("C1")
        #expect(acme.name == "Acme SA" && acme.language == "fr" && acme.collector == data.alice)
        #expect(acme.scenario == data.scenario)
        #expect(acme.fields == ["segment": "retail", "credit_insurance_limit": "1000"])
        let delta = try await data.customer("C4")
        #expect(delta.collector == nil && delta.scenario == nil && delta.fields == ["segment": "retail"])
        let contacts = try await data.store.contacts(of: acme.id)
        #expect(contacts.count == 1)
        #expect(contacts.first?.postalAddress == "1 rue X\n75001 Paris" && contacts.first?.isCollectionContact == true)
        let f100 = try await data.item("F-100")
        #expect(f100.amount == Money(minorUnits: 125_000, currency: "EUR") && f100.openAmount.minorUnits == 125_000)
        #expect(f100.issueDate == Day(iso: "2026-09-01") && f100.dueDate == Day(iso: "2026-10-01"))
        #expect(try await data.item("F-101").amount.minorUnits == 30_050)
        #expect(try await data.item("F-200").openAmount.minorUnits == 50_000)
        let credit = try await data.item("A-301")
        #expect(credit.kind == .creditNote && credit.amount.minorUnits == -1_000)
        #expect(try await data.item("F-300").kind == .invoice)
    }

    @Test(arguments: StoreFactory.all)
    func reimportUpsertsByExternalKey(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let same = try await data.store.importCSV(Data(Dataset.itemsCSV.utf8), configuration: .identity(.items),
                                                  at: Dataset.now)
        #expect(same.committed && same.inserted == 0 && same.updated == 0 && same.unchanged == 6)
        let changed = """
            key,customer_key,issue_date,due_date,amount,open_amount
            F-100,C1,2026-09-01,2026-10-01,1250.00,0
            F-500,C2,2026-11-01,2026-12-01,"1,000.00",
            """
        let report = try await data.store.importCSV(Data(changed.utf8), configuration: .identity(.items),
                                                    at: Dataset.now)
        #expect(report.committed && report.inserted == 1 && report.updated == 1 && report.unchanged == 0)
        #expect(try await data.item("F-100").openAmount.minorUnits == 0)
        #expect(try await data.item("F-500").openAmount.minorUnits == 100_000)
        let moved = "key,customer_key,collection_contact,email\nK4,C1,yes,new@acme.example\n"
        _ = try await data.store.importCSV(Data(moved.utf8), configuration: .identity(.contacts), at: Dataset.now)
        let contacts = try await data.store.contacts(of: try await data.customer("C1").id)
        #expect(contacts.filter(\.isCollectionContact).map(\.externalKey) == ["K4"])
    }

    @Test(arguments: StoreFactory.all)
    func aFileWithARejectedRowWritesNothing(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let csv = """
            key,customer_key,issue_date,due_date,amount
            F-600,C1,2026-09-01,2026-10-01,10.00
            F-601,C9,2026-09-01,2026-10-01,10.00
            F-602,C1,2026-02-30,2026-10-01,10.00
            F-603,C1,2026-09-01,2026-10-01,ten
            F-600,C1,2026-09-01,2026-10-01,10.00
            F-604,C1,2026-09-01
            """
        let report = try await data.store.importCSV(Data(csv.utf8), configuration: .identity(.items), at: Dataset.now)
        #expect(!report.committed && report.inserted == 0 && report.records == 6)
        #expect(report.rejected.map(\.line) == [3, 4, 5, 6, 7])
        #expect(report.rejected.map(\.reason) == [
            "customer_key names no customer", "issue_date is not a date in the configured formats",
            "amount is not a number", "key repeats line 2", "has 3 fields, the header has 5",
        ])
        #expect(try await data.store.item(number: "F-600") == nil)

        var lenient = CSVImportConfiguration.identity(.items)
        lenient.commitWithRejectedRows = true
        let partial = try await data.store.importCSV(Data(csv.utf8), configuration: lenient, at: Dataset.now)
        #expect(partial.committed && partial.inserted == 1 && partial.rejected.count == 5)
        #expect(try await data.store.item(number: "F-600") != nil)
    }

    @Test(arguments: StoreFactory.all)
    func aStructurallyBadFileThrowsAndWritesNothing(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let unterminated = "key,customer_key,issue_date,due_date,amount\nF-700,C1,2026-09-01,2026-10-01,\"10.00\n"
        let missingColumn = "key,customer_key,due_date,amount\nF-701,C1,2026-10-01,10.00\n"
        for csv in [unterminated, missingColumn, ""] {
            await #expect(throws: AgendaStoreError.self) {
                _ = try await data.store.importCSV(Data(csv.utf8), configuration: .identity(.items), at: Dataset.now)
            }
        }
        #expect(try await data.store.item(number: "F-700") == nil)
        #expect(try await data.store.item(number: "F-701") == nil)
    }

    @Test(arguments: StoreFactory.all)
    func qualificationChangesAreKept(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let item = try await data.item("F-100")
        let promise = QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-15"), amountMinor: 50_000)
        try await data.store.qualify(item.id, as: promise, by: data.alice, at: Dataset.now)
        try await data.store.qualify(item.id, as: promise, by: data.alice, at: Dataset.now) // no change: not kept
        try await data.store.qualify(item.id, as: QualificationState(.dispute, disputeReason: .quality), by: nil,
                                     at: Dataset.now)
        let changes = try await data.store.qualificationChanges(of: item.id)
        #expect(changes.count == 2)
        #expect(changes[0].before == QualificationState() && changes[0].after == promise && changes[0].user == data.alice)
        #expect(changes[1].before == promise && changes[1].after.disputeReason == .quality && changes[1].user == nil)
        #expect(try await data.item("F-100").qualification.qualification == .dispute)
    }

    @Test(arguments: StoreFactory.all)
    func actionsFollowTheirLifeCycle(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        let c2 = try await data.customer("C2")
        let action = try #require(try await data.store.actions(of: c2.id).first)
        #expect(action.status == .planned && action.mode == .automatic && action.assignee == data.bob)
        await #expect(throws: AgendaStoreError.self) {
            try await data.store.updateAction(action.id, .confirm, by: data.bob, at: Dataset.now)
        }
        try await data.store.updateAction(action.id, .sending(messageID: "<a1@agenda.example>", captureToken: "t1",
                                                               renderedContent: "body"), by: nil, at: Dataset.now)
        try await data.store.updateAction(action.id, .failed(.bounced, detail: "5.1.1"), by: nil, at: Dataset.now)
        var stored = try #require(try await data.store.action(action.id))
        #expect(stored.status == .error && stored.errorCause == .bounced && stored.errorDetail == "5.1.1")
        #expect(stored.outboundMessageID == "<a1@agenda.example>" && stored.captureToken == "t1")
        try await data.store.updateAction(action.id, .done(Dataset.today), by: data.bob, at: Dataset.now)
        stored = try #require(try await data.store.action(action.id))
        #expect(stored.status == .done && stored.errorCause == nil && stored.doneDate == Dataset.today)
        await #expect(throws: AgendaStoreError.self) {
            try await data.store.updateAction(action.id, .cancel, by: data.bob, at: Dataset.now)
        }
    }

    @Test(arguments: StoreFactory.all)
    func modelRegistryKeepsOnePromotedVersion(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let first = try await data.store.registerModel(version: "2026.11.1", metrics: ["macro_f1": 0.81], at: Dataset.now)
        let second = try await data.store.registerModel(version: "2026.11.2", metrics: ["macro_f1": 0.84],
                                                        at: Dataset.now)
        try await data.store.promoteModel(first, by: data.alice, at: Dataset.now)
        try await data.store.promoteModel(second, by: data.alice, at: Dataset.now)
        let models = try await data.store.models()
        #expect(models.map(\.version) == ["2026.11.2", "2026.11.1"])
        #expect(models.map(\.promoted) == [true, false])
        #expect(models[0].metrics["macro_f1"] == 0.84)
    }
}
