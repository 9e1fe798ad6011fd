import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The outbound store: atomic claims, done / error / retry bookkeeping, actions to verify after a crash.
@Suite struct OutboundContractTests {
    static let owner = ClaimOwner("node-a:1")
    static let other = ClaimOwner("node-b:2")
    static let domain = "mail.example"

    /// The dataset planned on its day: three automatic emails (C1, C2, C3) due, nothing else.
    static func planned(_ factory: StoreFactory) async throws -> (Dataset, any OutboundStore) {
        let data = try await Dataset.make(factory)
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        let outbound = try #require(data.store as? any OutboundStore)
        return (data, outbound)
    }

    static func request(_ owner: ClaimOwner = owner, now: Date = Dataset.now, today: Day = Dataset.today,
                        limit: Int = 100) -> ClaimRequest {
        ClaimRequest(owner: owner, now: now, today: today, limit: limit, messageIDDomain: domain)
    }

    @Test(arguments: StoreFactory.all)
    func dueAutomaticActionsAreClaimedOnceWithAMessageIDNamingTheAction(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let claimed = try await outbound.claimDueActions(Self.request())
        #expect(claimed.count == 3)
        #expect(Set(claimed.map(\.channel)) == [.email] && claimed.allSatisfy { $0.template == "reminder-1" })
        for action in claimed {
            #expect(action.messageID.hasPrefix("action-\(action.id.rawValue).") && action.messageID.hasSuffix("@\(Self.domain)"))
            #expect(CaptureToken.isValid(action.captureToken))
            let correlation = try #require(data.store as? any CorrelationStore)
            #expect(try await correlation.captureToken(for: action.customer) == action.captureToken)
            #expect(action.attempts == 0 && !action.items.isEmpty)
            #expect(action.pauseOnDispute && action.pauseOnPromise, "the standard scenario's settings")
            let stored = try #require(try await data.store.action(action.id))
            #expect(stored.status == .sending && stored.outboundMessageID == action.messageID)
            #expect(try await outbound.action(outboundMessageID: action.messageID) == action.id)
        }
        #expect(try await outbound.claimDueActions(Self.request(Self.other)).isEmpty)
    }

    /// A preview hands over what the claim will (template, items, scenario settings) and writes nothing.
    @Test(arguments: StoreFactory.all)
    func aPreviewShowsTheClaimWithoutClaiming(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let due = try await outbound.dueActions(Self.request())
        var previews: [ActionID: ClaimedAction] = [:]
        for id in due { previews[id] = try #require(try await outbound.previewClaim(id)) }
        for id in due {
            #expect(try await data.store.action(id)?.status == .planned, "a preview claims nothing")
            #expect(try await outbound.sendRecord(id) == nil)
            #expect(previews[id]?.messageID == "" && previews[id]?.captureToken == "")
        }
        let claimed = try await outbound.claimDueActions(Self.request())
        #expect(Set(claimed.map(\.id)) == Set(due))
        for action in claimed {
            let preview = try #require(previews[action.id])
            #expect(preview.template == action.template && preview.items == action.items
                    && preview.customer == action.customer && preview.channel == action.channel
                    && preview.plannedDate == action.plannedDate && preview.pauseOnDispute == action.pauseOnDispute
                    && preview.pauseOnPromise == action.pauseOnPromise
                    && preview.hasUnreviewedReply == action.hasUnreviewedReply)
        }
        #expect(try await outbound.previewClaim(ActionID(999_999)) == nil)
    }

