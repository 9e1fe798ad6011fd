import Foundation
import Testing
@testable import AgendaStore

/// The four agenda tabs: counts, filters, paging, colours; the history export.
@Suite struct AgendaTabsContractTests {
    static func planned(_ factory: StoreFactory) async throws -> Dataset {
        let data = try await Dataset.make(factory)
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        return data
    }

    @Test(arguments: StoreFactory.all)
    func automaticTabCountsFiltersAndPages(factory: StoreFactory) async throws {
        let data = try await Self.planned(factory)
        let all = try await data.store.automaticActions(AgendaQuery(today: Dataset.today))
        #expect(all.total == 3 && all.toDo == 0 && all.rows.count == 3)
        #expect(all.rows.map(\.plannedDate) == all.rows.map(\.plannedDate).sorted())
        #expect(all.rows.allSatisfy { $0.colour == .green })
        let alice = try await data.store.automaticActions(AgendaQuery(today: Dataset.today, collector: data.alice))
        #expect(alice.total == 2 && Set(alice.rows.map(\.customerName)) == ["Acme SA", "Gamma BV"])
        let wholesale = try await data.store.automaticActions(AgendaQuery(today: Dataset.today,
                                                                          customerFields: ["segment": "wholesale"]))
        #expect(wholesale.rows.map(\.customerName) == ["Beta GmbH"])
        let page = try await data.store.automaticActions(AgendaQuery(today: Dataset.today, limit: 1, offset: 1))
        #expect(page.total == 3 && page.rows.count == 1 && page.rows[0].action == all.rows[1].action)
        let dated = try await data.store.automaticActions(AgendaQuery(today: Dataset.today,
                                                                      from: Day(iso: "2026-10-01"),
                                                                      to: Day(iso: "2026-10-10")))
        #expect(dated.rows.map(\.customerName) == ["Acme SA"])
        #expect(try await data.store.automaticActions(AgendaQuery(today: Dataset.today, channels: [.sms])).total == 0)
        #expect(try await data.store.manualActions(AgendaQuery(today: Dataset.today)).total == 0)

        try await data.store.updateAction(all.rows[0].action, .failed(.noCollectionContact, detail: nil), by: nil,
                                          at: Dataset.now)
        let after = try await data.store.automaticActions(AgendaQuery(today: Dataset.today))
        #expect(after.toDo == 1 && after.rows[0].colour == .yellow && after.rows[0].errorCause == .noCollectionContact)
        let errors = try await data.store.automaticActions(AgendaQuery(today: Dataset.today, statuses: [.error]))
        #expect(errors.total == 1)
    }

    @Test(arguments: StoreFactory.all)
    func manualTabShowsDueInRedAndUpcomingInBlue(factory: StoreFactory) async throws {
        let data = try await Self.planned(factory)
        for row in try await data.store.automaticActions(AgendaQuery(today: Dataset.today)).rows {
            try await data.store.updateAction(row.action, .done(Day(iso: "2026-11-10")!), by: nil, at: Dataset.now)
        }
        #expect(try await data.store.plan(on: Day(iso: "2026-11-20")!, at: Dataset.now).created == 3)
        let tab = try await data.store.manualActions(AgendaQuery(today: Dataset.today))
        #expect(tab.total == 3 && tab.toDo == 0 && tab.rows.allSatisfy { $0.colour == .blue && $0.channel == .call })
        let later = try await data.store.manualActions(AgendaQuery(today: Day(iso: "2026-11-20")!, collector: data.bob))
        #expect(later.total == 1 && later.toDo == 1 && later.rows[0].colour == .red)
    }

