import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The web UI's state across restarts (`WebStateStore`): sessions, model jobs, the labelling queue's pages, scenario
/// step edits and the configuration history.
@Suite struct WebStateQueriesTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18 11:06:40 UTC

    @Test func sessionsSurviveAReopenExpireAndAreDeletedOnLogout() async throws {
        let path = TemporaryDatabase.path()
        let store = try SQLiteAgendaStore(path: path)
        let alice = try await store.createUser(login: "alice", name: "Alice", role: .collector)
        let key = StoredWebSession.key(forToken: "token-1")
        #expect(key.count == 64 && key != "token-1")
        try await store.saveSession(StoredWebSession(key: key, user: alice, csrfToken: "csrf", expires: Self.now + 60,
                                                     filters: "scope=mine"))
        try await store.saveSession(StoredWebSession(key: "old", user: alice, csrfToken: "c", expires: Self.now - 1,
                                                     filters: ""))
        let reopened = try SQLiteAgendaStore(path: path)
        let found = try #require(try await reopened.webSession(key: key, now: Self.now))
        #expect(found.user == alice && found.csrfToken == "csrf" && found.filters == "scope=mine")
        #expect(try await reopened.webSession(key: key, now: Self.now + 61) == nil, "expired")
        #expect(try await reopened.webSession(key: key, now: Self.now) == nil, "an expired session met is deleted")

        try await reopened.saveSession(StoredWebSession(key: key, user: alice, csrfToken: "csrf", expires: Self.now + 60,
                                                        filters: ""))
        try await reopened.touchWebSession(key: key, expires: Self.now + 3600)
        try await reopened.setWebSessionFilters(key: key, filters: "scope=all&channel=sms")
        let touched = try #require(try await reopened.webSession(key: key, now: Self.now + 120))
        #expect(touched.expires == Self.now + 3600 && touched.filters == "scope=all&channel=sms")
        #expect(try await reopened.purgeWebSessions(now: Self.now) == 1, "the expired one went")
        try await reopened.deleteWebSession(key: key)
        #expect(try await reopened.webSession(key: key, now: Self.now) == nil)
        #expect(try await reopened.purgeWebSessions(now: Self.now) == 0)
    }

    @Test func theLastModelJobIsTheNewestAndItsEndUpdatesItsRow() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        #expect(try await store.lastModelJob() == nil)
        try await store.saveModelJob(ModelJobRecord(id: "a", kind: "training", phase: .running, startedAt: Self.now))
        try await store.saveModelJob(ModelJobRecord(id: "a", kind: "training", phase: .finished, startedAt: Self.now,
                                                    endedAt: Self.now + 5, version: "v2"))
        #expect(try await store.lastModelJob() == ModelJobRecord(id: "a", kind: "training", phase: .finished,
                                                                  startedAt: Self.now, endedAt: Self.now + 5,
                                                                  version: "v2"))
        try await store.saveModelJob(ModelJobRecord(id: "b", kind: "evaluation", phase: .running, startedAt: Self.now + 9))
        let last = try #require(try await store.lastModelJob())
        #expect(last.id == "b" && last.phase == .running && last.endedAt == nil)
    }

    /// Seven replies: confident (0.95), uncertain (0.4, 0.5), abstained, confident but corrected by a collector, a
    /// labelled uncertain one, and an uncertain auto-reply (not a reply or comment).
    @Test func theLabellingQueueIsPagedNewestFirstOverUncertainUnlabelledReplies() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let olga = try await store.createUser(login: "olga", name: "Olga", role: .operator)
        var ids: [InboundMessageID] = []
        let rows: [(Double, Intent?, MessageKind)] = [(0.95, .paymentMade, .reply), (0.40, .dispute, .reply),
                                                      (0.0, nil, .comment), (0.50, .promiseToPay, .reply),
                                                      (0.40, .other, .reply), (0.30, .other, .autoReply)]
        let same = Self.now.addingTimeInterval(100)
        for (n, row) in rows.enumerated() {
            // Two messages share an arrival instant: the id breaks the tie.
            let at = n >= 3 ? same : Self.now.addingTimeInterval(Double(n))
            ids.append(try await store.storeInbound(
                InboundMessage(raw: Data("message \(n)".utf8), kind: row.2, receivedAt: at),
                analysis: MessageAnalysis(language: "fr", visibleText: "texte \(n)", intent: row.1,
                                          confidence: row.0)).id)
        }
        try await store.label(ids[4], ReplyLabel(intent: .other), by: olga, at: Self.now)
        let all = try await store.labellingPage(threshold: 0.85, after: nil, limit: 10)
        #expect(all.map(\.id) == [ids[3], ids[2], ids[1]])
        #expect(all.map(\.id) == (try await store.labellingQueue(threshold: 0.85, limit: 10)).map(\.id),
                "the same queue as the unpaged query")
        let first = try await store.labellingPage(threshold: 0.85, after: nil, limit: 2)
        #expect(first.map(\.id) == [ids[3], ids[2]])
        let cursor = LabellingCursor(receivedAt: first[1].receivedAt, id: first[1].id)
        #expect(try await store.labellingPage(threshold: 0.85, after: cursor, limit: 2).map(\.id) == [ids[1]])
        let tie = LabellingCursor(receivedAt: same, id: ids[4])
        #expect(try await store.labellingPage(threshold: 0.85, after: tie, limit: 5).map(\.id) == [ids[3], ids[2], ids[1]],
                "a cursor inside a tie keeps the rows with a smaller id")
        #expect(try await store.labellingPage(threshold: 0.3, after: nil, limit: 10).map(\.id) == [ids[2]])
    }

    @Test func theLabellingQueryReadsIndexesNotTheWholeRepliesTable() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let plan = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteAgendaStore.labellingPageSQL,
                             arguments: ["threshold": 0.85, "cursorAt": nil, "cursorID": nil, "limit": 50])
                .map { $0["detail"] as String }
        }
        // A full scan reads "SCAN <table>" without "USING ... INDEX"; the CTE's own result may be scanned.
        let fullScans = plan.filter { $0.hasPrefix("SCAN ") && !$0.contains("INDEX") && !$0.hasPrefix("SCAN c") }
        #expect(fullScans.isEmpty, "full scans: \(fullScans)")
        #expect(plan.contains { $0.contains("analysis_abstained") })
        #expect(plan.contains { $0.contains("analysis_confidence") })
        #expect(plan.contains { $0.contains("decision_disagreement") })
    }

    @Test func aScenarioStepChangeIsStoredWithItsHistoryLine() async throws {
        let store = try SQLiteAgendaStore(path: TemporaryDatabase.path())
        let olga = try await store.createUser(login: "olga", name: "Olga", role: .operator)
        let id = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
            ScenarioStep(dayOffset: 7, channel: .email, mode: .automatic, template: "reminder-1"),
            ScenarioStep(dayOffset: 21, channel: .call, mode: .manual, template: "call"),
        ]))
        try await store.updateScenarioStep(scenario: id, position: 0,
                                           to: ScenarioStep(dayOffset: 10, channel: .sms, mode: .automaticWithConfirmation,
                                                            template: "reminder-1"), by: olga, at: Self.now)
        let steps = try #require(try await store.scenarios().first).steps
        #expect(steps[0] == ScenarioStep(dayOffset: 10, channel: .sms, mode: .automaticWithConfirmation,
                                         template: "reminder-1"))
        #expect(steps[1].dayOffset == 21, "the other step is untouched")
        try await store.recordTemplateRevision(TemplateRevision(template: "reminder-1", language: "fr", part: "subject",
                                                                before: "Rappel", after: "Relance", user: olga,
                                                                at: Self.now + 1))
        let history = try await store.configurationHistory(limit: 10)
        #expect(history.map(\.entity) == ["template", "scenario_step"])
        #expect(history[0].subject == "reminder-1/fr.subject" && history[0].before == "Rappel" && history[0].after == "Relance")
        #expect(history[1].subject == "standard #1" && history[1].user == olga)
        #expect(history[1].before == "+7d oldest_open_due_date email automatic reminder-1")
        #expect(history[1].after == "+10d oldest_open_due_date sms automatic_with_confirmation reminder-1")
        await #expect(throws: AgendaStoreError.self) {
            try await store.updateScenarioStep(scenario: id, position: 5, to: steps[0], by: olga, at: Self.now)
        }
        await #expect(throws: AgendaStoreError.self) {
            try await store.updateScenarioStep(scenario: ScenarioID(999), position: 0, to: steps[0], by: olga, at: Self.now)
        }
        try await store.updateScenarioStep(scenario: id, position: 1, to: steps[1], by: olga, at: Self.now)
        #expect(try await store.configurationHistory(limit: 10).count == 2, "an unchanged step writes no history")
    }
}
