import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// Every page renders for every role, with the security headers and without any script.
@Suite struct PageTests {
    static let logins = ["alice", "olga", "adam"]

    @Test(arguments: logins)
    func everyPageRendersForEachRole(login: String) async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.login(client, as: login)
            var paths = AgendaTab.allCases.map { "/agenda/\($0.rawValue)" }
            paths += ["/customers/\(fixture.acme.rawValue)", "/replies/\(fixture.acmeReply.rawValue)",
                      "/replies/\(fixture.hostileReply.rawValue)", "/agenda/manual?page=2", "/charts"]
            if login != "alice" { paths += ["/operator", "/customers/\(fixture.beta.rawValue)"] }
            for path in paths {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path) for \(login)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                Self.expectSafe(response, path: path)
            }
            let csv = try await browser.get("/export/history.csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
        }
    }

    static func expectSafe(_ response: TestResponse, path: String) {
        let csp = response.headers[.contentSecurityPolicy] ?? ""
        #expect(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline") && !csp.contains("script-src"),
                "\(path)")
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        #expect(!response.text.lowercased().contains("<script"), "\(path)")
        #expect(!response.text.contains(" style="), "\(path) has inline style")
    }

    @Test func tabsShowGreyTotalsAndRedToDoCounts() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.login(client, as: "adam")
            let page = try await browser.get("/agenda/replies").text
            // Three replies, all with open proposals.
            #expect(page.contains("Replies &amp; Comments<span class=\"count-total\">3</span><span class=\"count-todo\">3</span>"))
            #expect(page.contains("Oldest reply waiting for review: <strong>2 h</strong>"))
            let automatic = try await browser.get("/agenda/automatic").text
            #expect(automatic.contains("<tr class=\"red\">"), "unconfirmed overdue automatic actions are red")
        }
    }

    @Test func filtersPersistAcrossTabsAndCollectorsStayOnTheirCustomers() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let before = try await alice.get("/agenda/replies").text
            #expect(before.contains("Acme SA") && !before.contains("Beta GmbH"))
            let set = try await alice.post("/agenda/filters", ["tab": "manual", "channel": "email", "scope": "all"])
            #expect(set.status == .seeOther && set.headers[.location] == "/agenda/manual")
            let other = try await alice.get("/agenda/automatic").text
            #expect(other.contains("name=\"channel\" value=\"email\" checked"))
            #expect(!other.contains("name=\"channel\" value=\"sms\" checked"))
            // "scope=all" is ignored for a collector.
            #expect(!(try await alice.get("/agenda/replies").text.contains("Beta GmbH")))
            let adam = try await Browser.login(client, as: "adam")
            #expect(try await adam.get("/agenda/replies").text.contains("Beta GmbH"))
        }
    }

    @Test func chartsCountRepliesActionsAndDecisions() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let adam = try await Browser.login(client, as: "adam")
            var page = try await adam.get("/charts").text
            #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Replies and comments by intent\""))
            #expect(page.contains(">payment made</text>") && page.contains(">promise to pay</text>"))
            #expect(page.contains(">email: to do</text>"))
            #expect(page.contains("Acceptance rate (accepted or corrected among decided proposals): <strong>–</strong>"))
            let proposal = try await fixture.store.proposals(of: fixture.acmeReply)[0]
            _ = try await adam.post("/replies/\(fixture.acmeReply.rawValue)/decide",
                                    ["proposal": "\(proposal.id.rawValue)", "verdict": "accept"])
            page = try await adam.get("/charts").text
            #expect(page.contains("<strong>100 %</strong>"))
            let counts = try await fixture.store.decisionCounts(collector: nil)
            #expect(counts.decided == [.accepted: 1] && counts.open == 3)
            let alice = try await fixture.store.replyIntentCounts(collector: fixture.users["alice"])
            #expect(alice == [.promiseToPay: 1, .paymentMade: 1])
        }
    }

    @Test func healthMetricsAndStyleSheetArePublic() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok && health.text == "ok\n")
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok && metrics.text.contains("ingestd_test_metric 1"))
            let css = try await client.execute(uri: "/static/app.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            let missing = try await client.execute(uri: "/nothing-here", method: .get)
            #expect(missing.status == .seeOther || missing.status == .notFound)
        }
    }
}
