import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// Each correlation rule of DESIGN.md ("Reply capture"), in order of precedence, through the pipeline into a real
/// SQLite store: every case names what the next rules would say, so a rule applied out of order fails.
@Suite struct CorrelatorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var headers: [(String, String)]
        var body: String
        var correlation: Correlation
        /// Expected customer key (nil: unmatched).
        var customer: String?
        /// Expected action: the email action of this customer key (only rules 1 and 2 know the email answered).
        var action: String?

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "capture token in To beats In-Reply-To, sender and items",
             headers: [("From", "tom.baker@northwind.example"), ("To", "Relances <relances+c1042@acme.example>"),
                       ("In-Reply-To", "<action-90117.c2207@acme.example>"), ("Subject", "Re: RE-2026-0412")],
             body: "Paid RE-2026-0412.", correlation: .captureToken, customer: "B1", action: nil),
        Case(name: "capture token in Delivered-To, upper case",
             headers: [("From", "x@nowhere.example"), ("To", "team@acme.example"),
                       ("Delivered-To", "relances+C2207@acme.example"), ("Subject", "Hello")],
             body: "Hello.", correlation: .captureToken, customer: "M2", action: nil),
        Case(name: "capture token in Cc; In-Reply-To of the same customer gives the action",
             headers: [("From", "x@nowhere.example"), ("To", "team@acme.example"), ("Cc", "relances+c1042@acme.example"),
                       ("In-Reply-To", "<action-88213.c1042@acme.example>"), ("Subject", "Re: relance")],
             body: "OK.", correlation: .captureToken, customer: "B1", action: "B1"),
        Case(name: "In-Reply-To beats the sender's address",
             headers: [("From", "tom.baker@northwind.example"), ("To", "team@acme.example"),
                       ("In-Reply-To", "<action-90117.c2207@acme.example>"), ("Subject", "Re: Mahnung")],
             body: "Bezahlt.", correlation: .inReplyTo, customer: "M2", action: "M2"),
        Case(name: "References, newest first, when In-Reply-To names nothing sent",
             headers: [("From", "x@nowhere.example"), ("To", "team@acme.example"), ("In-Reply-To", "<other@client.example>"),
                       ("References", "<action-88213.c1042@acme.example> <other@client.example>"), ("Subject", "Re")],
             body: "OK.", correlation: .inReplyTo, customer: "B1", action: "B1"),
        Case(name: "the sender's address beats an ambiguous domain and another customer's items",
             headers: [("From", "Tom Baker <Tom.Baker@Northwind.example>"), ("To", "team@acme.example"),
                       ("Subject", "Invoices")],
             body: "About F-118: paid.", correlation: .senderAddress, customer: "N3", action: nil),
        Case(name: "the sender's domain beats another customer's items",
             headers: [("From", "buchhaltung@mueller-gmbh.example"), ("To", "team@acme.example"), ("Subject", "Rechnung")],
             body: "Zu F-118: bezahlt.", correlation: .senderDomain, customer: "M2", action: nil),
        Case(name: "an ambiguous domain falls through to the items",
             headers: [("From", "new.person@northwind.example"), ("To", "team@acme.example"), ("Subject", "Hi")],
             body: "We will pay INV-10233 next week.", correlation: .itemNumber, customer: "N3", action: nil),
        Case(name: "an address of two customers and a public mail domain fall through to the items",
             headers: [("From", "shared@gmail.com"), ("To", "team@acme.example"), ("Subject", "Re: invoice x555")],
             body: "Paid yesterday.", correlation: .itemNumber, customer: "X6", action: nil),
        Case(name: "items of two customers are not a match",
             headers: [("From", "someone@nowhere.example"), ("To", "team@acme.example"), ("Subject", "Invoices")],
             body: "F-118 and RE-2026-0412 are paid.", correlation: .unmatched, customer: nil, action: nil),
        Case(name: "nothing to go by: unmatched, stored",
             headers: [("From", "someone@nowhere.example"), ("To", "team@acme.example"), ("Subject", "Hello")],
             body: "Hello there.", correlation: .unmatched, customer: nil, action: nil),
    ]

    @Test(arguments: cases)
    func theFirstRuleThatMatchesWins(_ example: Case) async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = PipelineFixture.mail(example.headers + [("Message-ID", "<\(UUID().uuidString)@client.example>")],
                                       body: example.body)
        let outcome = try await fixture.pipeline().process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.stored.created && outcome.quarantine == nil)
        #expect(outcome.correlation == example.correlation)
        #expect(outcome.target?.customer == example.customer.flatMap { fixture.customers[$0] })
        #expect(outcome.target?.action == example.action.flatMap { fixture.actions[$0] })
        let record = try #require(try await fixture.store.inboundRecord(outcome.stored.id))
        #expect(record.correlation == example.correlation && record.customer == outcome.target?.customer
                && record.action == outcome.target?.action)
        let unmatched = try await fixture.store.inboundQueue(.unmatched, limit: 10).map(\.id)
        #expect(unmatched.contains(outcome.stored.id) == (example.correlation == .unmatched))
    }

    @Test func aBounceMatchesTheBouncedEmailAndKeepsItsRecipients() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("samples/bounce-postfix-user-unknown.eml"))
        let outcome = try await fixture.pipeline().process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.kind == .bounce && outcome.correlation == .inReplyTo)
        #expect(outcome.target == CorrelationTarget(customer: fixture.customers["N3"]!, action: fixture.actions["N3"]))
        let bounce = try #require(try await fixture.store.bounces(after: nil, limit: 5).first)
        #expect(bounce.message == outcome.stored.id && bounce.action == fixture.actions["N3"])
        #expect(bounce.originalMessageID == "action-91002.c0457@acme.example")
        #expect(bounce.recipients.map(\.address) == ["billing@old-customer.example"])
        #expect(bounce.recipients.first?.status == "5.1.1" && bounce.recipients.first?.reason == "userunknown"
                && bounce.recipients.first?.hard == true)
    }

    @Test func aBounceWithoutTheOriginalMatchesByTheFailedRecipient() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let raw = PipelineFixture.mail([
            ("From", "MAILER-DAEMON@mx.acme.example"), ("To", "team@acme.example"),
            ("Subject", "Undelivered Mail Returned to Sender"), ("Message-ID", "<b2@mx.acme.example>"),
            ("MIME-Version", "1.0"), ("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"b\""),
        ], body: """
            --b
            Content-Type: text/plain

            Your message could not be delivered.
            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.acme.example

            Final-Recipient: rfc822; a.schaefer@mueller-gmbh.example
            Action: failed
            Status: 5.2.2
            Diagnostic-Code: smtp; 552 5.2.2 mailbox full
            --b--
            """)
        let outcome = try await fixture.pipeline().process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.kind == .bounce && outcome.correlation == .senderAddress)
        #expect(outcome.target?.customer == fixture.customers["M2"])
        let bounce = try #require(try await fixture.store.bounces(after: nil, limit: 5).first)
        #expect(bounce.originalMessageID == nil && bounce.recipients.first?.reason == "mailboxfull")
    }
}
