import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WebUI
@testable import ingestd

/// What a customer submits on the interactive page goes through the inbound pipeline's classify step
/// (`ClassifyingPageSubmissionSink`): stored as kind `comment` with language, summary and proposals, shown in Replies &
/// Comments, and a collector's accept changes the item.
@Suite struct PageSubmissionTests {
    static let signer = PageLinkSigner(key: Array("0123456789abcdef0123456789abcdef".utf8))!
    static let password = "correct horse battery"

    /// The web UI of `serve` over the pipeline fixture's store, with the classifying sink and an operator login.
    static func web(_ fixture: PipelineFixture, classify: Bool = true) async throws -> WebServer {
        let olga = try await fixture.store.createUser(login: "olga", name: "Olga", role: .operator)
        try await fixture.store.setPasswordHash(olga, hash: Passwords.hash(password, cost: 4), at: PipelineFixture.now)
        var options = WebOptions()
        options.bcryptCost = 4
        options.now = { PipelineFixture.now }
        return WebServer(store: fixture.store, options: options, linkSigner: signer,
                         submissions: ClassifyingPageSubmissionSink(pipeline: try fixture.pipeline(classify: classify)))
    }

    /// Logs in as the operator: the session cookie and the CSRF token of its forms.
    static func login(_ client: any TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        let form = try await client.execute(uri: "/login", method: .get)
        let token = try #require(value(of: "ingestd_login", in: form))
        let response = try await client.execute(
            uri: "/login", method: .post,
            headers: [.cookie: "ingestd_login=\(token)", .contentType: "application/x-www-form-urlencoded"],
            body: body(["_csrf": token, "login": "olga", "password": password]))
        let session = try #require(value(of: "ingestd_session", in: response))
        let page = try await client.execute(uri: "/agenda/replies", method: .get,
                                            headers: [.cookie: "ingestd_session=\(session)"])
        let text = String(buffer: page.body)
        let range = try #require(text.range(of: "name=\"_csrf\" value=\""))
        return ("ingestd_session=\(session)", String(text[range.upperBound...].prefix { $0 != "\"" }))
    }

    static func value(of cookie: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(cookie + "=") }
            .map { String($0.dropFirst(cookie.count + 1).prefix { $0 != ";" }) }
    }

    static func body(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.sorted { $0.key < $1.key }
            .map { "\(FormData.encode($0.key))=\(FormData.encode($0.value))" }.joined(separator: "&"))
    }

    @Test(.timeLimit(.minutes(2)))
    func aPageSubmissionIsClassifiedShownWithItsProposalsAndAcceptingItQualifiesTheItem() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let customer = try #require(fixture.customers["B1"])
        let f118 = try #require(try await fixture.store.item(number: "F-118"))
        let f121 = try #require(try await fixture.store.item(number: "F-121"))
        let web = try await Self.web(fixture)
        try await Application(router: web.router()).test(.router) { client in
            let token = Self.signer.token(customer: customer, expires: PipelineFixture.now.addingTimeInterval(86_400))
            let fields = ["_csrf": Self.signer.formToken(for: token),
                          "answer_\(f118.id.rawValue)": "promise", "date_\(f118.id.rawValue)": "2026-12-15",
                          "comment_\(f121.id.rawValue)":
                              "La quantité livrée ne correspond pas à la commande, merci de nous envoyer un avoir."]
            let sent = try await client.execute(uri: "/c/\(token)", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: Self.body(fields))
            #expect(sent.status == .seeOther)

            let rows = try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!, customer: customer))
            let row = try #require(rows.rows.first { $0.kind == .comment })
            #expect(row.intent == .promiseToPay, "the customer's explicit answer sets the intent")
            let detail = try #require(try await fixture.store.inboundRecord(row.message))
            #expect(detail.kind == .comment && detail.correlation == .captureToken && detail.customer == customer)
            let proposals = try await fixture.store.proposals(of: row.message)
            let promise = try #require(proposals.first { $0.itemNumber == "F-118" })
            #expect(promise.proposed == QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-15")))
            #expect(promise.confidence == 1)
            let dispute = try #require(proposals.first { $0.itemNumber == "F-121" }, "the free text was classified")
            #expect(dispute.proposed.qualification == .dispute && dispute.confidence < 1)
            let summary = try #require(row.summary)
            #expect(summary.hasPrefix("Customer page: F-118 promise to pay on 2026-12-15; F-121 comment. "),
                    "the answers, then the classifier's summary")
            #expect(summary.count > "Customer page: F-118 promise to pay on 2026-12-15; F-121 comment. ".count)

            let olga = try await Self.login(client)
            let tab = String(buffer: try await client.execute(uri: "/agenda/replies", method: .get,
                                                              headers: [.cookie: olga.cookie]).body)
            #expect(tab.contains("Customer page: F-118 promise to pay on 2026-12-15"))
            let page = String(buffer: try await client.execute(uri: "/replies/\(row.message.rawValue)", method: .get,
                                                               headers: [.cookie: olga.cookie]).body)
            #expect(page.contains("F-118") && page.contains("F-121"))
            #expect(page.contains("<dt>Language</dt><dd>fr</dd>"), "the classifier's language of the French comment")
            let accepted = try await client.execute(
                uri: "/replies/\(row.message.rawValue)/decide", method: .post,
                headers: [.cookie: olga.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: Self.body(["_csrf": olga.csrf, "proposal": "\(promise.id.rawValue)", "verdict": "accept"]))
            #expect(accepted.status == .seeOther)
        }
        let item = try #require(try await fixture.store.item(number: "F-118"))
        #expect(item.qualification == QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-15")))
        #expect(try await fixture.store.item(number: "F-121")?.qualification.qualification != .dispute,
                "an undecided proposal changes nothing")
    }

    @Test func withoutAModelOnlyTheAnswersAreStoredAndPaidDropsTheItemsProposal() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let customer = try #require(try await fixture.store.customer(fixture.customers["N3"]!))
        let items = try await fixture.store.items(of: customer.id)
        let submission = PageSubmission(customer: customer, lines: [
            .init(item: items[0], answer: .paid, comment: "Paid yesterday"),
            .init(item: items[1], answer: .dispute(.quality), comment: ""),
        ], receivedAt: PipelineFixture.now)
        let outcome = try await fixture.pipeline(classify: false).acceptPageSubmission(submission)
        let proposals = try await fixture.store.proposals(of: outcome.stored.id)
        #expect(proposals.map(\.itemNumber) == [items[1].number])
        #expect(proposals.first?.proposed == QualificationState(.dispute, disputeReason: .quality))
        let row = try #require(try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!,
                                                                           customer: customer.id)).rows
            .first { $0.message == outcome.stored.id })
        #expect(row.intent == .dispute && row.summary == "Customer page: \(items[0].number) paid; \(items[1].number) dispute (quality)")
        let raw = try #require(try await fixture.store.rawMessage(outcome.stored.id))
        let json = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        #expect(json["type"] as? String == "page_submission" && (json["lines"] as? [Any])?.count == 2)
        let again = try await fixture.pipeline(classify: false).acceptPageSubmission(submission)
        #expect(!again.stored.created && again.stored.id == outcome.stored.id, "the same submission is stored once")
    }
}
