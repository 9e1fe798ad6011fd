import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// What the web UI keeps across a restart: sessions (in the store, expiring, deleted on logout), the last model job
/// (shown as interrupted when the daemon stopped during it), and the labelling queue read page by page.
@Suite struct WebStateTests {
    /// A second server over the same store: what the daemon is after a restart.
    static func restarted(_ fixture: WebFixture, options: WebOptions = WebFixture.options(),
                          _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let web = WebServer(store: fixture.store, options: options, linkSigner: WebFixture.signer)
        try await Application(router: web.router()).test(.router, test)
    }

    @Test func aSessionSurvivesARestartUntilItExpiresOrTheUserLogsOut() async throws {
        let fixture = try await WebFixture.make()
        let alice = try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            // The filters chosen before the restart are kept with the session.
            let filtered = try await alice.post("/agenda/filters", ["channel": "sms", "tab": "manual"])
            #expect(filtered.status == .seeOther)
            return alice
        }
        let key = StoredWebSession.key(forToken: String(alice.cookie.dropFirst("ingestd_session=".count)))
        let stored = try #require(try await fixture.store.webSession(key: key, now: WebFixture.now))
        #expect(stored.user == fixture.users["alice"] && stored.csrfToken == alice.csrf)
        #expect(stored.filters == "scope=mine&channel=sms")
        #expect(!alice.cookie.contains(stored.key), "the store keeps a digest, not the cookie's value")

        try await Self.restarted(fixture) { client in
            let again = Browser(client: client, cookie: alice.cookie, csrf: alice.csrf)
            let page = try await again.get("/agenda/manual")
            #expect(page.status == .ok && page.text.contains("Alice"), "still logged in after the restart")
            #expect(Browser.csrfToken(in: page.text) == alice.csrf, "with the same CSRF token")
            let out = try await again.post("/logout", [:])
            #expect(out.status == .seeOther && out.headers[.location] == "/login")
        }
        #expect(try await fixture.store.webSession(key: key, now: WebFixture.now) == nil, "logout deletes it")
        try await Self.restarted(fixture) { client in
            let page = try await Browser(client: client, cookie: alice.cookie, csrf: alice.csrf).get("/agenda/manual")
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
        }
    }

    @Test func anExpiredStoredSessionIsRefusedAfterARestart() async throws {
        let fixture = try await WebFixture.make()
        let alice = try await fixture.test { client in try await Browser.login(client, as: "alice") }
        var later = WebFixture.options()
        let lifetime = later.sessionLifetime
        later.now = { WebFixture.now.addingTimeInterval(lifetime + 1) }
        try await Self.restarted(fixture, options: later) { client in
            let page = try await Browser(client: client, cookie: alice.cookie, csrf: alice.csrf).get("/agenda/manual")
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
        }
        let key = StoredWebSession.key(forToken: String(alice.cookie.dropFirst("ingestd_session=".count)))
        #expect(try await fixture.store.webSession(key: key, now: WebFixture.now) == nil, "the expired row is gone")
    }

    @Test func aJobRunningWhenTheDaemonStoppedShowsAsInterrupted() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            _ = try await olga.post("/operator/models/train", ["name": "v9"])
            await fixture.web.modelJobs.wait()
        }
        let finished = try #require(try await fixture.store.lastModelJob())
        #expect(finished.phase == .finished && finished.version == "v9" && finished.kind == "training")
        // After a restart the finished job is still shown.
        try await Self.restarted(fixture.base) { client in
            let page = try await Browser.login(client, as: "olga").get("/operator/models").text
            #expect(page.contains("The training finished at 2026-11-18 11:06 UTC: version <strong>v9</strong>."))
        }
        // A job the store still sees running belonged to a process that stopped.
        try await fixture.store.saveModelJob(ModelJobRecord(id: "gone", kind: "evaluation", phase: .running,
                                                            startedAt: WebFixture.now))
        try await Self.restarted(fixture.base) { client in
            let page = try await Browser.login(client, as: "olga").get("/operator/models").text
            #expect(page.contains("The evaluation started at 2026-11-18 11:06 UTC was interrupted"))
        }
    }

    @Test func theLabellingQueueIsPagedNewestFirst() async throws {
        let fixture = try await WebFixture.make()
        var ids: [InboundMessageID] = []
        for n in 0..<3 {
            ids.append(try await fixture.store.storeInbound(
                InboundMessage(raw: Data("unsure \(n)".utf8), kind: .reply,
                               receivedAt: WebFixture.now.addingTimeInterval(Double(60 + n)), customer: fixture.acme,
                               correlation: .senderAddress),
                analysis: MessageAnalysis(visibleText: "?", intent: nil, confidence: 0.2)).id)
        }
        // Newest first: the three new ones (abstained), then the hostile reply (80 %).
        let expected = ids.reversed() + [fixture.hostileReply]
        var options = WebFixture.options()
        options.pageSize = 2
        let web = WebServer(store: fixture.store, options: options)
        try await Application(router: web.router()).test(.router) { client in
            let olga = try await Browser.login(client, as: "olga")
            let first = try await olga.get("/operator/labels").text
            #expect(Self.listed(first, expected) == Array(expected.prefix(2)))
            let next = try #require(Self.nextLink(first))
            let second = try await olga.get(next).text
            #expect(Self.listed(second, expected) == Array(expected.suffix(2)))
            #expect(Self.nextLink(second) == nil && second.contains("<a href=\"/operator/labels\">Newest</a>"))
            #expect(try await olga.get("/operator/labels?after=garbage").status == .badRequest)
        }
    }

    /// The ids among `ids` whose row links appear in `page`, in page order.
    static func listed(_ page: String, _ ids: [InboundMessageID]) -> [InboundMessageID] {
        ids.compactMap { id in page.range(of: "<a href=\"/replies/\(id.rawValue)\">").map { (id, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    static func nextLink(_ page: String) -> String? {
        guard let range = page.range(of: "<a href=\"/operator/labels?after=") else { return nil }
        let rest = page[range.lowerBound...].dropFirst("<a href=\"".count)
        return String(rest.prefix { $0 != "\"" })
    }
}
