import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The operators' reads and writes (`OperatorStore`): mailbox overview, quarantine, labels, scenarios.
@Suite struct OperatorQueriesTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18 11:06:40 UTC
    static let midnight = Date(timeIntervalSince1970: 1_794_960_000)

    static func message(_ n: Int, mailbox: String?, uid: UInt32 = 0, at: Date, quarantine: String? = nil) -> InboundMessage {
        InboundMessage(raw: Data("message \(n)".utf8),
                       source: mailbox.map { MailboxPosition(mailbox: $0, uidValidity: 9, uid: uid) },
                       kind: quarantine == nil ? .reply : .other, receivedAt: at, quarantineReason: quarantine)
    }

    @Test func mailboxOverviewCountsTodayQuarantineAndTheNewestMessage() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        _ = try await store.storeInbound(Self.message(1, mailbox: "a/INBOX", uid: 1, at: Self.midnight.addingTimeInterval(-1)),
                                         analysis: nil)
        _ = try await store.storeInbound(Self.message(2, mailbox: "a/INBOX", uid: 2, at: Self.midnight), analysis: nil)
        let junk = try await store.storeInbound(Self.message(3, mailbox: "a/INBOX", uid: 3, at: Self.now,
                                                             quarantine: "unparsable"), analysis: nil).id
        _ = try await store.storeInbound(Self.message(4, mailbox: nil, at: Self.now, quarantine: "too_large"), analysis: nil)
        try await store.recordMailboxState(MailboxSyncState(mailbox: "b/INBOX", uidValidity: 1, lastUID: 0), at: Self.now)
        var lines = try await store.mailboxOverview(since: Self.midnight)
        #expect(lines.map(\.mailbox) == ["a/INBOX", "b/INBOX"])
        #expect(lines[0].messagesSince == 2 && lines[0].quarantined == 1 && lines[0].lastReceivedAt == Self.now)
        #expect(lines[0].state?.lastUID == 3 && lines[0].state?.uidValidity == 9)
        #expect(lines[1].messagesSince == 0 && lines[1].lastReceivedAt == nil && lines[1].state?.lastUID == 0)

        #expect(try await store.quarantine(limit: 10).map(\.reason) == ["too_large", "unparsable"])
        let alice = try await store.createUser(login: "olga", name: "Olga", role: .operator)
        try await store.dispose(quarantined: junk, as: .discarded, by: alice, at: Self.now)
        await #expect(throws: AgendaStoreError.self) {
            try await store.dispose(quarantined: junk, as: .released, by: alice, at: Self.now)
        }
        lines = try await store.mailboxOverview(since: Self.midnight)
        #expect(lines[0].quarantined == 0)
        #expect(try await store.quarantine(limit: 10).map(\.reason) == ["too_large"])
        #expect(try await store.quarantine(limit: 10).first?.rawSize == 9)
        let events = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT event FROM history WHERE entity = 'inbound' AND entityId = ?",
                                arguments: [junk.rawValue])
        }
        #expect(events == ["quarantine_discarded"])
    }

    @Test func reprocessingReplacesAWaitingQuarantinedMessageWithTheSameBytesOnly() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let olga = try await store.createUser(login: "olga", name: "Olga", role: .operator)
        let old = Self.message(7, mailbox: "a/INBOX", uid: 7, at: Self.now, quarantine: "correlation_failed")
        let id = try await store.storeInbound(old, analysis: nil).id
        var other = old
        other.raw = Data("other bytes".utf8)
        await #expect(throws: AgendaStoreError.self) {
            try await store.reprocess(quarantined: id, as: InboundBatchEntry(message: other), by: olga, at: Self.now)
        }
        var again = old
        again.quarantineReason = nil
        again.kind = .reply
        let stored = try await store.reprocess(quarantined: id, as: InboundBatchEntry(message: again), by: olga, at: Self.now)
        #expect(stored.created, "the id may be reused: SQLite hands out the highest rowid + 1")
        #expect(try await store.quarantinedMessage(id) == nil)
        #expect(try await store.quarantine(limit: 10).isEmpty)
        #expect(try await store.inboundDetail(stored.id)?.kind == .reply)
        #expect(try await store.rawMessage(stored.id) == old.raw)
        #expect(try await store.mailboxState("a/INBOX")?.lastUID == 7)
        await #expect(throws: AgendaStoreError.self) {
            try await store.reprocess(quarantined: id, as: InboundBatchEntry(message: again), by: olga, at: Self.now)
        }
    }

    @Test func labelsReplaceEachOtherAndLeaveTheQueue() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let olga = try await store.createUser(login: "olga", name: "Olga", role: .operator)
        var ids: [InboundMessageID] = []
        for (n, confidence, intent) in [(1, 0.95, Intent.paymentMade), (2, 0.40, .dispute), (3, 0.0, nil)] as [(Int, Double, Intent?)] {
            ids.append(try await store.storeInbound(
                Self.message(n, mailbox: nil, at: Self.now.addingTimeInterval(Double(n))),
                analysis: MessageAnalysis(language: "fr", visibleText: "texte \(n)", intent: intent,
                                          confidence: confidence)).id)
        }
        #expect(try await store.labellingQueue(threshold: 0.85, limit: 10).map(\.id) == [ids[2], ids[1]])
        #expect(try await store.labellingQueue(threshold: 0.85, limit: 1).map(\.id) == [ids[2]])
        try await store.label(ids[1], ReplyLabel(intent: .dispute, disputeReason: .price), by: olga, at: Self.now)
        try await store.label(ids[1], ReplyLabel(intent: .paymentPlan, disputeReason: .price), by: olga, at: Self.now)
        #expect(try await store.labelCount() == 1)
        #expect(try await store.labellingQueue(threshold: 0.85, limit: 10).map(\.id) == [ids[2]])
        let records = try await store.labelledReplies()
        #expect(records.map(\.label) == [ReplyLabel(intent: .paymentPlan)], "the reason is dropped with the dispute")
        #expect(records.first?.visibleText == "texte 2" && records.first?.language == "fr")
        await #expect(throws: AgendaStoreError.self) {
            try await store.label(InboundMessageID(999), ReplyLabel(intent: .other), by: olga, at: Self.now)
        }
    }

    @Test func scenariosComeWithTheirStepsInOrder() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        _ = try await store.createScenario(ScenarioDefinition(name: "soft", steps: [
            ScenarioStep(dayOffset: -3, channel: .email, mode: .automatic, template: "before"),
            ScenarioStep(dayOffset: 7, dayBase: .previousAction, channel: .sms, mode: .manual, template: "after"),
        ]))
        _ = try await store.createScenario(ScenarioDefinition(name: "hard", steps: [
            ScenarioStep(dayOffset: 0, channel: .call, mode: .manual, template: "call"),
        ]))
        let scenarios = try await store.scenarios()
        #expect(scenarios.map(\.name) == ["hard", "soft"])
        #expect(scenarios[1].steps.map(\.template) == ["before", "after"] && scenarios[1].steps[0].dayOffset == -3)
    }
}
