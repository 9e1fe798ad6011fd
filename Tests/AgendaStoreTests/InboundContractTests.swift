import Foundation
import Testing
@testable import AgendaStore

/// Inbound messages, proposals and decisions, alerts.
@Suite struct InboundContractTests {
    static let raw = Data("From: anne@acme.example\r\nSubject: Re: F-100\r\n\r\nWe pay on 15 December.\r\n".utf8)

    static func analysis() -> MessageAnalysis {
        MessageAnalysis(language: "en", visibleText: "We pay on 15 December.", intent: .promiseToPay,
                        confidence: 0.91, summary: "Promise to pay F-100 on 2026-12-15", modelVersion: "m1",
                        proposals: [
            ProposalInput(itemNumber: "F-100", proposed: QualificationState(.promiseToPay,
                                                                             promiseDate: Day(iso: "2026-12-15"),
                                                                             amountMinor: 125_000),
                          confidence: 0.91, evidence: "We pay on 15 December."),
            ProposalInput(itemNumber: "F-101", proposed: QualificationState(.promiseToPay,
                                                                             promiseDate: Day(iso: "2026-12-15")),
                          confidence: 0.6),
            ProposalInput(itemNumber: "F-999", proposed: QualificationState(.dispute, disputeReason: .price),
                          confidence: 0.5),
        ])
    }

    @Test(arguments: StoreFactory.all)
    func theSameMessageTwiceIsOneRow(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let acme = try await data.customer("C1")
        let position = MailboxPosition(mailbox: "collections/INBOX", uidValidity: 7, uid: 42)
        let message = InboundMessage(raw: Self.raw, source: position, kind: .reply, messageID: "<r1@acme.example>",
                                     receivedAt: Dataset.now, customer: acme.id, correlation: .inReplyTo)
        let first = try await data.store.storeInbound(message, analysis: Self.analysis())
        let second = try await data.store.storeInbound(message, analysis: Self.analysis())
        #expect(first.created && !second.created && first.id == second.id && first.proposals.count == 3)
        #expect(second.proposals.isEmpty)
        // Same mailbox position with other bytes (a re-fetch) is the same message too.
        var refetched = message
        refetched.raw = Self.raw + Data("\r\n".utf8)
        #expect(try await data.store.storeInbound(refetched, analysis: nil).created == false)
        #expect(try await data.store.rawMessage(first.id) == Self.raw)
        let state = try #require(try await data.store.mailboxState("collections/INBOX"))
        #expect(state.uidValidity == 7 && state.lastUID == 42)
        // A new UIDVALIDITY resets the cursor.
        var moved = message
        moved.raw = Data("other".utf8)
        moved.source = MailboxPosition(mailbox: "collections/INBOX", uidValidity: 8, uid: 3)
        _ = try await data.store.storeInbound(moved, analysis: nil)
        #expect(try await data.store.mailboxState("collections/INBOX")?.lastUID == 3)
        let proposals = try await data.store.proposals(of: first.id)
        #expect(proposals.map(\.itemNumber) == ["F-100", "F-101", "F-999"])
        #expect(proposals[0].item == (try await data.item("F-100")).id && proposals[2].item == nil)
        #expect(proposals[0].evidence == "We pay on 15 December." && proposals.allSatisfy { $0.decision == nil })
    }

