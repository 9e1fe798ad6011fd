import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import WebUI

/// A store with four users (two collectors, an operator, an admin), four customers, a scenario with planned actions,
/// a reply with proposals for Alice's customer, a reply for Bob's, and a hostile reply; the web UI over it with a
/// pinned clock and cheap bcrypt.
struct WebFixture: Sendable {
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18
    static let password = "correct horse battery"
    static let signer = PageLinkSigner(key: Array("0123456789abcdef0123456789abcdef".utf8))!

    let store: SQLiteAgendaStore
    let web: WebServer
    let users: [String: UserID]
    let acme: CustomerID, beta: CustomerID
    let acmeReply: InboundMessageID, betaReply: InboundMessageID, hostileReply: InboundMessageID

    static let customersCSV = """
        key;name;language;collector;scenario;segment
        C1;Acme SA;fr;alice;standard;retail
        C2;Beta GmbH;de;bob;standard;wholesale
        C3;Gamma <b>BV</b>;nl;alice;standard;retail
        C4;Delta Srl;it;;;retail
        """

    static let contactsCSV = """
        key,customer_key,name,email,phone,address,collection_contact
        K1,C1,Anne,anne@acme.example,+33 1 00,1 rue X,oui
        K2,C2,Bernd,bernd@beta.example,,,ja
        """

    static let itemsCSV = """
        key\tcustomer_key\tkind\tissue_date\tdue_date\tamount\topen_amount\tcurrency
        F-100\tC1\tinvoice\t2026-09-01\t2026-10-01\t1250.00\t1250.00\tEUR
        F-101\tC1\tinvoice\t2026-10-01\t2026-10-31\t300.50\t300.50\tEUR
        F-200\tC2\tinvoice\t2026-09-15\t2026-10-15\t2000\t500\tEUR
        F-300\tC3\tinvoice\t2026-08-01\t2026-09-01\t99.99\t99.99\tEUR
        """

    static let hostileText = """
        <script>alert(1)</script> Paid already <img src=x onerror=alert(2)> \
        <a href="javascript:alert(3)">proof</a> <style>body{display:none}</style>
        """

