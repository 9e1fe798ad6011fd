import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AgendaStore
@testable import WebUI

/// The agenda's tab counts when the store capped them, and the Server-Timing header the UI benchmark reads.
@Suite struct AgendaCountsTests {
    @Test func cappedCountsShowAsAtLeast() {
        let user = User(id: UserID(1), login: "admin", name: "Admin", role: .admin)
        let session = Session(id: "s", user: user, csrfToken: "t", expires: Date(), filters: AgendaFilters(for: .admin))
        let html = AgendaView.page(session: session, tab: .history,
                                   counts: [.history: (1_000, 12, true), .manual: (7, 2, false)], table: "",
                                   pager: "").markup
        #expect(html.contains("<span class=\"count-total\">1000+</span><span class=\"count-todo\">12+</span>"))
        #expect(html.contains("<span class=\"count-total\">7</span><span class=\"count-todo\">2</span>"))
    }

    @Test func everyResponseSaysHowLongTheServerTook() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            for uri in ["/login", "/agenda/manual", "/no-such-page"] {
                let response = try await client.execute(uri: uri, method: .get)
                let timing = try #require(response.headers[HTTPField.Name("Server-Timing")!], "\(uri)")
                #expect(timing.hasPrefix("app;dur=") && Double(timing.dropFirst(8)) != nil, "\(uri): \(timing)")
            }
        }
        #expect(ServerTimingMiddleware.milliseconds(.milliseconds(12) + .microseconds(345)) == "12.34")
        #expect(ServerTimingMiddleware.milliseconds(.microseconds(50)) == "0.05")
        #expect(ServerTimingMiddleware.milliseconds(.seconds(2)) == "2000.00")
    }
}
