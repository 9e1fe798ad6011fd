import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// A collector sees only assigned customers; operator pages are not for collectors; forms need their CSRF token.
@Suite struct AccessTests {
    @Test func aCollectorCannotOpenAnotherCollectorsCustomerOrReply() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            #expect(try await alice.get("/customers/\(fixture.acme.rawValue)").status == .ok)
            for path in ["/customers/\(fixture.beta.rawValue)", "/replies/\(fixture.betaReply.rawValue)",
                         "/customers/999999", "/replies/999999", "/customers/x", "/operator"] {
                let response = try await alice.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("Beta GmbH") && !response.text.contains("Bezahlt"))
            }
            let proposals = try await fixture.store.proposals(of: fixture.betaReply)
            let decide = try await alice.post("/replies/\(fixture.betaReply.rawValue)/decide",
                                              ["proposal": "\(proposals[0].id.rawValue)", "verdict": "accept"])
            #expect(decide.status == .notFound)
            // A proposal of another message through Alice's own reply is refused too.
            let smuggled = try await alice.post("/replies/\(fixture.acmeReply.rawValue)/decide",
                                                ["proposal": "\(proposals[0].id.rawValue)", "verdict": "accept"])
            #expect(smuggled.status == .notFound)
            #expect(try await fixture.store.proposals(of: fixture.betaReply)[0].decision == nil)
            let bob = try await Browser.login(client, as: "bob")
            #expect(try await bob.get("/customers/\(fixture.beta.rawValue)").status == .ok)
            #expect(try await bob.get("/customers/\(fixture.acme.rawValue)").status == .notFound)
        }
    }

    @Test(arguments: ["", "wrong-token"])
    func aPostWithoutTheRightCSRFTokenIsRefusedAndChangesNothing(token: String) async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let proposal = try await fixture.store.proposals(of: fixture.acmeReply)[0]
            let posts: [(String, [String: String])] = [
                ("/replies/\(fixture.acmeReply.rawValue)/decide", ["proposal": "\(proposal.id.rawValue)", "verdict": "accept"]),
                ("/replies/\(fixture.acmeReply.rawValue)/accept-confident", [:]),
                ("/agenda/filters", ["tab": "manual", "channel": "sms"]),
                ("/logout", [:]),
            ]
            for (path, fields) in posts {
                var anonymous = alice
                anonymous.csrf = ""
                let response = try await anonymous.post(path, fields, csrf: token)
                #expect(response.status == .forbidden, "\(path)")
            }
            #expect(try await fixture.store.proposals(of: fixture.acmeReply).allSatisfy { $0.decision == nil })
            #expect(try await alice.get("/agenda/manual").status == .ok, "the session survived the refused logout")
            #expect(!(try await alice.get("/agenda/manual").text.contains("value=\"sms\" checked")))
            // A token from another session does not work either.
            let bob = try await Browser.login(client, as: "bob")
            let crossed = try await alice.post("/agenda/filters", ["tab": "manual"], csrf: bob.csrf)
            #expect(crossed.status == .forbidden)
        }
    }
}