    static func make(options: WebOptions = WebFixture.options()) async throws -> WebFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webui-tests")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteAgendaStore(path: directory.appendingPathComponent("\(UUID().uuidString).sqlite").path)
        var users: [String: UserID] = [:]
        for (login, role) in [("alice", Role.collector), ("bob", .collector), ("olga", .operator), ("adam", .admin)] {
            let id = try await store.createUser(login: login, name: login.capitalized, role: role)
            try await store.setPasswordHash(id, hash: Passwords.hash(password, cost: 4), at: now)
            users[login] = id
        }
        _ = try await store.createScenario(ScenarioDefinition(name: "standard", steps: [
            ScenarioStep(dayOffset: 5, channel: .email, mode: .automaticWithConfirmation, template: "reminder-1"),
            ScenarioStep(dayOffset: 10, dayBase: .previousAction, channel: .call, mode: .manual, template: "call"),
        ]))
        var customers = CSVImportConfiguration.identity(.customers)
        customers.customFields = ["segment": "segment"]
        for (csv, configuration) in [(customersCSV, customers), (contactsCSV, .identity(.contacts)),
                                     (itemsCSV, .identity(.items))] {
            let report = try await store.importCSV(Data(csv.utf8), configuration: configuration, at: now)
            #expect(report.committed && report.rejected.isEmpty, "\(configuration.kind): \(report.rejected)")
        }
        _ = try await store.plan(on: Format.day(now), at: now)
        let acme = try #require(try await store.customer(externalKey: "C1")).id
        let beta = try #require(try await store.customer(externalKey: "C2")).id
        let acmeReply = try await store.storeInbound(
            InboundMessage(raw: Data("r1".utf8), kind: .reply, messageID: "<r1@acme.example>",
                           fromAddress: "anne@acme.example", subject: "Re: F-100", receivedAt: now.addingTimeInterval(-7200),
                           customer: acme, correlation: .inReplyTo),
            analysis: MessageAnalysis(language: "en", visibleText: "Hello. We pay F-100 on 15 December. Regards",
                                      intent: .promiseToPay, confidence: 0.91, summary: "Promise to pay F-100",
                                      modelVersion: "m1", proposals: [
                ProposalInput(itemNumber: "F-100", proposed: QualificationState(.promiseToPay,
                                                                                 promiseDate: Day(iso: "2026-12-15")),
                              confidence: 0.91, evidence: "We pay F-100 on 15 December."),
                ProposalInput(itemNumber: "F-101", proposed: QualificationState(.dispute, disputeReason: .price),
                              confidence: 0.55),
            ])).id
        let betaReply = try await store.storeInbound(
            InboundMessage(raw: Data("r2".utf8), kind: .reply, receivedAt: now, customer: beta, correlation: .senderAddress),
            analysis: MessageAnalysis(visibleText: "Bezahlt.", intent: .paymentMade, confidence: 0.9, summary: "Paid",
                                      proposals: [ProposalInput(itemNumber: "F-200",
                                                                proposed: QualificationState(.ongoing), confidence: 0.9)])).id
        let hostileReply = try await store.storeInbound(
            InboundMessage(raw: Data("r3".utf8), kind: .reply, fromAddress: "\"><script>x</script>@evil.example",
                           subject: "<img src=x onerror=alert(4)>", receivedAt: now, customer: acme,
                           correlation: .senderAddress),
            analysis: MessageAnalysis(visibleText: hostileText, intent: .paymentMade, confidence: 0.8,
                                      summary: "<script>alert(5)</script>", proposals: [
                ProposalInput(itemNumber: "F-101", proposed: QualificationState(.ongoing), confidence: 0.8,
                              evidence: "<img src=x onerror=alert(2)>"),
            ])).id
        let web = WebServer(store: store, options: options, metricsText: { "ingestd_test_metric 1\n" },
                            linkSigner: signer)
        return WebFixture(store: store, web: web, users: users, acme: acme, beta: beta, acmeReply: acmeReply,
                          betaReply: betaReply, hostileReply: hostileReply)
    }

    static func options() -> WebOptions {
        var options = WebOptions()
        options.bcryptCost = 4
        options.now = { WebFixture.now }
        return options
    }

    /// Runs `test` against the router, without sockets.
    func test<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: web.router())
        return try await app.test(.router, test)
    }
}

/// A logged-in browser: its cookie and the CSRF token of its forms.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookie: String
    var csrf: String

    /// Logs in through the form.
    static func login(_ client: any TestClientProtocol, as login: String,
                      password: String = WebFixture.password) async throws -> Browser {
        let (token, loginCookie) = try await loginToken(client)
        let response = try await client.execute(uri: "/login", method: .post, headers: form(cookie: loginCookie),
                                                body: body(["_csrf": token, "login": login, "password": password]))
        #expect(response.status == .seeOther, "login of \(login)")
        let session = try #require(cookieValue(response, "ingestd_session"))
        var browser = Browser(client: client, cookie: "ingestd_session=\(session)", csrf: "")
        let page = try await browser.get("/agenda/manual")
        browser.csrf = try #require(csrfToken(in: page.text))
        return browser
    }

    /// GET /login: the form's token and the matching cookie.
    static func loginToken(_ client: any TestClientProtocol) async throws -> (String, String) {
        let page = try await client.execute(uri: "/login", method: .get)
        let token = try #require(cookieValue(page, "ingestd_login"))
        #expect(csrfToken(in: page.text) == token)
        return (token, "ingestd_login=\(token)")
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    /// POSTs a form with the session's CSRF token unless `csrf` says otherwise.
    func post(_ uri: String, _ fields: [String: String], csrf: String? = nil) async throws -> TestResponse {
        var fields = fields
        if let token = csrf ?? (self.csrf.isEmpty ? nil : self.csrf), !token.isEmpty { fields["_csrf"] = token }
        return try await client.execute(uri: uri, method: .post, headers: Self.form(cookie: cookie),
                                        body: Self.body(fields))
    }

    static func form(cookie: String) -> HTTPFields {
        [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
    }

    static func body(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.sorted { $0.key < $1.key }
            .map { "\(FormData.encode($0.key))=\(FormData.encode($0.value))" }.joined(separator: "&"))
    }

    static func cookieValue(_ response: TestResponse, _ name: String) -> String? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
