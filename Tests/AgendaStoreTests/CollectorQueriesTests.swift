import Foundation
import Testing
@testable import AgendaStore

/// `CollectorStore` on SQLite: rescheduling (status rules, history, tallies), counts by day and by outcome, reply
/// intents over a range, alert rules and hits, uploads.
@Suite struct CollectorQueriesTests {
    static func dataset() async throws -> (Dataset, SQLiteAgendaStore) {
        let dataset = try await Dataset.make(.sqlite)
        _ = try await dataset.store.plan(on: Dataset.today, at: Dataset.now)
        return (dataset, try #require(dataset.store as? SQLiteAgendaStore))
    }

    @Test func rescheduleMovesOpenActionsOnlyAndWritesHistory() async throws {
        let (dataset, store) = try await Self.dataset()
        let acme = try await dataset.customer("C1")
        let action = try #require(try await store.actions(of: acme.id).first)
        let before = try await store.actionsByDay(collector: nil, from: action.plannedDate, through: action.plannedDate)
        let target = Dataset.today.adding(days: 7)
        try await store.rescheduleAction(action.id, to: target, by: dataset.alice, at: Dataset.now)
        #expect(try await store.action(action.id)?.plannedDate == target)
        let after = try await store.actionsByDay(collector: nil, from: target, through: target)
        #expect(after.contains { $0.channel == action.channel && $0.status == action.status && $0.count >= 1 })
        let old = try await store.actionsByDay(collector: nil, from: action.plannedDate, through: action.plannedDate)
        let oldTotal: Int = old.map(\.count).reduce(0, +), beforeTotal: Int = before.map(\.count).reduce(0, +)
        #expect(oldTotal == beforeTotal - 1, "the tally moved with the action")
        let history = try await store.history(AgendaQuery(today: Dataset.today, customer: acme.id))
        let event = try #require(history.rows.first { $0.event == "rescheduled" })
        #expect(event.detail == "{\"from\":\"\(action.plannedDate.iso)\",\"to\":\"\(target.iso)\"}")

        try await store.updateAction(action.id, .failed(.bounced, detail: nil), by: nil, at: Dataset.now)
        try await store.rescheduleAction(action.id, to: target.adding(days: 1), by: dataset.alice, at: Dataset.now)
        let retried = try #require(try await store.action(action.id))
        #expect(retried.status == .planned && retried.errorCause == nil, "an action in error goes back to planned")

        try await store.updateAction(action.id, .cancel, by: nil, at: Dataset.now)
        await #expect(throws: AgendaStoreError.self) {
            try await store.rescheduleAction(action.id, to: target, by: dataset.alice, at: Dataset.now)
        }
        await #expect(throws: AgendaStoreError.self) {
            try await store.rescheduleAction(ActionID(999_999), to: target, by: nil, at: Dataset.now)
        }
    }

    @Test func outcomeCountsGroupByChannelStatusAndCause() async throws {
        let (dataset, store) = try await Self.dataset()
        let actions = try await store.actions(of: try await dataset.customer("C1").id)
        let action = try #require(actions.first)
        try await store.updateAction(action.id, .failed(.bounced, detail: nil), by: nil, at: Dataset.now)
        let counts = try await store.actionOutcomeCounts()
        #expect(counts.contains { $0.channel == action.channel && $0.status == .error && $0.cause == .bounced && $0.count == 1 })
        #expect(counts.filter { $0.status != .error }.allSatisfy { $0.cause == nil })
    }

    @Test func replyIntentsAreCountedWithinTheRange() async throws {
        let (dataset, store) = try await Self.dataset()
        let acme = try await dataset.customer("C1")
        for (index, intent) in [Intent.promiseToPay, .dispute].enumerated() {
            _ = try await store.storeInbound(
                InboundMessage(raw: Data("m\(index)".utf8), kind: .reply,
                               receivedAt: Dataset.now.addingTimeInterval(Double(index) * -10 * 86_400),
                               customer: acme.id, correlation: .senderAddress),
                analysis: MessageAnalysis(visibleText: "x", intent: intent, confidence: 0.9))
        }
        let recent = try await store.replyIntentCounts(collector: nil, from: Dataset.today.adding(days: -2), through: Dataset.today)
        #expect(recent == [.promiseToPay: 1])
        let both = try await store.replyIntentCounts(collector: dataset.alice, from: Dataset.today.adding(days: -30),
                                                     through: Dataset.today)
        #expect(both == [.promiseToPay: 1, .dispute: 1])
        #expect(try await store.replyIntentCounts(collector: dataset.bob, from: Dataset.today.adding(days: -30),
                                                  through: Dataset.today).isEmpty)
    }

    @Test func alertRulesAndHitsWithNamesForTheCollector() async throws {
        let (dataset, store) = try await Self.dataset()
        _ = try await store.createAlertRule(AlertRule(name: "Overdue 30", kind: .overdueMoreThan, days: 30))
        _ = try await store.evaluateAlertRules(on: Dataset.today, at: Dataset.now)
        #expect(try await store.alertRules().map(\.rule.name) == ["Overdue 30"])
        let alices = try await store.alertHits(collector: dataset.alice, openOnly: true, limit: 100)
        #expect(!alices.isEmpty && alices.allSatisfy { ["Acme SA", "Gamma BV"].contains($0.customerName) })
        #expect(alices.allSatisfy { $0.ruleName == "Overdue 30" && $0.itemNumber != nil })
        let everyone = try await store.alertHits(collector: nil, openOnly: false, limit: 100)
        #expect(everyone.contains { $0.customerName == "Beta GmbH" })
        #expect(try await store.alertHits(collector: nil, openOnly: false, limit: 1).count == 1)
    }

    @Test func uploadsKeepTheirBytesHashAndMessage() async throws {
        let (dataset, store) = try await Self.dataset()
        let acme = try await dataset.customer("C1")
        let message = try await store.storeInbound(
            InboundMessage(raw: Data("page".utf8), kind: .comment, receivedAt: Dataset.now, customer: acme.id,
                           correlation: .captureToken), analysis: nil).id
        let bytes = Data("%PDF-1.7 proof".utf8)
        let id = try await store.storeUpload(UploadInput(customer: acme.id, message: message, filename: "reçu.pdf",
                                                         contentType: "application/pdf", data: bytes,
                                                         receivedAt: Dataset.now))
        let listed = try await store.uploads(of: message)
        #expect(listed.map(\.id) == [id] && listed[0].size == bytes.count && listed[0].filename == "reçu.pdf")
        #expect(listed[0].sha256 == SHA256.hex(SHA256.hash(bytes)))
        let fetched = try #require(try await store.upload(id))
        #expect(fetched.data == bytes && fetched.info == listed[0])
        #expect(try await store.upload(UploadID(id.rawValue + 1)) == nil)
    }
}
