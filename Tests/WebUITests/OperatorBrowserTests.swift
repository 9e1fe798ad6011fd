import AgendaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// The labelling queue in headless Chromium: the hostile reply's summary stays text, and labelling it through the
/// form works without any script. The screenshot is kept beside the other browser artefacts.
@Suite(.serialized, .enabled(if: WebDriver.available, "chromedriver not installed (Debian chromium-driver)"))
struct OperatorBrowserTests {
    @Test(.timeLimit(.minutes(2)))
    func anOperatorLabelsTheHostileReplyAndNothingInjectedRuns() async throws {
        let fixture = try await OperatorFixture.make()
        let hostile = fixture.base.hostileReply.rawValue
        let app = Application(router: fixture.web.router(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let browser = try await WebDriver()
            do {
                try await browser.go(base + "/login")
                try await browser.type("input[name=login]", "olga")
                try await browser.type("input[name=password]", WebFixture.password)
                try await browser.click("button[type=submit]")
                #expect(try await browser.eventually { try await browser.currentURL().hasSuffix("/agenda/manual") })
                try await browser.go(base + "/operator/labels")
                #expect(await browser.alertOpen() == false, "an injected script ran")
                #expect(try await browser.text("main").contains("<script>alert(5)</script>"), "the summary is text")
                _ = try await browser.script("""
                    document.querySelector('form[action="/operator/labels/\(hostile)"] select[name=intent]').value = 'dispute'
                    """)
                try await browser.click("form[action=\"/operator/labels/\(hostile)\"] button[type=submit]")
                #expect(try await browser.eventually { try await browser.text("main").contains("Label saved.") })
                try FileManager.default.createDirectory(at: BrowserTests.artefacts, withIntermediateDirectories: true)
                try await browser.screenshot().write(to: BrowserTests.artefacts.appendingPathComponent("webui-labels.png"))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
        #expect(try await fixture.store.labelledReplies().map(\.label.intent) == [.dispute])
    }
}