    @Test(arguments: StoreFactory.all)
    func notDueManualAndUnconfirmedActionsAreNotClaimed(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        // Before the planned dates (2026-09-06 earliest) nothing is due.
        #expect(try await outbound.claimDueActions(Self.request(today: Day(iso: "2026-09-05")!)).isEmpty)
        // C1: email done, call (manual) done, then the confirmation letter is planned on 2026-11-27.
        let c1 = try await data.customer("C1")
        let email = try #require(try await data.store.actions(of: c1.id).first)
        try await data.store.updateAction(email.id, .done(Day(iso: "2026-11-10")!), by: nil, at: Dataset.now)
        _ = try await data.store.plan(on: Day(iso: "2026-11-20")!, at: Dataset.now)
        let call = try #require(try await data.store.actions(of: c1.id).last)
        #expect(call.mode == .manual)
        let late = Day(iso: "2026-11-30")!
        let onlyEmails = try await outbound.claimDueActions(Self.request(today: late))
        #expect(onlyEmails.count == 2 && !onlyEmails.contains { $0.id == call.id })
        try await data.store.updateAction(call.id, .done(Day(iso: "2026-11-20")!), by: nil, at: Dataset.now)
        _ = try await data.store.plan(on: late, at: Dataset.now)
        let letter = try #require(try await data.store.actions(of: c1.id).last)
        #expect(letter.mode == .automaticWithConfirmation && letter.status == .planned)
        #expect(try await outbound.claimDueActions(Self.request(today: late)).isEmpty)
        try await data.store.updateAction(letter.id, .confirm, by: data.alice, at: Dataset.now)
        let confirmed = try await outbound.claimDueActions(Self.request(today: late))
        #expect(confirmed.map(\.id) == [letter.id] && confirmed[0].channel == .letter)
        // A claim restricted to email does not take letters.
        try await outbound.releaseClaim(letter.id, claim: Self.owner, reason: "test", until: nil, at: Dataset.now)
        #expect(try await data.store.action(letter.id)?.status == .confirmed)
        var emailOnly = Self.request(today: late)
        emailOnly.channels = [.email]
        #expect(try await outbound.claimDueActions(emailOnly).isEmpty)
    }

    @Test(arguments: StoreFactory.all)
    func concurrentSchedulersNeverClaimTheSameAction(factory: StoreFactory) async throws {
        let data = try await Dataset.make(factory)
        let c1 = try await data.customer("C1")
        // 60 more due actions through the broken-promise path is awkward; plan 3 and add manual-origin ones instead.
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        guard let sqlite = data.store as? SQLiteAgendaStore else { return }
        try await sqlite.pool.write { db in
            for _ in 0..<57 {
                try db.execute(sql: """
                    INSERT INTO action (customerId, origin, channel, mode, status, plannedDate, createdAt)
                    VALUES (?, 'manual', 'email', 'automatic', 'planned', '2026-11-01', ?)
                    """, arguments: [c1.id.rawValue, Dataset.now])
            }
        }
        // Half the workers go through a second connection pool on the same file, as a second process would.
        let second = try SQLiteAgendaStore(path: sqlite.pool.path)
        let claims = try await withThrowingTaskGroup(of: [ActionID].self) { group in
            for worker in 0..<6 {
                let outbound: any OutboundStore = worker.isMultiple(of: 2) ? sqlite : second
                group.addTask {
                    var mine: [ActionID] = []
                    while true {
                        let batch = try await outbound.claimDueActions(
                            Self.request(ClaimOwner("w\(worker)"), limit: 4))
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [[ActionID]]()) { $0.append($1) }
        }
        let all = claims.flatMap { $0 }
        #expect(all.count == 60 && Set(all).count == 60)
    }

    @Test(arguments: StoreFactory.all)
    func aSendIsRecordedAsDoneWithQueueIDAndOnlyByItsClaimOwner(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let action = try #require(try await outbound.claimDueActions(Self.request(limit: 1)).first)
        let sentAt = Dataset.now.addingTimeInterval(5)
        let receipt = SendReceipt(sentAt: sentAt, queueID: "4XyZ1", reply: "250 2.0.0 Ok: queued as 4XyZ1")
        await #expect(throws: AgendaStoreError.self) {
            try await outbound.recordSent(action.id, claim: Self.other, receipt: receipt)
        }
        try await outbound.recordSent(action.id, claim: Self.owner, receipt: receipt)
        let stored = try #require(try await data.store.action(action.id))
        #expect(stored.status == .done && stored.doneDate == Day(date: sentAt) && stored.errorCause == nil)
        let record = try #require(try await outbound.sendRecord(action.id))
        #expect(record.queueID == "4XyZ1" && record.sentAt == sentAt && record.attempts == 1)
        // Recording twice is refused: the action is no longer sending.
        await #expect(throws: AgendaStoreError.self) {
            try await outbound.recordSent(action.id, claim: Self.owner, receipt: receipt)
        }
    }

