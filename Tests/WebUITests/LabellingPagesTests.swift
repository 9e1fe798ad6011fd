import AgendaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import WebUI

/// `/operator/labels`: the replies the classifier was unsure of, labelled by an operator and exported in the corpus
/// format (DESIGN.md, "Corpus format").
@Suite struct LabellingPagesTests {
    @Test func theQueueHoldsLowConfidenceAndCorrectedRepliesUntilLabelled() async throws {
        let fixture = try await OperatorFixture.make()
        let base = fixture.base
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            var page = try await olga.get("/operator/labels").text
            // Only the hostile reply (80 % < 85 %) at first; its summary is escaped.
            #expect(page.contains("<a href=\"/replies/\(base.hostileReply.rawValue)\">"))
            #expect(!page.contains("<a href=\"/replies/\(base.acmeReply.rawValue)\">"))
            #expect(page.contains("&lt;script&gt;alert(5)&lt;/script&gt;"))
            // A collector rejects one of Acme's proposals: that reply joins the queue with its disagreement.
            let proposals = try await fixture.store.proposals(of: base.acmeReply)
            try await fixture.store.decide(proposals[0].id, .accept, by: base.users["alice"]!, at: WebFixture.now)
            try await fixture.store.decide(proposals[1].id, .reject, by: base.users["alice"]!, at: WebFixture.now)
            page = try await olga.get("/operator/labels").text
            #expect(page.contains("<a href=\"/replies/\(base.acmeReply.rawValue)\">reply \(base.acmeReply.rawValue)</a>"))
            #expect(page.contains("<td>91 %</td><td>1</td>"))
            #expect(page.contains("<option value=\"promise_to_pay\" selected>"), "the model's intent is preselected")
            let saved = try await olga.post("/operator/labels/\(base.acmeReply.rawValue)", ["intent": "promise_to_pay"])
            #expect(saved.status == .seeOther && saved.headers[.location] == "/operator/labels?saved=1")
            page = try await olga.get("/operator/labels?saved=1").text
            #expect(page.contains("Label saved.") && page.contains("1 reply is"))
            #expect(!page.contains("<a href=\"/replies/\(base.acmeReply.rawValue)\">"))
        }
    }

    @Test func badLabelsAreRefused() async throws {
        let fixture = try await OperatorFixture.make()
        let reply = fixture.base.hostileReply.rawValue
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.post("/operator/labels/\(reply)", ["intent": "rude"]).status == .badRequest)
            #expect(try await olga.post("/operator/labels/\(reply)", ["intent": "dispute", "dispute_reason": "mood"])
                .status == .badRequest)
            #expect(try await olga.post("/operator/labels/999999", ["intent": "other"]).status == .notFound)
            #expect(try await fixture.store.labelCount() == 0)
        }
    }

    @Test func theExportIsCorpusJSONLinesWithTheCollectorsDecisions() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        let base = fixture.base
        let proposals = try await fixture.store.proposals(of: base.acmeReply)
        try await fixture.store.decide(proposals[0].id, .accept, by: base.users["alice"]!, at: WebFixture.now)
        try await fixture.store.decide(proposals[1].id, .correct(QualificationState(.dispute, amountMinor: 10_050,
                                                                                     disputeReason: .quality)),
                                       by: base.users["alice"]!, at: WebFixture.now)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            _ = try await olga.post("/operator/labels/\(base.acmeReply.rawValue)",
                                    ["intent": "promise_to_pay", "dispute_reason": "price"])
            _ = try await olga.post("/operator/labels/\(base.hostileReply.rawValue)",
                                    ["intent": "dispute", "dispute_reason": "delivery"])
            let response = try await olga.get("/operator/labels/export.jsonl")
            #expect(response.headers[.contentType] == "application/x-ndjson; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"decisions-2026-11-18.jsonl\"")
            let lines = response.text.split(separator: "\n")
            #expect(lines.count == 2 && response.text.hasSuffix("\n"))
            let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            #expect(first["id"] as? String == "decision-\(base.acmeReply.rawValue)")
            #expect(first["lang"] as? String == "en" && first["split"] as? String == "train")
            #expect(first["source"] as? String == "decision" && first["now"] as? String == "2026-11-18T09:06:40Z")
            #expect(first["text"] as? String == "Hello. We pay F-100 on 15 December. Regards")
            #expect(first["intent"] as? String == "promise_to_pay" && first["intents"] as? [String] == ["promise_to_pay"])
            #expect(first["dispute_reason"] == nil, "a reason only goes with a dispute")
            let items = try #require(first["items"] as? [[String: String]])
            #expect(items == [["number": "F-100", "qualification": "promise_to_pay", "promise_date": "2026-12-15"],
                              ["number": "F-101", "qualification": "dispute", "amount": "100.50",
                               "dispute_reason": "quality"]])
            let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
            #expect(second["intent"] as? String == "dispute" && second["dispute_reason"] as? String == "delivery")
            #expect(second["lang"] as? String == "und" && (second["items"] as? [Any])?.isEmpty == true)
            // Training with the labels hands exactly this export to the daemon.
            _ = try await olga.post("/operator/models/train", ["name": "with-labels", "include_labels": "on"])
            await fixture.web.modelJobs.wait()
            #expect(await services.extraExamples.map { String(decoding: $0, as: UTF8.self) } == [response.text])
            _ = try await olga.post("/operator/models/train", ["name": "without-labels"])
            await fixture.web.modelJobs.wait()
            #expect(await services.extraExamples.last?.isEmpty == true)
        }
    }
}
