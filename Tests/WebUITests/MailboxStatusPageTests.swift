import AgendaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import WebUI

/// `/operator/mailboxes`: the pollers' live state next to the store's cursor and counts.
@Suite struct MailboxStatusPageTests {
    static let failing = LiveMailboxStatus(
        key: "collections/INBOX", phase: "backing_off", lastSuccess: WebFixture.now.addingTimeInterval(-3 * 3600),
        lastError: "authentication failed <NO>", lastErrorAt: WebFixture.now.addingTimeInterval(-60),
        needsAttention: true, consecutiveFailures: 4, lagSeconds: 0.85, messagesToday: 12)
    static let healthy = LiveMailboxStatus(key: "billing/INBOX", phase: "idling",
                                           lastSuccess: WebFixture.now.addingTimeInterval(-30), lagSeconds: 12.4,
                                           messagesToday: 3)

    @Test func showsLiveStatusCursorAndQuarantinePerMailbox() async throws {
        let fixture = try await OperatorFixture.make(services: FakeOperatorServices(statuses: [Self.failing, Self.healthy]))
        _ = try await fixture.quarantined(uid: 41)
        _ = try await fixture.quarantined(uid: 42, reason: "unparsable")
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let page = try await olga.get("/operator/mailboxes").text
            let failingRow = try #require(Self.row(of: "collections/INBOX", in: page))
            #expect(failingRow.hasPrefix("<tr class=\"red\">"))
            #expect(failingRow.contains("backing off <strong class=\"error\">needs attention</strong>"))
            #expect(failingRow.contains("authentication failed &lt;NO&gt;"), "the error is escaped")
            #expect(failingRow.contains("2026-11-18 08:06 UTC (3 h ago)"))
            #expect(failingRow.contains("<td>4</td><td>850 ms</td><td>12</td>"))
            #expect(failingRow.contains("UIDVALIDITY 7, UID 42"))
            #expect(failingRow.contains("<a href=\"/operator/quarantine\">2</a>"))
            let healthyRow = try #require(Self.row(of: "billing/INBOX", in: page))
            #expect(healthyRow.hasPrefix("<tr><td>") && healthyRow.contains("idling"))
            #expect(healthyRow.contains("<td>0</td><td>12 s</td><td>3</td>"))
        }
    }

    @Test func withoutPollersTheStoreStillTellsTheCursorAndTodaysMessages() async throws {
        let fixture = try await OperatorFixture.make(services: nil)
        _ = try await fixture.quarantined(uid: 5)
        try await fixture.store.recordMailboxState(MailboxSyncState(mailbox: "old/INBOX", uidValidity: 3, lastUID: 9,
                                                                    highestModSeq: 77), at: WebFixture.now)
        try await fixture.test { client in
            let adam = try await Browser.login(client, as: "adam")
            let page = try await adam.get("/operator/mailboxes").text
            #expect(page.contains("The mail pollers do not run in this process"))
            let row = try #require(Self.row(of: "collections/INBOX", in: page))
            #expect(row.contains("not polled here") && row.contains("<td>1</td><td>2026-11-18 10:56 UTC</td>"))
            #expect(try #require(Self.row(of: "old/INBOX", in: page)).contains("UIDVALIDITY 3, UID 9, MODSEQ 77"))
        }
    }

    @Test(arguments: [(0.4, "400 ms"), (59.6, "60 s"), (600, "10 min"), (10_800, "3 h")])
    func durationsReadNaturally(seconds: Double, text: String) {
        #expect(MailboxStatusView.duration(seconds) == text)
    }

    /// The table row whose first cell is `key`.
    static func row(of key: String, in page: String) -> String? {
        guard let cell = page.range(of: "<td>\(key)</td>"),
              let start = page.range(of: "<tr", options: .backwards, range: page.startIndex..<cell.lowerBound),
              let end = page.range(of: "</tr>", range: cell.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }
}