    @Test(arguments: StoreFactory.all)
    func confirmationModeIsRedWhenOverdueAndWhiteWhenUpcoming(factory: StoreFactory) async throws {
        #expect(AgendaSQL.colour(status: .planned, mode: .automaticWithConfirmation, planned: Dataset.today,
                                 today: Dataset.today) == .red)
        #expect(AgendaSQL.colour(status: .planned, mode: .automaticWithConfirmation,
                                 planned: Dataset.today.adding(days: 1), today: Dataset.today) == .white)
        #expect(AgendaSQL.colour(status: .confirmed, mode: .automaticWithConfirmation, planned: Dataset.today,
                                 today: Dataset.today) == .green)
        _ = factory
    }

    @Test(arguments: StoreFactory.all)
    func historyTabAndExportShareTheFilters(factory: StoreFactory) async throws {
        let data = try await Self.planned(factory)
        let rows = try await data.store.automaticActions(AgendaQuery(today: Dataset.today)).rows
        let failedAt = Date(timeIntervalSince1970: 1_795_100_000) // 2026-11-19
        try await data.store.updateAction(rows[0].action, .failed(.addressRejected, detail: "550"), by: nil,
                                          at: failedAt)
        let all = try await data.store.history(AgendaQuery(today: Dataset.today, limit: 500))
        #expect(all.total == all.rows.count && all.total >= 6)
        #expect(all.rows.map(\.sequence) == all.rows.map(\.sequence).sorted(by: >))
        let errors = try await data.store.history(AgendaQuery(today: Dataset.today, statuses: [.error]))
        #expect(errors.total == 1 && errors.toDo == 1 && errors.rows[0].event == "status_changed")
        let onTheNineteenth = AgendaQuery(today: Dataset.today, from: Day(iso: "2026-11-19"), to: Day(iso: "2026-11-19"))
        #expect(try await data.store.history(onTheNineteenth).total == 1)
        let bobs = try await data.store.history(AgendaQuery(today: Dataset.today, collector: data.bob, limit: 500))
        #expect(bobs.rows.allSatisfy { $0.customerKey == "C2" } && bobs.total >= 1)

        let csv = try await data.store.exportHistoryCSV(AgendaQuery(today: Dataset.today, statuses: [.error]))
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == 2)
        #expect(lines[0] == "sequence,at,entity,entity_id,event,customer_key,user_id,channel,status,detail")
        #expect(lines[1].contains(",action,\(rows[0].action.rawValue),status_changed,"))
        #expect(lines[1].contains(",email,error,\"{\"\"cause\"\":\"\"address_rejected\"\""))
        let everything = try await data.store.exportHistoryCSV(AgendaQuery(today: Dataset.today, limit: 1))
        #expect(everything.split(separator: "\r\n").count == all.total + 1)
    }

    @Test(arguments: StoreFactory.all)
    func repliesTabCountsMessagesWithOpenProposals(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let acme = try await data.customer("C1"), beta = try await data.customer("C2")
        let analysis = MessageAnalysis(visibleText: "We pay F-100 on 15 December.", intent: .promiseToPay,
                                       confidence: 0.9, summary: "Promise", proposals: [
            ProposalInput(itemNumber: "F-100", proposed: QualificationState(.promiseToPay,
                                                                             promiseDate: Day(iso: "2026-12-15")),
                          confidence: 0.9),
        ])
        _ = try await data.store.storeInbound(InboundMessage(raw: Data("m1".utf8), kind: .reply,
                                                             receivedAt: Dataset.now, customer: acme.id,
                                                             correlation: .senderAddress), analysis: analysis)
        _ = try await data.store.storeInbound(InboundMessage(raw: Data("m2".utf8), kind: .comment,
                                                             receivedAt: Dataset.now.addingTimeInterval(60),
                                                             customer: beta.id, correlation: .captureToken),
                                              analysis: MessageAnalysis(visibleText: "ok", intent: .acknowledgement,
                                                                        confidence: 0.7))
        _ = try await data.store.storeInbound(InboundMessage(raw: Data("m3".utf8), kind: .bounce,
                                                             receivedAt: Dataset.now), analysis: nil)
        let tab = try await data.store.replies(AgendaQuery(today: Dataset.today))
        #expect(tab.total == 2 && tab.toDo == 1)
        #expect(tab.rows.map(\.kind) == [.comment, .reply] && tab.rows[1].openProposals == 1)
        #expect(tab.rows[1].intent == .promiseToPay && tab.rows[1].customerName == "Acme SA")
        let bobs = try await data.store.replies(AgendaQuery(today: Dataset.today, collector: data.bob))
        #expect(bobs.rows.map(\.kind) == [.comment])
    }
}
