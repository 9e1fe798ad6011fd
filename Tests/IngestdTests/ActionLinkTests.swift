import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// Rules 3 to 5 (sender address, sender domain, item numbers) link a reply to the customer's most recent done email
/// action within the window; the domain rule also takes a sender's subdomain of one customer's contact domain.
@Suite struct ActionLinkTests {
    static func mail(from: String, body: String = "Noted.") -> Data {
        PipelineFixture.mail([("From", from), ("To", "team@acme.example"), ("Subject", "Re: reminder"),
                              ("Message-ID", "<\(UUID().uuidString)@client.example>")], body: body)
    }

    /// Marks the customer's email action done on `day`.
    static func done(_ fixture: PipelineFixture, _ key: String, on day: String) async throws -> ActionID {
        let action = try #require(fixture.actions[key])
        try await fixture.store.updateAction(action, .done(Day(iso: day)!), by: nil, at: PipelineFixture.now)
        return action
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var from: String
        var body = "Noted."
        var correlation: Correlation
        var customer: String?
        var testDescription: String { name }
    }

    static let rules: [Case] = [
        Case(name: "sender address", from: "tom.baker@northwind.example", correlation: .senderAddress, customer: "N3"),
        Case(name: "sender domain", from: "buchhaltung@mueller-gmbh.example", correlation: .senderDomain, customer: "M2"),
        Case(name: "a subdomain of one customer's contact domain", from: "ap@mail.mueller-gmbh.example",
             correlation: .senderDomain, customer: "M2"),
        Case(name: "a deeper subdomain", from: "ap@eu.mail.boulangeries-reunies.example", correlation: .senderDomain,
             customer: "B1"),
        Case(name: "item numbers", from: "someone@nowhere.example", body: "Invoice X-555 is paid.",
             correlation: .itemNumber, customer: "X6"),
        Case(name: "a subdomain of a domain two customers share falls through", from: "x@eu.northwind.example",
             body: "Hello.", correlation: .unmatched, customer: nil),
    ]

    @Test(arguments: rules)
    func aMatchedReplyIsLinkedToTheLastDoneEmail(_ example: Case) async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        var expected: ActionID?
        for key in ["B1", "M2", "N3", "X6"] {
            let action = try await Self.done(fixture, key, on: "2026-11-20")
            if key == example.customer { expected = action }
        }
        let outcome = try await fixture.pipeline().process(raw: Self.mail(from: example.from, body: example.body),
                                                           source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.correlation == example.correlation)
        #expect(outcome.target?.customer == example.customer.flatMap { fixture.customers[$0] })
        #expect(outcome.target?.action == expected)
        #expect(try await fixture.store.inboundRecord(outcome.stored.id)?.action == expected)
    }

    @Test func aPlannedOrOldEmailIsNotLinkedUnlessTheWindowSaysSo() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let planned = try await fixture.pipeline().process(raw: Self.mail(from: "tom.baker@northwind.example"),
                                                           source: nil, receivedAt: PipelineFixture.now)
        #expect(planned.correlation == .senderAddress && planned.target?.action == nil)
        let action = try await Self.done(fixture, "N3", on: "2026-10-10")
        let old = try await fixture.pipeline().process(raw: Self.mail(from: "tom.baker@northwind.example"),
                                                       source: nil, receivedAt: PipelineFixture.now)
        #expect(old.target?.customer == fixture.customers["N3"] && old.target?.action == nil)
        var configuration = try fixture.pipeline().configuration
        configuration.actionWindowDays = 60
        let wide = InboundPipeline(store: fixture.store, configuration: configuration)
        let linked = try await wide.process(raw: Self.mail(from: "tom.baker@northwind.example"), source: nil,
                                            receivedAt: PipelineFixture.now)
        #expect(linked.target?.action == action)
        let before = try await wide.process(raw: Self.mail(from: "tom.baker@northwind.example"), source: nil,
                                            receivedAt: ISO8601DateFormatter().date(from: "2026-10-09T12:00:00Z")!)
        #expect(before.target?.action == nil)
    }

    @Test func aCaptureTokenAloneIsNotLinkedToTheLastDoneEmail() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        _ = try await Self.done(fixture, "B1", on: "2026-11-20")
        let raw = PipelineFixture.mail([("From", "x@nowhere.example"), ("To", "relances+c1042@acme.example"),
                                        ("Subject", "Hello")], body: "Hello.")
        let outcome = try await fixture.pipeline().process(raw: raw, source: nil, receivedAt: PipelineFixture.now)
        #expect(outcome.correlation == .captureToken && outcome.target?.action == nil)
    }

    @Test func aPageCommentIsLinkedToTheLastDoneEmail() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let action = try await Self.done(fixture, "B1", on: "2026-11-20")
        let outcome = try await fixture.pipeline().acceptComment(customer: fixture.customers["B1"]!, itemNumber: nil,
                                                                 text: "Payé hier.", receivedAt: PipelineFixture.now)
        #expect(outcome.target?.action == action)
        #expect(try await fixture.store.inboundRecord(outcome.stored.id)?.action == action)
    }

    @Test(arguments: [
        ("client.example", [String]()), ("mail.client.example", ["client.example"]),
        ("a.b.client.example", ["b.client.example", "client.example"]), ("mail.gmail.com", []),
        ("eu.mail.gmail.com", []), ("gmail.com", []), ("Mail.Client.Example", ["client.example"]),
    ])
    func parentDomainsStopAtPublicMailDomains(domain: String, parents: [String]) async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let correlator = Correlator(lookup: CorrelationLookup(store: fixture.store))
        #expect(correlator.parentDomains(of: domain) == parents)
    }
}
