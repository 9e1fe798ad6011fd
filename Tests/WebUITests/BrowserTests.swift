import AgendaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// The web UI in headless Chromium (Debian `chromium` + `chromium-driver`), over a live loopback server: what only a
/// browser shows. The screenshot is kept in `.build/test-artefacts/` (or `INGESTD_ARTEFACTS`).
@Suite(.serialized, .enabled(if: WebDriver.available, "chromedriver not installed (Debian chromium-driver)"))
struct BrowserTests {
    static var artefacts: URL {
        if let env = ProcessInfo.processInfo.environment["INGESTD_ARTEFACTS"] { return URL(fileURLWithPath: env) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/test-artefacts")
    }

    static func live(_ fixture: WebFixture, _ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let app = Application(router: fixture.web.router(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))")
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aCollectorAcceptsAProposalAndSeesTheItemsQualificationChange() async throws {
        let fixture = try await WebFixture.make()
        let f100 = try #require(try await fixture.store.item(number: "F-100"))
        try await Self.live(fixture) { base in
            let browser = try await WebDriver()
            do {
                try await browser.go(base + "/login")
                try await browser.type("input[name=login]", "alice")
                try await browser.type("input[name=password]", WebFixture.password)
                try await browser.click("button[type=submit]")
                #expect(try await browser.eventually { try await browser.currentURL().hasSuffix("/agenda/manual") })
                try await browser.go(base + "/agenda/replies")
                try await browser.click("a[href=\"/replies/\(fixture.acmeReply.rawValue)\"]")
                #expect(try await browser.eventually { try await browser.text("mark") == "We pay F-100 on 15 December." })
                try await browser.click("form[action$=\"/decide\"] button[value=accept]")
                #expect(try await browser.eventually { try await browser.text("main").contains("Decided: accepted") })
                try await browser.click("h1 a")
                let qualification = "#item-\(f100.id.rawValue) .qualification"
                #expect(try await browser.eventually {
                    try await browser.text(qualification).hasPrefix("promise to pay on 2026-12-15")
                })
                try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
                try await browser.screenshot().write(to: Self.artefacts.appendingPathComponent("webui-accepted.png"))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
        #expect(try await fixture.store.item(number: "F-100")?.qualification.qualification == .promiseToPay)
    }

    @Test(.timeLimit(.minutes(2)))
    func aHostileReplyStaysInertInTheBrowser() async throws {
        let fixture = try await WebFixture.make()
        try await Self.live(fixture) { base in
            let browser = try await WebDriver()
            do {
                try await browser.go(base + "/login")
                try await browser.type("input[name=login]", "adam")
                try await browser.type("input[name=password]", WebFixture.password)
                try await browser.click("button[type=submit]")
                #expect(try await browser.eventually { try await browser.currentURL().hasSuffix("/agenda/manual") })
                try await browser.go(base + "/replies/\(fixture.hostileReply.rawValue)")
                #expect(await browser.alertOpen() == false, "an injected script ran")
                let injected = try await browser.script("return document.querySelectorAll('script, img, style, iframe, a[href^=\"javascript:\"]').length")
                #expect((injected as? Int) == 0)
                let visible = try await browser.text(".visible")
                #expect(visible.contains("<script>alert(1)</script>") && visible.contains("javascript:alert(3)"))
                let hidden = try await browser.script("return getComputedStyle(document.body).display")
                #expect((hidden as? String) == "block", "an injected style applied")
                try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
                try await browser.screenshot().write(to: Self.artefacts.appendingPathComponent("webui-hostile.png"))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
