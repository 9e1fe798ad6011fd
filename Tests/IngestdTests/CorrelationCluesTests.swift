import Foundation
import MailIngest
import Testing
@testable import ingestd

/// The clues read from a message before any store lookup (pure).
@Suite struct CorrelationCluesTests {
    static func clues(_ headers: [(String, String)], body: String = "Hello.") -> CorrelationClues {
        CorrelationClues(MessageAnalyzer().analyze(PipelineFixture.mail(headers, body: body)))
    }

    @Test func tokensComeFromToCcAndDeliveredToInThatOrderOnce() {
        let clues = Self.clues([("From", "a@client.example"), ("To", "x+c2207@acme.example, team@acme.example"),
                                ("Cc", "relances+C1042@acme.example"), ("Delivered-To", "relances+c1042@acme.example"),
                                ("Delivered-To", "replies+c3310@acme.example"), ("Reply-To", "r+c9999@acme.example")])
        #expect(clues.captureTokens == ["c2207", "c1042", "c3310"])
    }

    @Test func inReplyToComesFirstThenReferencesNewestFirst() {
        let clues = Self.clues([("From", "a@client.example"), ("In-Reply-To", "<b@acme.example>"),
                                ("References", "<a@acme.example> <b@acme.example> <c@acme.example>")])
        #expect(clues.referencedMessageIDs == ["b@acme.example", "c@acme.example", "a@acme.example"])
    }

    @Test func theSenderAndItsDomainExceptPublicProviders() {
        #expect(Self.clues([("From", "Anna <A.Schaefer@Mueller-GmbH.example>")]).domains == ["mueller-gmbh.example"])
        let freemail = Self.clues([("From", "someone@GMail.com")])
        #expect(freemail.addresses == ["someone@GMail.com"] && freemail.domains.isEmpty)
        #expect(Self.clues([("Subject", "no sender")]).addresses.isEmpty)
    }

    @Test func aBounceGivesItsFailedRecipientsAndTheBouncedMessageID() throws {
        let raw = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("samples/bounce-postfix-user-unknown.eml"))
        let clues = CorrelationClues(MessageAnalyzer().analyze(raw))
        #expect(clues.addresses == ["billing@old-customer.example"] && clues.domains == ["old-customer.example"])
        #expect(clues.referencedMessageIDs.first == "action-91002.c0457@acme.example")
    }

    @Test func invoiceReferencesComeFromSubjectTextAndQuote() {
        let clues = Self.clues([("From", "a@client.example"), ("Subject", "Re: Reminder INV-10233")],
                               body: "Paid F-118 yesterday.\n\nOn Monday, Acme wrote:\n> Open: RE-2026-0412")
        #expect(clues.itemReferences == ["INV-10233", "F-118", "RE-2026-0412"])
        let withoutText = CorrelationClues(MessageAnalyzer().analyze(PipelineFixture.mail(
            [("From", "a@client.example"), ("Subject", "INV-10233")], body: "F-118")), withText: false)
        #expect(withoutText.itemReferences.isEmpty)
    }
}
