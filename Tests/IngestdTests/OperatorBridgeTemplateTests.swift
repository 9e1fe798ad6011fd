import AgendaStore
import Foundation
import Testing
import WebUI
@testable import ingestd

/// Template editing through `serve`'s bridge: the files `OutboundTemplates` reads, checked by the Mustache parser
/// before a preview or a save.
@Suite struct OperatorBridgeTemplateTests {
    @Test func aDraftPreviewsWithoutWritingAndASaveReplacesTheFiles() async throws {
        let fixture = try OperatorBridgeTests.Fixture.make()
        defer { fixture.remove() }
        let customer = try await Self.customer(fixture.store)
        let before = try await fixture.bridge.templateSource(template: "reminder", language: "en")
        #expect(before == TemplateSource(subject: "Reminder for {{customer.name}}",
                                         text: "{{#items}}{{number}} {{open_amount}} {{currency}}\n{{/items}}", html: nil))
        let draft = TemplateSource(subject: "Last call for {{customer.name}}", text: "Pay {{totals.open_amount}} now.",
                                   html: "<p>{{customer.name}}</p>")
        let preview = try await fixture.bridge.previewDraft(draft, template: "reminder", customer: customer,
                                                            language: "en")
        #expect(preview.subject == "Last call for Acme & Co" && preview.text.hasPrefix("Pay "))
        #expect(preview.html == "<p>Acme &amp; Co</p>", "HTML values are escaped as when sending")
        #expect(try await fixture.bridge.templateSource(template: "reminder", language: "en") == before,
                "a preview writes nothing")

        try await fixture.bridge.saveTemplate(draft, template: "reminder", language: "en")
        #expect(try await fixture.bridge.templateSource(template: "reminder", language: "en") == draft)
        let sent = try await fixture.bridge.preview(template: "reminder", customer: customer, language: "en")
        #expect(sent.subject == "Last call for Acme & Co", "the sender's renderer reads the saved files")
        try await fixture.bridge.saveTemplate(TemplateSource(subject: "S", text: "T", html: nil), template: "reminder",
                                              language: "en")
        #expect(try await fixture.bridge.templateSource(template: "reminder", language: "en").html == nil,
                "an emptied part's file is removed")
    }

    @Test(arguments: [
        (TemplateSource(subject: "S", text: "{{#items}} never closed", html: nil), "text part is not valid Mustache"),
        (TemplateSource(subject: "{{/nothing}}", text: "ok", html: nil), "subject part is not valid Mustache"),
        (TemplateSource(subject: "S", text: nil, html: nil), "needs a text or an HTML part"),
    ])
    func brokenSourcesAreRefusedWithTheirPart(source: TemplateSource, message: String) async throws {
        let fixture = try OperatorBridgeTests.Fixture.make()
        defer { fixture.remove() }
        let before = try await fixture.bridge.templateSource(template: "reminder", language: "en")
        let error = await #expect(throws: TemplateRejected.self) {
            try await fixture.bridge.saveTemplate(source, template: "reminder", language: "en")
        }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(try await fixture.bridge.templateSource(template: "reminder", language: "en") == before)
    }

    @Test func namesThatAreNotFileNamesAreRefused() async throws {
        let fixture = try OperatorBridgeTests.Fixture.make()
        defer { fixture.remove() }
        let source = TemplateSource(subject: "S", text: "T", html: nil)
        await #expect(throws: TemplateRejected.self) {
            try await fixture.bridge.saveTemplate(source, template: "../escape", language: "en")
        }
        await #expect(throws: TemplateRejected.self) {
            try await fixture.bridge.saveTemplate(source, template: "reminder", language: "../en")
        }
    }

    static func customer(_ store: SQLiteAgendaStore) async throws -> CustomerID {
        let csv = "key;name;language;collector;scenario\nA1;Acme & Co;en;;\n"
        let report = try await store.importCSV(Data(csv.utf8), configuration: .identity(.customers), at: Date())
        try #require(report.committed)
        return try #require(try await store.customer(externalKey: "A1")).id
    }
}
