import Foundation
import Testing

/// `inspect` with the shipped model (models/feedback.igdm) and a context file: the keys the classifier fills.
@Suite struct InspectClassificationTests {
    static let sample = TestPaths.packageRoot.appendingPathComponent("samples")

    static func row(_ file: String, context: String?) throws -> [String: Any] {
        var arguments = ["inspect", "--json", "--model", TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path]
        var contextFile: URL?
        if let context {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("ctx-\(UUID().uuidString).json")
            try Data(context.utf8).write(to: url)
            contextFile = url
            arguments += ["--context", url.path]
        }
        defer { if let contextFile { try? FileManager.default.removeItem(at: contextFile) } }
        let result = try runIngestd(arguments + [sample.appendingPathComponent(file).path])
        try #require(result.status == 0, "exit \(result.status): \(result.stderr)")
        return try #require(try InspectCommandTests.rows(result.stdout).first)
    }

    @Test func frenchReplyGetsOneProposalPerInvoice() throws {
        let row = try Self.row("reply-fr-promise-and-dispute.eml", context: """
            {"now": "2026-11-23T10:41:07Z", "customer": "Boulangeries Réunies",
             "open_items": [{"number": "F-118", "amount": "1250.00", "currency": "EUR", "due": "2026-10-31"},
                            {"number": "F-121", "amount": "380.40", "currency": "EUR", "due": "2026-11-05"}]}
            """)
        #expect(row["kind"] as? String == "reply")
        #expect(row["language"] as? String == "fr")
        let items = try #require(row["items"] as? [[String: Any]])
        let byNumber = Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["number"] as? String).map { ($0, item) } })
        #expect(byNumber["F-118"]?["qualification"] as? String == "promise_to_pay")
        #expect(byNumber["F-118"]?["promise_date"] as? String == "2026-12-15")
        #expect(byNumber["F-121"]?["qualification"] as? String == "dispute")
        #expect((byNumber["F-118"]?["evidence"] as? String)?.contains("15 décembre") == true)
        let classification = try #require(row["classification"] as? [String: Any])
        #expect(classification["abstained"] is Bool)
        #expect((row["summary"] as? String)?.contains("F-118") == true)
    }

    @Test func summaryInTheCollectorsLanguage() throws {
        let result = try runIngestd(["inspect", "--json", "--summary-language", "fr", "--model",
                                     TestPaths.packageRoot.appendingPathComponent("models/feedback.igdm").path,
                                     Self.sample.appendingPathComponent("reply-fr-promise-and-dispute.eml").path])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(try InspectCommandTests.rows(result.stdout).first)
        #expect((row["summary"] as? String)?.hasPrefix("Promesse de paiement F-118 le 15 déc. 2026") == true, "\(row["summary"] ?? "")")
    }

    @Test func outOfOfficeGivesReturnDateAndContact() throws {
        let row = try Self.row("auto-reply-en-out-of-office.eml", context: nil)
        #expect(row["kind"] as? String == "auto_reply")
        let autoReply = try #require(row["auto_reply"] as? [String: Any])
        #expect(autoReply["return_date"] as? String == "2026-12-07")
        #expect(row["redirect_contact"] as? String == "accounts.payable@northwind.example")
    }

    @Test func bounceIsNotClassifiedAndNamesTheRecipient() throws {
        let row = try Self.row("bounce-postfix-user-unknown.eml", context: nil)
        #expect(row["kind"] as? String == "bounce")
        #expect(row["classification"] is NSNull)
        let bounce = try #require(row["bounce"] as? [String: Any])
        let recipient = try #require((bounce["recipients"] as? [[String: Any]])?.first)
        #expect(recipient["reason"] as? String == "userunknown")
        #expect(recipient["status"] as? String == "5.1.1")
        #expect(recipient["hard"] as? Bool == true)
    }

    @Test func missingModelIsAnError() throws {
        let result = try runIngestd(["inspect", "--json", "--model", "/nonexistent/model.igdm",
                                     Self.sample.appendingPathComponent("auto-reply-en-out-of-office.eml").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read the classifier model"))
    }
}
