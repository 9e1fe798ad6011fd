import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// The customers' interactive page: signed expiring links, the form, and what it sends into Replies & Comments.
@Suite struct CustomerPageTests {
    static let valid = WebFixture.now.addingTimeInterval(86_400)

    @Test func aValidLinkShowsTheOpenItemsInTheCustomersLanguage() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let token = WebFixture.signer.token(customer: fixture.acme, expires: Self.valid)
            let page = try await client.execute(uri: "/c/\(token)", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"fr\">") && page.text.contains("Vos factures ouvertes"))
            #expect(page.text.contains("F-100") && page.text.contains("F-101") && !page.text.contains("F-200"))
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            PageTests.expectSafe(page, path: "/c/")
        }
    }

    @Test(arguments: ["forged", "expired", "other", "swapped", "garbage", "empty-mac"])
    func forgedExpiredOrAlteredLinksAreAPlainNotFound(kind: String) async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let good = WebFixture.signer.token(customer: fixture.acme, expires: Self.valid)
            let parts = good.split(separator: ".").map(String.init)
            let otherKey = PageLinkSigner(key: Array("another key of at least thirty-two bytes".utf8))!
            let token = switch kind {
            case "forged": otherKey.token(customer: fixture.acme, expires: Self.valid)
            case "expired": WebFixture.signer.token(customer: fixture.acme, expires: WebFixture.now.addingTimeInterval(-1))
            case "other": "\(fixture.beta.rawValue).\(parts[1]).\(parts[2])"
            case "swapped": "\(parts[0]).\(Int(parts[1])! + 86_400).\(parts[2])"
            case "empty-mac": "\(parts[0]).\(parts[1])."
            default: "not-a-token"
            }
            let get = try await client.execute(uri: "/c/\(token)", method: .get)
            #expect(get.status == .notFound)
            #expect(!get.text.contains("Acme") && !get.text.contains("Beta"))
            let post = try await client.execute(
                uri: "/c/\(token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Browser.body(["_csrf": WebFixture.signer.formToken(for: token), "answer_1": "paid"]))
            #expect(post.status == .notFound)
            #expect(try await fixture.store.replies(AgendaQuery(today: Format.day(WebFixture.now))).total == 3)
        }
    }

    @Test func aSubmissionBecomesACommentWithProposalsACollectorCanAccept() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let token = WebFixture.signer.token(customer: fixture.acme, expires: Self.valid)
            let f100 = try #require(try await fixture.store.item(number: "F-100")).id.rawValue
            let f101 = try #require(try await fixture.store.item(number: "F-101")).id.rawValue
            let fields = ["answer_\(f100)": "promise", "date_\(f100)": "2026-12-20",
                          "answer_\(f101)": "dispute", "reason_\(f101)": "quality",
                          "comment_\(f101)": "Broken <b>parts</b>"]
            let refused = try await client.execute(
                uri: "/c/\(token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Browser.body(fields))
            #expect(refused.status == .forbidden)
            let sent = try await client.execute(
                uri: "/c/\(token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Browser.body(fields.merging(["_csrf": WebFixture.signer.formToken(for: token)]) { $1 }))
            #expect(sent.status == .seeOther && sent.headers[.location] == "/c/\(token)?sent=1")
            #expect(try await client.execute(uri: "/c/\(token)?sent=1", method: .get).text
                .contains("Merci, nous avons bien reçu votre réponse."))

            let alice = try await Browser.login(client, as: "alice")
            let tab = try await alice.get("/agenda/replies").text
            #expect(tab.contains("Customer page: F-100 promise to pay on 2026-12-20; F-101 dispute (quality)"))
            let rows = try await fixture.store.replies(AgendaQuery(today: Format.day(WebFixture.now), customer: fixture.acme))
            let comment = try #require(rows.rows.first { $0.kind == .comment })
            let page = try await alice.get("/replies/\(comment.message.rawValue)").text
            #expect(page.contains("Broken &lt;b&gt;parts&lt;/b&gt;"))
            let accepted = try await alice.post("/replies/\(comment.message.rawValue)/accept-confident", [:])
            #expect(accepted.headers[.location] == "/replies/\(comment.message.rawValue)?accepted=2")
            #expect(try await fixture.store.item(number: "F-100")?.qualification
                    == QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-20")))
            #expect(try await fixture.store.item(number: "F-101")?.qualification
                    == QualificationState(.dispute, disputeReason: .quality))
        }
    }

    @Test func withoutAServerKeyThereIsNoCustomerPage() async throws {
        let fixture = try await WebFixture.make()
        let web = WebServer(store: fixture.store, options: WebFixture.options())
        let app = Application(router: web.router())
        let token = WebFixture.signer.token(customer: fixture.acme, expires: Self.valid)
        let status = try await app.test(.router) { client async throws -> HTTPResponse.Status in
            try await client.execute(uri: "/c/\(token)", method: .get).status
        }
        #expect(status == .notFound)
    }

    @Test func shortKeysAreRefused() {
        #expect(PageLinkSigner(key: Array("too short".utf8)) == nil)
    }
}
