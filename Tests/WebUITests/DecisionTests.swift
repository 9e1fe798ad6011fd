import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// Accepting, correcting, rejecting and bulk-accepting proposals from the reply page.
@Suite struct DecisionTests {
    @Test func acceptingAProposalChangesTheItemsQualification() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let page = try await alice.get("/replies/\(fixture.acmeReply.rawValue)").text
            #expect(page.contains("<mark>We pay F-100 on 15 December.</mark>"))
            #expect(page.contains("Promise to pay F-100") && page.contains("91 %"))
            let proposal = try await fixture.store.proposals(of: fixture.acmeReply)[0]
            #expect(try await fixture.store.item(number: "F-100")?.qualification.qualification == nil)
            let response = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/decide",
                                                ["proposal": "\(proposal.id.rawValue)", "verdict": "accept"])
            #expect(response.status == .seeOther)
            let item = try #require(try await fixture.store.item(number: "F-100"))
            #expect(item.qualification == QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-15")))
            let customer = try await alice.get("/customers/\(fixture.acme.rawValue)").text
            #expect(customer.contains("promise to pay on 2026-12-15"))
            #expect(try await alice.get("/replies/\(fixture.acmeReply.rawValue)").text.contains("Decided: accepted"))
            // Deciding twice is a conflict, not a second change.
            let again = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/decide",
                                             ["proposal": "\(proposal.id.rawValue)", "verdict": "reject"])
            #expect(again.status == .conflict)
        }
    }

    @Test func aCorrectionAppliesTheCollectorsValues() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let proposal = try await fixture.store.proposals(of: fixture.acmeReply)[1]
            let response = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/decide", [
                "proposal": "\(proposal.id.rawValue)", "verdict": "correct", "qualification": "dispute",
                "dispute_reason": "quality", "amount": "120,50", "promise_date": "2026-12-01",
            ])
            #expect(response.status == .seeOther)
            let item = try #require(try await fixture.store.item(number: "F-101"))
            #expect(item.qualification == QualificationState(.dispute, amountMinor: 12_050, disputeReason: .quality))
            let bad = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/decide", [
                "proposal": "\(proposal.id.rawValue)", "verdict": "maybe"])
            #expect(bad.status == .badRequest)
        }
    }

    @Test func rejectingLeavesTheItemAsItWas() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let proposal = try await fixture.store.proposals(of: fixture.acmeReply)[0]
            _ = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/decide",
                                     ["proposal": "\(proposal.id.rawValue)", "verdict": "reject"])
            #expect(try await fixture.store.proposals(of: fixture.acmeReply)[0].decision == .rejected)
            #expect(try await fixture.store.item(number: "F-100")?.qualification.qualification == nil)
        }
    }

    @Test func bulkAcceptTakesOnlyTheConfidentProposals() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let page = try await alice.get("/replies/\(fixture.acmeReply.rawValue)").text
            #expect(page.contains("Accept 1 confident proposal (≥ 85 %)"))
            let response = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/accept-confident", [:])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/replies/\(fixture.acmeReply.rawValue)?accepted=1")
            let decisions = try await fixture.store.proposals(of: fixture.acmeReply).map(\.decision)
            #expect(decisions == [.accepted, nil])
            #expect(try await fixture.store.item(number: "F-100")?.qualification.qualification == .promiseToPay)
            #expect(try await fixture.store.item(number: "F-101")?.qualification.qualification == nil)
        }
    }

    @Test func confirmingAnAutomaticActionFromTheAgenda() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let adam = try await Browser.login(client, as: "adam")
            let actions = try await fixture.store.actions(of: fixture.acme)
            let action = try #require(actions.first { $0.mode == .automaticWithConfirmation && $0.status == .planned })
            let response = try await adam.post("/actions/\(action.id.rawValue)/confirm", ["tab": "automatic"])
            #expect(response.status == .seeOther && response.headers[.location] == "/agenda/automatic")
            #expect(try await fixture.store.action(action.id)?.status == .confirmed)
            let bob = try await Browser.login(client, as: "bob")
            #expect(try await bob.post("/actions/\(action.id.rawValue)/cancel", [:]).status == .notFound)
            #expect(try await fixture.store.action(action.id)?.status == .confirmed)
        }
    }
}
