import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// The operators' pages: for operators and admins only, safe to render, every form behind its CSRF token.
@Suite struct OperatorPagesTests {
    static let pages = ["/operator", "/operator/mailboxes", "/operator/quarantine", "/operator/models",
                        "/operator/labels", "/operator/templates", "/operator/labels/export.jsonl"]

    @Test(arguments: ["olga", "adam"])
    func everyOperatorPageRendersForOperatorsAndAdmins(login: String) async throws {
        let fixture = try await OperatorFixture.make()
        _ = try await fixture.quarantined(uid: 1)
        try await fixture.test { client in
            let browser = try await Browser.login(client, as: login)
            for path in Self.pages {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path) for \(login)")
                PageTests.expectSafe(response, path: path)
            }
            let overview = try await browser.get("/operator").text
            for section in OperatorLayout.sections { #expect(overview.contains("href=\"\(section.path)\"")) }
            #expect(overview.contains("Quarantine</a>: 1 waiting"))
        }
    }

    @Test func collectorsGetNotFoundForEveryOperatorPageAndForm() async throws {
        let fixture = try await OperatorFixture.make()
        let message = try await fixture.quarantined(uid: 1)
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            for path in Self.pages + ["/operator/models/1", "/operator/quarantine/\(message.rawValue)/raw"] {
                #expect(try await alice.get(path).status == .notFound, "\(path)")
            }
            let posts: [(String, [String: String])] = [
                ("/operator/quarantine/\(message.rawValue)", ["disposition": "discarded"]),
                ("/operator/models/train", [:]), ("/operator/models/evaluate", [:]),
                ("/operator/models/1/promote", [:]),
                ("/operator/labels/\(fixture.base.hostileReply.rawValue)", ["intent": "other"]),
            ]
            for (path, fields) in posts {
                #expect(try await alice.post(path, fields).status == .notFound, "\(path)")
            }
            #expect(try await fixture.store.quarantine(limit: 10).map(\.id) == [message])
            #expect(try await fixture.store.labelCount() == 0)
            #expect(await fixture.services?.trainedNames == [])
        }
    }

    @Test(arguments: ["", "forged-token"])
    func operatorFormsWithoutTheirCSRFTokenAreRefused(token: String) async throws {
        let fixture = try await OperatorFixture.make()
        let message = try await fixture.quarantined(uid: 1)
        try await fixture.test { client in
            var olga = try await Browser.login(client, as: "olga")
            olga.csrf = ""
            let posts: [(String, [String: String])] = [
                ("/operator/quarantine/\(message.rawValue)", ["disposition": "discarded"]),
                ("/operator/models/train", [:]), ("/operator/models/evaluate", [:]),
                ("/operator/labels/\(fixture.base.hostileReply.rawValue)", ["intent": "other"]),
            ]
            for (path, fields) in posts {
                #expect(try await olga.post(path, fields, csrf: token).status == .forbidden, "\(path)")
            }
            #expect(try await fixture.store.quarantine(limit: 10).map(\.id) == [message])
            #expect(try await fixture.store.labelCount() == 0)
            #expect(await fixture.services?.trainedNames == [])
        }
    }

    @Test func theStyleSheetCarriesTheOperatorRules() async throws {
        let fixture = try await OperatorFixture.make()
        try await fixture.test { client in
            let css = try await client.execute(uri: "/static/app.css", method: .get).text
            #expect(css.contains("td.diag4") && css.contains("td.off4") && css.contains("tr.green td"))
        }
    }
}