    @Test(arguments: StoreFactory.all)
    func aRejectedAddressIsAnErrorWithTheServersWords(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let action = try #require(try await outbound.claimDueActions(Self.request(limit: 1)).first)
        let words = "550 5.1.1 <anne@acme.example>: Recipient address rejected: User unknown"
        try await outbound.recordFailure(action.id, claim: Self.owner, cause: .addressRejected, reply: words,
                                         at: Dataset.now)
        let stored = try #require(try await data.store.action(action.id))
        #expect(stored.status == .error && stored.errorCause == .addressRejected && stored.errorDetail == words)
        #expect(try await outbound.sendRecord(action.id)?.lastReply == words)
        #expect(try await outbound.claimDueActions(Self.request()).count == 2, "an error is never claimed again")
    }

    @Test(arguments: StoreFactory.all)
    func temporaryFailuresAreRetriedWithBackoffThenSendFailed(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let policy = RetryPolicy(maxAttempts: 3, delays: [60, 600])
        let first = try #require(try await outbound.claimDueActions(Self.request(limit: 1)).first)
        let other = try await outbound.claimDueActions(Self.request())
        for action in other {
            try await outbound.recordSent(action.id, claim: Self.owner,
                                          receipt: SendReceipt(sentAt: Dataset.now, queueID: nil, reply: nil))
        }
        var now = Dataset.now
        let words = "450 4.2.0 <x@y>: Recipient address rejected: greylisted"
        #expect(try await outbound.recordTemporaryFailure(first.id, claim: Self.owner, reply: words, at: now,
                                                          policy: policy) == .retryAt(now + 60, attempts: 1))
        #expect(try await data.store.action(first.id)?.status == .planned)
        #expect(try await outbound.claimDueActions(Self.request(now: now + 59)).isEmpty)
        now += 60
        let again = try #require(try await outbound.claimDueActions(Self.request(now: now)).first)
        #expect(again.id == first.id && again.attempts == 1 && again.messageID == first.messageID)
        #expect(try await outbound.recordTemporaryFailure(first.id, claim: Self.owner, reply: words, at: now,
                                                          policy: policy) == .retryAt(now + 600, attempts: 2))
        now += 600
        _ = try #require(try await outbound.claimDueActions(Self.request(now: now)).first)
        #expect(try await outbound.recordTemporaryFailure(first.id, claim: Self.owner, reply: words, at: now,
                                                          policy: policy) == .gaveUp(attempts: 3))
        let stored = try #require(try await data.store.action(first.id))
        #expect(stored.status == .error && stored.errorCause == .sendFailed && stored.errorDetail == words)
        #expect(try await outbound.claimDueActions(Self.request(now: now + 86_400)).isEmpty)
    }

    @Test(arguments: StoreFactory.all)
    func actionsLeftSendingAreToVerifyAndNeverReclaimed(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let crashed = try await outbound.claimDueActions(Self.request(limit: 2))
        // The sender died: nothing recorded. A later scheduler does not take them.
        let later = Dataset.now.addingTimeInterval(3600)
        let next = try await outbound.claimDueActions(Self.request(Self.other, now: later))
        #expect(next.count == 1 && !crashed.map(\.id).contains(next[0].id))
        #expect(try await outbound.claimDueActions(Self.request(Self.other, now: later)).isEmpty)
        let toVerify = try await outbound.actionsToVerify(claimedBefore: later)
        #expect(Set(toVerify.map(\.id)) == Set(crashed.map(\.id)) && toVerify.allSatisfy { $0.owner == Self.owner })
        #expect(Set(toVerify.compactMap(\.messageID)) == Set(crashed.map(\.messageID)))
        // A recent claim (the other's, still in flight) is not listed before its time.
        #expect(try await outbound.actionsToVerify(claimedBefore: Dataset.now).isEmpty)
        // A person checks: the first went out, the second did not and goes back to the queue.
        try await outbound.resolveToVerify(crashed[0].id, sent: true, by: data.alice, at: later)
        try await outbound.resolveToVerify(crashed[1].id, sent: false, by: data.alice, at: later)
        #expect(try await data.store.action(crashed[0].id)?.status == .done)
        #expect(try await data.store.action(crashed[1].id)?.status == .planned)
        let resent = try await outbound.claimDueActions(Self.request(now: later))
        #expect(resent.map(\.id) == [crashed[1].id] && resent[0].messageID == crashed[1].messageID)
        await #expect(throws: AgendaStoreError.self) {
            try await outbound.resolveToVerify(crashed[0].id, sent: true, by: nil, at: later)
        }
    }

    @Test(arguments: StoreFactory.all)
    func aReleasedClaimWaitsUntilItsTimeWithTheReasonShown(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let action = try #require(try await outbound.claimDueActions(Self.request(limit: 1)).first)
        let until = Dataset.now.addingTimeInterval(86_400)
        try await outbound.releaseClaim(action.id, claim: Self.owner, reason: "open_dispute", until: until,
                                        at: Dataset.now)
        #expect(try await data.store.action(action.id)?.status == .planned)
        #expect(try await outbound.sendRecord(action.id)?.heldReason == "open_dispute")
        #expect(!(try await outbound.claimDueActions(Self.request(now: until - 1)).contains { $0.id == action.id }))
        let back = try await outbound.claimDueActions(Self.request(now: until, today: Day(date: until)))
        #expect(back.contains { $0.id == action.id })
        #expect(try await outbound.sendRecord(action.id)?.heldReason == nil)
        #expect(try await outbound.sendRecord(action.id)?.attempts == 0)
    }

    @Test(arguments: StoreFactory.all)
    func onlySentActionsBounceAndOnlyOnce(factory: StoreFactory) async throws {
        let (data, outbound) = try await Self.planned(factory)
        let claimed = try await outbound.claimDueActions(Self.request(limit: 2))
        try await outbound.recordSent(claimed[0].id, claim: Self.owner,
                                      receipt: SendReceipt(sentAt: Dataset.now, queueID: "Q1", reply: nil))
        let unsent = try #require(try await data.store.actions(of: try await data.customer("C3").id).first)
        #expect(unsent.status == .planned || claimed.contains { $0.id == unsent.id })
        #expect(try await outbound.recordBounce(claimed[0].id, detail: "userunknown 5.1.1",
                                                receivedAt: Dataset.now, at: Dataset.now))
        #expect(try await outbound.recordBounce(claimed[1].id, detail: "userunknown 5.1.1",
                                                receivedAt: Dataset.now, at: Dataset.now),
                "an action to verify evidently went out")
        #expect(!(try await outbound.recordBounce(claimed[0].id, detail: "again",
                                                receivedAt: Dataset.now, at: Dataset.now)))
        let bounced = try #require(try await data.store.action(claimed[0].id))
        #expect(bounced.status == .error && bounced.errorCause == .bounced && bounced.errorDetail == "userunknown 5.1.1")
        let planned = try await outbound.dueActions(Self.request())
        #expect(planned.count == 1)
        #expect(!(try await outbound.recordBounce(planned[0], detail: "x",
                                                receivedAt: Dataset.now, at: Dataset.now)), "never sent")
    }
}
