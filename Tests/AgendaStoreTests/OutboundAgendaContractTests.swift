import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The outbound store's agenda side: rescheduling, the unreviewed-reply flag on claims, old DSNs against newer
/// sends, the recipient fallback of DSN matching, and closing an action to verify on the server's evidence.
@Suite struct OutboundAgendaContractTests {
    typealias Contract = OutboundContractTests

    @Test(arguments: StoreFactory.all)
    func aPlannedActionMovesToAnotherDayWithAHistoryEvent(factory: StoreFactory) async throws {
        let (data, outbound) = try await Contract.planned(factory)
        let action = try #require(try await outbound.dueActions(Contract.request()).first)
        let later = Dataset.today.adding(days: 10)
        try await outbound.reschedule(action, to: later, reason: "customer_request", by: nil, at: Dataset.now)
        let moved = try #require(try await data.store.action(action))
        #expect(moved.status == .planned && moved.plannedDate == later)
        #expect(!(try await outbound.dueActions(Contract.request())).contains(action), "no longer due today")
        #expect(try await outbound.dueActions(Contract.request(today: later)).contains(action))
        let store = try #require(data.store as? SQLiteAgendaStore)
        let event = try await store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT event, detail, userId FROM history WHERE entityId = ? ORDER BY id DESC",
                             arguments: [action.rawValue])
        }
        #expect(event?["event"] == "rescheduled")
        let detail: String = event?["detail"] ?? ""
        #expect(detail.contains("\"to_date\":\"\(later.iso)\"") && detail.contains("\"reason\":\"customer_request\""))
        // By a collector: the author is kept.
        try await outbound.reschedule(action, to: later.adding(days: 1), reason: nil, by: data.alice, at: Dataset.now)
        let author = try await store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT userId FROM history WHERE entityId = ? ORDER BY id DESC LIMIT 1",
                               arguments: [action.rawValue])
        }
        #expect(author == data.alice.rawValue)
    }

    @Test(arguments: StoreFactory.all)
    func anActionInErrorGoesBackToTheQueueWithItsAttemptsReset(factory: StoreFactory) async throws {
        let (data, outbound) = try await Contract.planned(factory)
        let claimed = try await outbound.claimDueActions(Contract.request())
        let rejected = claimed[0], sent = claimed[1], toVerify = claimed[2]
        try await outbound.recordFailure(rejected.id, claim: Contract.owner, cause: .addressRejected,
                                         reply: "550 5.1.1 unknown", at: Dataset.now)
        try await outbound.recordSent(sent.id, claim: Contract.owner,
                                      receipt: SendReceipt(sentAt: Dataset.now, queueID: "Q", reply: nil))
        let tomorrow = Dataset.today.adding(days: 1)
        try await outbound.reschedule(rejected.id, to: tomorrow, reason: "address fixed", by: data.alice,
                                      at: Dataset.now)
        let back = try #require(try await data.store.action(rejected.id))
        #expect(back.status == .planned && back.errorCause == nil && back.errorDetail == nil)
        #expect(try await outbound.sendRecord(rejected.id)?.attempts == 0)
        let again = try await outbound.claimDueActions(Contract.request(now: Dataset.now + 86_400, today: tomorrow))
        #expect(again.map(\.id) == [rejected.id] && again[0].messageID == rejected.messageID)
        for (id, status) in [(sent.id, "done"), (toVerify.id, "sending")] {
            await #expect(throws: AgendaStoreError.self, "\(status) cannot be rescheduled") {
                try await outbound.reschedule(id, to: tomorrow, reason: nil, by: nil, at: Dataset.now)
            }
        }
    }

    @Test(arguments: StoreFactory.all)
    func aClaimSaysWhenTheCustomerHasAReplyWaitingForReview(factory: StoreFactory) async throws {
        let (data, outbound) = try await Contract.planned(factory)
        let acme = try await data.customer("C1")
        let analysis = MessageAnalysis(visibleText: "We pay F-100 on 15 December.", intent: .promiseToPay,
                                       confidence: 0.9, summary: "Promise", proposals: [
            ProposalInput(itemNumber: "F-100", proposed: QualificationState(.promiseToPay,
                                                                             promiseDate: Day(iso: "2026-12-15")),
                          confidence: 0.9),
        ])
        let stored = try await data.store.storeInbound(InboundMessage(raw: Data("reply".utf8), kind: .reply,
                                                                      receivedAt: Dataset.now, customer: acme.id,
                                                                      correlation: .senderAddress), analysis: analysis)
        let claimed = try await outbound.claimDueActions(Contract.request())
        #expect(claimed.count == 3)
        for action in claimed {
            #expect(action.hasUnreviewedReply == (action.customer == acme.id), "customer \(action.customer)")
        }
        // Once the collector decided the proposal, nothing waits any more.
        for action in claimed {
            try await outbound.releaseClaim(action.id, claim: Contract.owner, reason: "test", until: nil, at: Dataset.now)
        }
        let proposal = try #require(try await data.store.proposals(of: stored.id).first)
        try await data.store.decide(proposal.id, .accept, by: data.alice, at: Dataset.now)
        #expect(try await outbound.claimDueActions(Contract.request()).allSatisfy { !$0.hasUnreviewedReply })
    }

    @Test(arguments: StoreFactory.all)
    func aDSNOlderThanTheLastSendNeverFailsIt(factory: StoreFactory) async throws {
        let (data, outbound) = try await Contract.planned(factory)
        let action = try #require(try await outbound.claimDueActions(Contract.request(limit: 1)).first)
        let sentAt = Dataset.now + 3600
        try await outbound.recordSent(action.id, claim: Contract.owner,
                                      receipt: SendReceipt(sentAt: sentAt, queueID: "Q2", reply: nil))
        #expect(!(try await outbound.recordBounce(action.id, detail: "old", receivedAt: sentAt - 60, at: sentAt)))
        #expect(try await data.store.action(action.id)?.status == .done)
        #expect(try await outbound.recordBounce(action.id, detail: "new", receivedAt: sentAt + 60, at: sentAt))
        #expect(try await data.store.action(action.id)?.errorDetail == "new")
    }

    @Test(arguments: StoreFactory.all)
    func theLastSentEmailOfACustomerAnswersADSNThatNamesOnlyItsRecipient(factory: StoreFactory) async throws {
        let (data, outbound) = try await Contract.planned(factory)
        let claimed = try await outbound.claimDueActions(Contract.request())
        let action = claimed[0]
        #expect(try await outbound.lastSentEmailAction(customer: action.customer, notBefore: Dataset.now - 60,
                                                       before: Dataset.now + 60) == nil, "not sent yet")
        try await outbound.recordSent(action.id, claim: Contract.owner,
                                      receipt: SendReceipt(sentAt: Dataset.now, queueID: "Q3", reply: nil))
        #expect(try await outbound.lastSentEmailAction(customer: action.customer, notBefore: Dataset.now - 60,
                                                       before: Dataset.now + 60) == action.id)
        #expect(try await outbound.lastSentEmailAction(customer: action.customer, notBefore: Dataset.now - 60,
                                                       before: Dataset.now - 1) == nil, "sent after the DSN")
        #expect(try await outbound.lastSentEmailAction(customer: action.customer, notBefore: Dataset.now + 1,
                                                       before: Dataset.now + 60) == nil, "outside the window")
        _ = data
    }

    @Test(arguments: StoreFactory.all)
    func anActionToVerifyClosesAsDoneOnTheServersEvidence(factory: StoreFactory) async throws {
        let (data, outbound) = try await Contract.planned(factory)
        let claimed = try await outbound.claimDueActions(Contract.request(limit: 1))
        let action = try #require(claimed.first)
        #expect(try await outbound.recordVerifiedSend(action.id, queueID: "4ABC", acceptedAt: Dataset.now,
                                                      at: Dataset.now + 600))
        let done = try #require(try await data.store.action(action.id))
        #expect(done.status == .done && done.doneDate == Dataset.today)
        let record = try #require(try await outbound.sendRecord(action.id))
        #expect(record.queueID == "4ABC" && record.sentAt == Dataset.now && record.attempts == 1)
        #expect(!(try await outbound.recordVerifiedSend(action.id, queueID: "4ABC", acceptedAt: Dataset.now,
                                                        at: Dataset.now + 600)), "only while to verify")
        #expect(try await outbound.actionsToVerify(claimedBefore: Dataset.now + 3600).isEmpty)
    }
}
