import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import WebUI

/// The collectors' pages beyond the agenda: reschedule, the original message and its attachments, the alerts page,
/// the charts over a date range.
@Suite struct CollectorPageTests {
    /// A reader that returns a fixed message with a hostile text and attachment name (as a MIME reader might).
    struct FixedReader: OriginalMessageReader {
        func read(_ raw: Data) -> OriginalMessage {
            OriginalMessage(headers: [("Subject", "<img src=x onerror=alert(1)>"), ("From", "a@b.example")],
                            text: "<script>alert(2)</script> paid",
                            attachments: [.init(filename: "proof\".html", contentType: "text/html",
                                                data: Data("<script>alert(3)</script>".utf8)),
                                          .init(filename: "virement é.pdf", contentType: "application/pdf",
                                                data: Data("%PDF-1.4".utf8))])
        }
    }

    static func firstOpenAction(_ fixture: WebFixture, customer: CustomerID) async throws -> Action {
        try #require(try await fixture.store.actions(of: customer).first { [.planned, .confirmed].contains($0.status) })
    }

    @Test func rescheduleMovesTheActionAndKeepsAHistoryEntry() async throws {
        let fixture = try await WebFixture.make()
        let action = try await Self.firstOpenAction(fixture, customer: fixture.acme)
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let form = try await alice.get("/reschedule/\(action.id.rawValue)?tab=automatic")
            #expect(form.status == .ok && form.text.contains("type=\"date\"") && form.text.contains("name=\"_csrf\""))
            #expect(form.text.contains("min=\"\(Format.day(WebFixture.now).iso)\""))
            let agenda = try await alice.get("/agenda/automatic")
            #expect(agenda.text.contains("/reschedule/\(action.id.rawValue)"), "the agenda links to the form")

            let refused = try await alice.post("/reschedule/\(action.id.rawValue)", ["date": "2026-12-24"], csrf: "forged")
            #expect(refused.status == .forbidden)
            let past = try await alice.post("/reschedule/\(action.id.rawValue)", ["date": "2026-01-01"])
            #expect(past.status == .badRequest)
            let done = try await alice.post("/reschedule/\(action.id.rawValue)", ["date": "2026-12-24", "tab": "automatic"])
            #expect(done.status == .seeOther && done.headers[.location] == "/agenda/automatic")
            #expect(try await fixture.store.action(action.id)?.plannedDate == Day(iso: "2026-12-24"))
            let history = try await fixture.store.history(AgendaQuery(today: Format.day(WebFixture.now), customer: fixture.acme))
            let entry = try #require(history.rows.first { $0.event == "rescheduled" })
            #expect(entry.detail.contains("2026-12-24") && entry.user == fixture.users["alice"])

            let bob = try await Browser.login(client, as: "bob")
            #expect(try await bob.get("/reschedule/\(action.id.rawValue)").status == .notFound)
            #expect(try await bob.post("/reschedule/\(action.id.rawValue)", ["date": "2026-12-30"]).status == .notFound)
            #expect(try await fixture.store.action(action.id)?.plannedDate == Day(iso: "2026-12-24"))
        }
    }

    @Test func aDoneOrCancelledActionCannotBeRescheduled() async throws {
        let fixture = try await WebFixture.make()
        let action = try await Self.firstOpenAction(fixture, customer: fixture.acme)
        try await fixture.store.updateAction(action.id, .cancel, by: nil, at: WebFixture.now)
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            #expect(try await alice.post("/reschedule/\(action.id.rawValue)", ["date": "2026-12-24"]).status == .conflict)
        }
        await #expect(throws: AgendaStoreError.self) {
            try await fixture.store.rescheduleAction(action.id, to: Day(iso: "2026-12-24")!, by: nil, at: WebFixture.now)
        }
    }

    @Test func theOriginalMessageIsTextAndAttachmentsAreDownloadsOnly() async throws {
        let fixture = try await WebFixture.make()
        var web = fixture.web
        web.messageReader = FixedReader()
        let app = Application(router: web.router())
        try await app.test(.router) { client in
            let alice = try await Browser.login(client, as: "alice")
            let reply = try await alice.get("/replies/\(fixture.acmeReply.rawValue)")
            #expect(reply.text.contains("/replies/\(fixture.acmeReply.rawValue)/original"))
            let page = try await alice.get("/replies/\(fixture.acmeReply.rawValue)/original")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>") && !page.text.contains("<img src=x"))
            #expect(page.text.contains("&lt;script&gt;alert(2)&lt;/script&gt; paid"))
            #expect(page.text.contains("/replies/\(fixture.acmeReply.rawValue)/attachments/0"))
            PageTests.expectSafe(page, path: "/original")

            let file = try await alice.get("/replies/\(fixture.acmeReply.rawValue)/attachments/0")
            #expect(file.status == .ok && file.text == "<script>alert(3)</script>")
            #expect(file.headers[.contentType] == "application/octet-stream")
            let disposition = try #require(file.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment; filename=\"proof_.html\"; filename*=UTF-8''proof%22.html"))
            #expect(file.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            #expect(file.headers[.xContentTypeOptions] == "nosniff")
            let second = try await alice.get("/replies/\(fixture.acmeReply.rawValue)/attachments/1")
            #expect(second.headers[.contentDisposition]?.contains("filename*=UTF-8''virement%20%C3%A9.pdf") == true)
            #expect(try await alice.get("/replies/\(fixture.acmeReply.rawValue)/attachments/2").status == .notFound)

            let bob = try await Browser.login(client, as: "bob")
            #expect(try await bob.get("/replies/\(fixture.acmeReply.rawValue)/original").status == .notFound)
            #expect(try await bob.get("/replies/\(fixture.acmeReply.rawValue)/attachments/0").status == .notFound)
        }
    }

    @Test func thePlainReaderShowsHeadersAndBodyEscaped() {
        let raw = Data("Subject: Re: F-100\r\n folded\r\nFrom: <a@b.example>\r\n\r\n<b>bold</b> text\r\n".utf8)
        let message = PlainOriginalMessageReader().read(raw)
        #expect(message.headers.map(\.name) == ["Subject", "From"])
        #expect(message.headers[0].value == "Re: F-100 folded")
        #expect(message.text == "<b>bold</b> text\n")
    }

    @Test func theAlertsPageListsRulesAndHitsOfTheCollectorsCustomers() async throws {
        let fixture = try await WebFixture.make()
        _ = try await fixture.store.createAlertRule(AlertRule(name: "Over 1000 EUR", kind: .outstandingAbove,
                                                              thresholdMinor: 100_000, currency: "EUR"))
        _ = try await fixture.store.createAlertRule(AlertRule(name: "Overdue 20 days", kind: .overdueMoreThan, days: 20))
        let raised = try await fixture.store.evaluateAlertRules(on: Format.day(WebFixture.now), at: WebFixture.now)
        #expect(!raised.isEmpty)
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let page = try await alice.get("/alerts")
            #expect(page.status == .ok)
            #expect(page.text.contains("Over 1000 EUR") && page.text.contains("Overdue 20 days"))
            #expect(page.text.contains("outstanding above 1000.00 EUR"))
            #expect(page.text.contains("Acme SA"), "Acme's open items raise alerts")
            #expect(!page.text.contains("Beta GmbH"), "a collector sees only their customers' alerts")
            let admin = try await Browser.login(client, as: "adam")
            let all = try await admin.get("/alerts?show=all")
            #expect(all.text.contains("Beta GmbH") && all.text.contains("Acme SA"))
        }
    }

    @Test func chartsOverADateRangeDrawThePlannedActions() async throws {
        let fixture = try await WebFixture.make()
        let today = Format.day(WebFixture.now)
        let counts = try await fixture.store.actionsByDay(collector: nil, from: today.adding(days: -60),
                                                          through: today.adding(days: 60))
        #expect(!counts.isEmpty)
        try await fixture.test { client in
            let admin = try await Browser.login(client, as: "adam")
            let page = try await admin.get("/charts/daily?from=\(today.adding(days: -60).iso)&to=\(today.adding(days: 60).iso)")
            #expect(page.status == .ok && page.text.contains("<svg") && page.text.contains("Actions per planned day"))
            #expect(page.text.components(separatedBy: "<rect").count - 1 >= 1)
            #expect(page.text.contains("value=\"\(today.adding(days: -60).iso)\""))
            PageTests.expectSafe(page, path: "/charts/daily")
            let empty = try await admin.get("/charts/daily?from=2020-01-01&to=2020-01-31")
            #expect(empty.status == .ok && !empty.text.contains("<title>2020-01-"))
            let charts = try await admin.get("/charts")
            #expect(charts.text.contains("/charts/daily"))
        }
    }

    @Test func theHistoryExportLinkLeadsToTheCSV() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let page = try await alice.get("/agenda/history")
            let range = try #require(page.text.range(of: "href=\"/export/history.csv\""))
            #expect(!range.isEmpty)
            let csv = try await alice.get("/export/history.csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
        }
    }
}
