import Foundation
import Testing
@testable import AgendaStore

/// Planning: idempotence, pausing rules, day offsets.
@Suite struct PlanningContractTests {
    @Test(arguments: StoreFactory.all)
    func planningCreatesTheFirstStepOnceFromTheOldestOpenDueDate(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let first = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        #expect(first.created == 3)
        let again = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        #expect(again.created == 0 && again.notDue == 3)
        let c1 = try await data.customer("C1")
        let actions = try await data.store.actions(of: c1.id)
        #expect(actions.count == 1)
        // Oldest open item F-100 is due 2026-10-01; step 1 is 5 days after.
        #expect(actions[0].plannedDate == Day(iso: "2026-10-06") && actions[0].channel == .email)
        let items = try await data.store.items(of: c1.id).map(\.id)
        #expect(actions[0].items == items.sorted())
        // C3's credit note is not dunned.
        let c3actions = try await data.store.actions(of: try await data.customer("C3").id)
        #expect(c3actions.first?.items == [try await data.item("F-300").id])
    }

    @Test(arguments: StoreFactory.all)
    func nextStepCountsFromThePreviousAction(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        let c1 = try await data.customer("C1")
        let email = try #require(try await data.store.actions(of: c1.id).first)
        try await data.store.updateAction(email.id, .done(Day(iso: "2026-11-10")!), by: nil, at: Dataset.now)
        // The call is 10 days after the email was done: 2026-11-20, not due on the 18th.
        #expect(try await data.store.plan(on: Dataset.today, at: Dataset.now).created == 0)
        let report = try await data.store.plan(on: Day(iso: "2026-11-20")!, at: Dataset.now)
        #expect(report.created == 1)
        let actions = try await data.store.actions(of: c1.id)
        #expect(actions.map(\.channel) == [.email, .call])
        #expect(actions[1].plannedDate == Day(iso: "2026-11-20") && actions[1].mode == .manual)
        #expect(actions[1].assignee == data.alice)
    }

    @Test(arguments: StoreFactory.all)
    func disputesAndPromisesNotYetDuePausePlanning(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        try await data.store.qualify(try await data.item("F-200").id,
                                     as: QualificationState(.dispute, disputeReason: .price), by: data.bob,
                                     at: Dataset.now)
        try await data.store.qualify(try await data.item("F-300").id,
                                     as: QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-11-25")),
                                     by: data.alice, at: Dataset.now)
        let report = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        #expect(report.created == 1 && report.pausedByDispute == 1 && report.pausedByPromise == 1)
        #expect(try await data.store.actions(of: try await data.customer("C2").id).isEmpty)
        // Once the promise date has passed the customer is planned again.
        let later = try await data.store.plan(on: Day(iso: "2026-11-26")!, at: Dataset.now)
        #expect(later.pausedByPromise == 0 && later.created == 1)
    }

    @Test(arguments: StoreFactory.all)
    func scenarioSettingsCanDisablePausing(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let relentless = try await data.store.createScenario(ScenarioDefinition(
            name: "relentless", steps: [ScenarioStep(dayOffset: 0, channel: .sms, mode: .automatic, template: "sms")],
            pauseOnDispute: false, pauseOnPromise: false))
        let c2 = try await data.customer("C2")
        try await data.store.assign(c2.id, collector: nil, scenario: relentless)
        try await data.store.qualify(try await data.item("F-200").id,
                                     as: QualificationState(.dispute, disputeReason: .delivery), by: nil, at: Dataset.now)
        let report = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        #expect(report.pausedByDispute == 0)
        let actions = try await data.store.actions(of: c2.id)
        #expect(actions.map(\.channel) == [.sms] && actions[0].plannedDate == Day(iso: "2026-10-15"))
    }

    @Test(arguments: StoreFactory.all)
    func aPaidCustomerStartsANewCycleWhenNewItemsFallDue(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        let f200 = try await data.item("F-200")
        try await data.store.setOpenAmount(f200.id, minorUnits: 0, at: Dataset.now)
        let csv = "key,customer_key,issue_date,due_date,amount\nF-201,C2,2026-11-01,2026-11-10,50\n"
        _ = try await data.store.importCSV(Data(csv.utf8), configuration: .identity(.items), at: Dataset.now)
        let report = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        #expect(report.created == 1)
        let actions = try await data.store.actions(of: f200.customer)
        #expect(actions.map(\.plannedDate) == [Day(iso: "2026-10-20")!, Day(iso: "2026-11-15")!])
    }
}