    @Test(arguments: StoreFactory.all)
    func mailboxStateKeepsItsCursorWithinOneUIDValidity(factory: StoreFactory) async throws {
        let store = try await factory.make()
        try await store.recordMailboxState(MailboxSyncState(mailbox: "a/INBOX", uidValidity: 5, lastUID: 10,
                                                            highestModSeq: 900), at: Dataset.now)
        try await store.recordMailboxState(MailboxSyncState(mailbox: "a/INBOX", uidValidity: 5, lastUID: 4,
                                                            highestModSeq: 950), at: Dataset.now)
        #expect(try await store.mailboxState("a/INBOX") == MailboxSyncState(mailbox: "a/INBOX", uidValidity: 5,
                                                                             lastUID: 10, highestModSeq: 950))
        try await store.recordMailboxState(MailboxSyncState(mailbox: "a/INBOX", uidValidity: 6, lastUID: 0),
                                           at: Dataset.now)
        #expect(try await store.mailboxState("a/INBOX") == MailboxSyncState(mailbox: "a/INBOX", uidValidity: 6,
                                                                             lastUID: 0))
        #expect(try await store.mailboxState("b/INBOX") == nil)
    }

    @Test(arguments: StoreFactory.all)
    func largeRawMessagesRoundTripCompressed(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        var bytes = [UInt8]()
        for i in 0..<200_000 { bytes.append(UInt8(truncatingIfNeeded: i % 251 == 0 ? i : 65 + i % 26)) }
        let stored = try await data.store.storeInbound(InboundMessage(raw: Data(bytes), kind: .other,
                                                                      receivedAt: Dataset.now), analysis: nil)
        #expect(try await data.store.rawMessage(stored.id) == Data(bytes))
    }

    @Test(arguments: StoreFactory.all)
    func acceptCorrectAndRejectWriteQualificationHistoryAndDecision(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let acme = try await data.customer("C1")
        let stored = try await data.store.storeInbound(
            InboundMessage(raw: Self.raw, kind: .reply, receivedAt: Dataset.now, customer: acme.id,
                           correlation: .senderAddress), analysis: Self.analysis())
        let ids = stored.proposals
        try await data.store.decide(ids[0], .accept, by: data.alice, at: Dataset.now)
        let corrected = QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-31"))
        try await data.store.decide(ids[1], .correct(corrected), by: data.alice, at: Dataset.now)
        try await data.store.decide(ids[2], .reject, by: data.alice, at: Dataset.now)
        await #expect(throws: AgendaStoreError.self) {
            try await data.store.decide(ids[0], .reject, by: data.alice, at: Dataset.now)
        }
        #expect(try await data.item("F-100").qualification.promiseDate == Day(iso: "2026-12-15"))
        #expect(try await data.item("F-100").qualification.amountMinor == 125_000)
        #expect(try await data.item("F-101").qualification == corrected)
        let decisions = try await data.store.proposals(of: stored.id).map(\.decision)
        #expect(decisions == [.accepted, .corrected, .rejected])
        let changes = try await data.store.qualificationChanges(of: try await data.item("F-101").id)
        #expect(changes.count == 1 && changes[0].after == corrected && changes[0].user == data.alice)
        let history = try await data.store.history(AgendaQuery(today: Dataset.today, customer: acme.id, limit: 100))
        #expect(history.rows.filter { $0.event == "decided" }.count == 3)
        #expect(history.rows.filter { $0.event == "qualified" }.count == 2)
        #expect(try await data.store.replies(AgendaQuery(today: Dataset.today)).toDo == 0)
    }

    @Test(arguments: StoreFactory.all)
    func aProposalForAnUnknownItemCannotBeAccepted(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let stored = try await data.store.storeInbound(
            InboundMessage(raw: Self.raw, kind: .reply, receivedAt: Dataset.now,
                           customer: try await data.customer("C1").id), analysis: Self.analysis())
        await #expect(throws: AgendaStoreError.self) {
            try await data.store.decide(stored.proposals[2], .accept, by: data.alice, at: Dataset.now)
        }
        #expect(try await data.store.proposals(of: stored.id)[2].decision == nil)
    }

    @Test(arguments: StoreFactory.all)
    func aBrokenPromiseRaisesOneAlertAndOneManualAction(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let item = try await data.item("F-100")
        try await data.store.qualify(item.id, as: QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-11-15")),
                                     by: data.alice, at: Dataset.now)
        let kept = try await data.item("F-101")
        try await data.store.qualify(kept.id, as: QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-11-30")),
                                     by: data.alice, at: Dataset.now)
        let alerts = try await data.store.checkBrokenPromises(on: Dataset.today, at: Dataset.now)
        #expect(alerts.count == 1)
        #expect(try await data.store.checkBrokenPromises(on: Dataset.today, at: Dataset.now).isEmpty)
        let open = try await data.store.openAlerts(customer: item.customer)
        #expect(open.count == 1 && open[0].kind == .promiseBroken && open[0].item == item.id)
        let manual = try await data.store.manualActions(AgendaQuery(today: Dataset.today))
        #expect(manual.total == 1 && manual.toDo == 1 && manual.rows[0].channel == .call)
        #expect(manual.rows[0].assignee == data.alice && manual.rows[0].colour == .red)
        let action = try #require(try await data.store.action(manual.rows[0].action))
        #expect(action.origin == .brokenPromise && action.items == [item.id])
    }

    @Test(arguments: StoreFactory.all)
    func alertRulesRaiseOnceAndClearWhenTheConditionEnds(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        _ = try await data.store.createAlertRule(AlertRule(name: "big", kind: .outstandingAbove, thresholdMinor: 100_000,
                                                           currency: "EUR"))
        _ = try await data.store.createAlertRule(AlertRule(name: "old", kind: .overdueMoreThan, days: 60))
        _ = try await data.store.createAlertRule(AlertRule(name: "disputed", kind: .disputedAmount, thresholdMinor: 0,
                                                           currency: "EUR"))
        _ = try await data.store.createAlertRule(AlertRule(name: "insured", kind: .fieldLimitExceeded,
                                                           fieldName: "credit_insurance_limit"))
        _ = try await data.store.createAlertRule(AlertRule(name: "broken", kind: .promiseBroken))
        try await data.store.qualify(try await data.item("F-200").id,
                                     as: QualificationState(.dispute, disputeReason: .quality), by: nil, at: Dataset.now)
        let raised = try await data.store.evaluateAlertRules(on: Dataset.today, at: Dataset.now)
        // big: C1 (1550.50 > 1000); old: F-300 (due 2026-09-01); disputed: C2; insured: C1 (1550.50 > 1000).
        #expect(raised.count == 4)
        let kinds = try await data.store.openAlerts(customer: nil).map(\.kind)
        #expect(Set(kinds) == [.outstandingAbove, .overdueMoreThan, .disputedAmount, .fieldLimitExceeded])
        #expect(try await data.store.evaluateAlertRules(on: Dataset.today, at: Dataset.now).isEmpty)
        let c1 = try await data.customer("C1")
        try await data.store.setOpenAmount(try await data.item("F-100").id, minorUnits: 0, at: Dataset.now)
        _ = try await data.store.evaluateAlertRules(on: Dataset.today, at: Dataset.now)
        #expect(try await data.store.openAlerts(customer: c1.id).isEmpty)
    }

    @Test(arguments: StoreFactory.all)
    func confidenceOutsideTheUnitIntervalIsRefused(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        await #expect(throws: AgendaStoreError.self) {
            _ = try await data.store.storeInbound(InboundMessage(raw: Self.raw, kind: .reply, receivedAt: Dataset.now),
                                                  analysis: MessageAnalysis(visibleText: "x", intent: nil,
                                                                            confidence: 1.5))
        }
    }
}
