import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// The reply-correlation lookups (`CorrelationStore`) on a real SQLite store.
@Suite struct CorrelationQueriesTests {
    static func store() async throws -> (Dataset, SQLiteAgendaStore) {
        let data = try await Dataset.make(.sqlite)
        return (data, try #require(data.store as? SQLiteAgendaStore))
    }

    /// The first email action planned for a customer.
    static func emailAction(_ data: Dataset, _ key: String) async throws -> Action {
        _ = try await data.store.plan(on: Dataset.today, at: Dataset.now)
        let customer = try await data.customer(key)
        return try #require(try await data.store.actions(of: customer.id).first { $0.channel == .email })
    }

    @Test func aCustomersCaptureTokenIsCreatedOnceAndResolves() async throws {
        let (data, store) = try await Self.store()
        let acme = try await data.customer("C1")
        let token = try await store.captureToken(for: acme.id)
        #expect(CaptureToken.isValid(token) && token.hasPrefix("c") && token.count == 8)
        #expect(try await store.captureToken(for: acme.id) == token)
        #expect(try await store.resolveCaptureToken(token.uppercased()) == CorrelationTarget(customer: acme.id))
        #expect(try await store.resolveCaptureToken("cnone00") == nil)
        let beta = try await data.customer("C2")
        #expect(try await store.captureToken(for: beta.id) != token)
        await #expect(throws: AgendaStoreError.self) { try await store.captureToken(for: CustomerID(999)) }
    }

    @Test func anOperatorSetsATokenAndNoTwoCustomersShareOne() async throws {
        let (data, store) = try await Self.store()
        let acme = try await data.customer("C1"), beta = try await data.customer("C2")
        try await store.setCaptureToken("C1042", for: acme.id)
        #expect(try await store.captureToken(for: acme.id) == "c1042")
        #expect(try await store.resolveCaptureToken("c1042")?.customer == acme.id)
        await #expect(throws: AgendaStoreError.self) { try await store.setCaptureToken("c1042", for: beta.id) }
        await #expect(throws: AgendaStoreError.self) { try await store.setCaptureToken("no-dash", for: beta.id) }
        // Replacing a customer's token frees the old one.
        try await store.setCaptureToken("acme7", for: acme.id)
        #expect(try await store.resolveCaptureToken("c1042") == nil)
        try await store.setCaptureToken("c1042", for: beta.id)
        #expect(try await store.resolveCaptureToken("c1042")?.customer == beta.id)
    }

    @Test func aPerActionTokenNamesTheActionToo() async throws {
        let (data, store) = try await Self.store()
        let action = try await Self.emailAction(data, "C1")
        try await data.store.updateAction(action.id, .sending(messageID: "action-1.x@acme.example", captureToken: "a9001",
                                                              renderedContent: nil), by: nil, at: Dataset.now)
        #expect(try await store.resolveCaptureToken("A9001") == CorrelationTarget(customer: action.customer,
                                                                                  action: action.id))
    }

    @Test func sentMessageIDsResolveInTheOrderGiven() async throws {
        let (data, store) = try await Self.store()
        let action = try await Self.emailAction(data, "C1")
        let beta = try await data.customer("C2")
        try await store.recordSentMessage(messageID: "<action-1.c1@acme.example>", action: action.id,
                                          customer: action.customer)
        try await store.recordSentMessage(messageID: "invoice-copy.c2@acme.example", action: nil, customer: beta.id)
        // Recording the same id for the same target again is harmless; for another target it is refused.
        try await store.recordSentMessage(messageID: "action-1.c1@acme.example", action: action.id,
                                          customer: action.customer)
        await #expect(throws: AgendaStoreError.self) {
            try await store.recordSentMessage(messageID: "action-1.c1@acme.example", action: nil, customer: beta.id)
        }
        await #expect(throws: AgendaStoreError.self) {
            try await store.recordSentMessage(messageID: "not an id", action: nil, customer: beta.id)
        }
        #expect(try await store.resolveSentMessage(["unknown@x", "action-1.c1@acme.example", "invoice-copy.c2@acme.example"])
                == CorrelationTarget(customer: action.customer, action: action.id))
        #expect(try await store.resolveSentMessage(["<invoice-copy.c2@acme.example>"]) == CorrelationTarget(customer: beta.id))
        #expect(try await store.resolveSentMessage(["unknown@x"]) == nil)
        #expect(try await store.resolveSentMessage([]) == nil)
    }

    @Test func anActionsOutboundMessageIDResolvesWithoutARecord() async throws {
        let (data, store) = try await Self.store()
        let action = try await Self.emailAction(data, "C2")
        try await data.store.updateAction(action.id, .sending(messageID: "<action-7.c2@acme.example>", captureToken: nil,
                                                              renderedContent: nil), by: nil, at: Dataset.now)
        #expect(try await store.resolveSentMessage(["action-7.c2@acme.example"])
                == CorrelationTarget(customer: action.customer, action: action.id))
    }

    @Test func contactsMatchByAddressAndByDomainWithoutCase() async throws {
        let (data, store) = try await Self.store()
        let acme = try await data.customer("C1"), beta = try await data.customer("C2")
        #expect(try await store.customers(contactAddress: "Anne@ACME.example") == [acme.id])
        #expect(try await store.customers(contactAddress: "nobody@acme.example").isEmpty)
        #expect(try await store.customers(contactAddress: "not-an-address").isEmpty)
        #expect(try await store.customers(contactDomain: "Beta.Example") == [beta.id])
        #expect(try await store.customers(contactDomain: "gamma.example").isEmpty)
        // A second customer with a contact in the same domain makes the domain ambiguous (two answers).
        try await store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO contact (customerId, externalKey, email, isCollectionContact) VALUES (?, 'K9', 'x@beta.example', 0)
                """, arguments: [acme.id.rawValue])
        }
        #expect(try await store.customers(contactDomain: "beta.example") == [acme.id, beta.id])
    }

    @Test(arguments: [("F-100", "C1"), ("f100", "C1"), ("F 101", "C1"), ("f/200", "C2"), ("#F-300", "C3"),
                      ("A301", "C3")])
    func itemNumbersMatchWithoutSeparatorsOrCase(written: String, owner: String) async throws {
        let (data, store) = try await Self.store()
        let customer = try await data.customer(owner)
        #expect(try await store.itemOwners([written, "F-999"]) == [written: customer.id])
    }

    @Test func aBounceIsStoredWithItsRecipientsOnce() async throws {
        let (data, store) = try await Self.store()
        let action = try await Self.emailAction(data, "C1")
        let raw = Data("From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered\r\n\r\nreport\r\n".utf8)
        let message = InboundMessage(raw: raw, kind: .bounce, receivedAt: Dataset.now, customer: action.customer,
                                     action: action.id, correlation: .inReplyTo)
        let bounce = BounceInput(originalMessageID: "<action-1.c1@acme.example>", recipients: [
            BounceRecipient(address: "anne@acme.example", status: "5.1.1", replyCode: "550", reason: "userunknown",
                            hard: true, diagnostic: "550 5.1.1 user unknown"),
            BounceRecipient(address: "", reason: "undefined", hard: false),
        ])
        let first = try await store.storeInbound(message, analysis: nil, bounce: bounce)
        let again = try await store.storeInbound(message, analysis: nil, bounce: bounce)
        #expect(first.created && !again.created && first.id == again.id)
        let bounces = try await store.bounces(after: nil, limit: 10)
        #expect(bounces.count == 1)
        let stored = try #require(bounces.first)
        #expect(stored.message == first.id && stored.action == action.id && stored.customer == action.customer)
        #expect(stored.originalMessageID == "action-1.c1@acme.example")
        #expect(stored.recipients == bounce.recipients)
        #expect(try await store.bounces(after: first.id, limit: 10).isEmpty)
        #expect(try await store.rawMessage(first.id) == raw)
    }

    @Test func theQueuesListUnmatchedAndQuarantinedMessages() async throws {
        let (data, store) = try await Self.store()
        let acme = try await data.customer("C1")
        let lost = try await store.storeInbound(InboundMessage(raw: Data("a".utf8), kind: .reply, fromAddress: "x@y.example",
                                                               receivedAt: Dataset.now), analysis: nil, bounce: nil)
        let bad = try await store.storeInbound(InboundMessage(raw: Data("b".utf8), kind: .other,
                                                              receivedAt: Dataset.now.addingTimeInterval(60),
                                                              customer: acme.id, correlation: .senderAddress,
                                                              quarantineReason: "too_large"), analysis: nil, bounce: nil)
        #expect(try await store.inboundQueue(.unmatched, limit: 10).map(\.id) == [lost.id])
        #expect(try await store.inboundQueue(.quarantined, limit: 10).map(\.id) == [bad.id])
        let record = try #require(try await store.inboundRecord(bad.id))
        #expect(record.quarantineReason == "too_large" && record.customer == acme.id && record.correlation == .senderAddress)
        #expect(try await store.inboundRecord(lost.id)?.fromAddress == "x@y.example")
        #expect(try await store.inboundRecord(InboundMessageID(999)) == nil)
    }

    @Test func theLookupsUseTheirIndexes() async throws {
        let (_, store) = try await Self.store()
        let plans: [(String, String)] = [
            ("SELECT customerId FROM item WHERE \(AgendaSchema.itemNumberKey) = 'F100'", "item_number_key"),
            ("SELECT customerId FROM contact WHERE email IS NOT NULL AND \(AgendaSchema.contactDomain) = 'x'",
             "contact_email_domain"),
            ("SELECT * FROM inboundMessage WHERE quarantineReason IS NOT NULL ORDER BY receivedAt DESC, id DESC LIMIT 5",
             "inboundMessage_quarantined"),
            ("SELECT * FROM inboundMessage WHERE correlation = 'unmatched' ORDER BY receivedAt DESC, id DESC LIMIT 5",
             "inboundMessage_unmatched"),
        ]
        for (sql, index) in plans {
            let plan = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
            }
            #expect(plan.contains("USING INDEX \(index)"), "\(plan)")
        }
    }
}
