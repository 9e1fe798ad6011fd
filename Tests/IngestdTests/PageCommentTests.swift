import AgendaStore
import Foundation
import Testing
@testable import ingestd

/// Comments from the customer's interactive page (`InboundPipeline.acceptComment`): stored as kind `comment` for the
/// customer, classified, the form's explicit choice overriding the classifier for its item.
@Suite struct PageCommentTests {
    @Test func aPromiseDateFromTheFormBecomesTheItemsProposal() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let customer = fixture.customers["B1"]!
        let outcome = try await fixture.pipeline(classify: true).acceptComment(
            customer: customer, itemNumber: "F-118", text: "Le virement part la semaine prochaine.",
            promiseDate: Day(iso: "2026-12-04"), receivedAt: PipelineFixture.now)
        #expect(outcome.kind == .comment && outcome.correlation == .captureToken && outcome.stored.created)
        #expect(outcome.target?.customer == customer)
        let proposals = try await fixture.store.proposals(of: outcome.stored.id)
        let promise = try #require(proposals.first { $0.itemNumber == "F-118" })
        #expect(promise.proposed == QualificationState(.promiseToPay, promiseDate: Day(iso: "2026-12-04")))
        let item = try await fixture.store.item(number: "F-118")
        #expect(promise.confidence == 1 && promise.item == item?.id)
        #expect(!proposals.contains { $0.itemNumber == "F-121" })
        let record = try #require(try await fixture.store.inboundRecord(outcome.stored.id))
        #expect(record.kind == .comment && record.customer == customer && record.correlation == .captureToken)
        let row = try #require(try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!)).rows
            .first { $0.message == outcome.stored.id })
        #expect(row.intent == .promiseToPay && row.openProposals == proposals.count)
        let raw = try #require(try await fixture.store.rawMessage(outcome.stored.id))
        let json = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        #expect(json["type"] as? String == "page_comment" && json["item"] as? String == "F-118")
        #expect(json["promise_date"] as? String == "2026-12-04" && json["customer"] as? Int64 == customer.rawValue)
    }

    @Test func aDisputeWithoutItemAppliesToEveryOpenItem() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let outcome = try await fixture.pipeline(classify: false).acceptComment(
            customer: fixture.customers["N3"]!, itemNumber: nil, text: "", disputeReason: .quality,
            receivedAt: PipelineFixture.now)
        let proposals = try await fixture.store.proposals(of: outcome.stored.id)
        #expect(Set(proposals.map(\.itemNumber)) == ["INV-10233", "INV-10240"])
        #expect(proposals.allSatisfy { $0.proposed == QualificationState(.dispute, disputeReason: .quality) })
        #expect(proposals.allSatisfy { $0.evidence == nil && $0.confidence == 1 })
    }

    @Test func theClassifierReadsACommentWithoutExplicitChoice() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let outcome = try await fixture.pipeline(classify: true).acceptComment(
            customer: fixture.customers["B1"]!, itemNumber: "F-121",
            text: "La quantité livrée ne correspond pas à la commande, merci de nous envoyer un avoir.",
            receivedAt: PipelineFixture.now)
        let proposals = try await fixture.store.proposals(of: outcome.stored.id)
        #expect(proposals.map(\.itemNumber) == ["F-121"])
        #expect(proposals.first?.proposed.qualification == .dispute && (proposals.first?.confidence ?? 1) < 1)
    }

    @Test func twoCustomersWritingTheSameWordsAreTwoComments() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let pipeline = try fixture.pipeline()
        let first = try await pipeline.acceptComment(customer: fixture.customers["B1"]!, itemNumber: nil, text: "Payé.",
                                                     receivedAt: PipelineFixture.now)
        let other = try await pipeline.acceptComment(customer: fixture.customers["M2"]!, itemNumber: nil, text: "Payé.",
                                                     receivedAt: PipelineFixture.now)
        let resent = try await pipeline.acceptComment(customer: fixture.customers["B1"]!, itemNumber: nil, text: "Payé.",
                                                      receivedAt: PipelineFixture.now)
        #expect(first.stored.created && other.stored.created && other.stored.id != first.stored.id)
        #expect(!resent.stored.created && resent.stored.id == first.stored.id)
    }

    @Test(arguments: [
        ("", nil as String?, nil as Day?, nil as AgendaDisputeReason?, CommentRefusal.Code.empty),
        ("  \n", "F-118", nil, nil, .empty),
        ("Paid", "INV-10233", nil, nil, .unknownItem),
        ("Paid", "F-999", nil, nil, .unknownItem),
        ("?", "F-118", Day(iso: "2026-12-01"), .price, .conflictingChoices),
        (String(repeating: "x", count: InboundPipeline.maxCommentCharacters + 1), nil, nil, nil, .tooLong),
    ])
    func aBadSubmissionIsRefusedAndStoresNothing(text: String, item: String?, promise: Day?,
                                                 reason: AgendaDisputeReason?, code: CommentRefusal.Code) async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        await #expect(throws: CommentRefusal(code: code)) {
            try await fixture.pipeline().acceptComment(customer: fixture.customers["B1"]!, itemNumber: item, text: text,
                                                       promiseDate: promise, disputeReason: reason,
                                                       receivedAt: PipelineFixture.now)
        }
        let rows = try await fixture.store.replies(AgendaQuery(today: Day(iso: "2026-11-24")!)).rows
        #expect(rows.isEmpty)
    }

    @Test func anUnknownCustomerIsAnError() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        await #expect(throws: (any Error).self) {
            try await fixture.pipeline().acceptComment(customer: CustomerID(987_654), itemNumber: nil, text: "Hello",
                                                       receivedAt: PipelineFixture.now)
        }
    }

    @Test func anItemNumberWrittenDifferentlyStillNamesTheItem() async throws {
        let fixture = try await PipelineFixture.make()
        defer { fixture.remove() }
        let outcome = try await fixture.pipeline().acceptComment(
            customer: fixture.customers["M2"]!, itemNumber: "re 2026 0412", text: "Bezahlt am 20.11.",
            promiseDate: Day(iso: "2026-11-30"), receivedAt: PipelineFixture.now)
        #expect(try await fixture.store.proposals(of: outcome.stored.id).map(\.itemNumber) == ["RE-2026-0412"])
    }
}
