import AgendaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import WebUI

/// Operators edit scenario steps and templates (`/operator/scenarios/<id>/steps/<n>`, `/operator/templates/edit`):
/// preview before saving, validation with clear errors, CSRF, roles, history.
@Suite struct ConfigurationEditingTests {
    static func scenario(_ store: SQLiteAgendaStore) async throws -> ScenarioSummary {
        try #require(try await store.scenarios().first { $0.name == "standard" })
    }

    @Test func anOperatorPreviewsThenSavesAStepChangeAndSeesItInTheHistory() async throws {
        let fixture = try await OperatorFixture.make()
        let scenario = try await Self.scenario(fixture.store)
        let path = "/operator/scenarios/\(scenario.id.rawValue)/steps/1"
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let list = try await olga.get("/operator/templates").text
            #expect(list.contains("<a href=\"\(path)\">change</a>"))
            let form = try await olga.get(path)
            #expect(form.status == .ok && form.text.contains("name=\"day_offset\" size=\"5\" value=\"5\""))
            let fields = ["day_offset": "8", "channel": "sms", "mode": "automatic"]
            let preview = try await olga.post(path, fields.merging(["do": "preview"]) { $1 })
            #expect(preview.status == .ok)
            #expect(preview.text.contains("<dt>Before</dt><dd>day +5 from oldest open due date: email, automatic with confirmation</dd>"))
            #expect(preview.text.contains("<dt>After</dt><dd>day +8 from oldest open due date: sms, automatic</dd>"))
            #expect(try await Self.scenario(fixture.store).steps[0].dayOffset == 5, "a preview saves nothing")

            let refused = try await olga.post(path, fields.merging(["do": "save"]) { $1 }, csrf: "forged")
            #expect(refused.status == .forbidden)
            let saved = try await olga.post(path, fields.merging(["do": "save"]) { $1 })
            #expect(saved.status == .seeOther && saved.headers[.location] == "/operator/templates?notice=step_saved")
            let step = try await Self.scenario(fixture.store).steps[0]
            #expect(step == ScenarioStep(dayOffset: 8, channel: .sms, mode: .automatic, template: "reminder-1"))
            let page = try await olga.get("/operator/templates?notice=step_saved").text
            #expect(page.contains("Scenario step saved."))
            #expect(page.contains("<td>scenario step</td><td>standard #1</td>"))
            #expect(page.contains("+8d oldest_open_due_date sms automatic reminder-1"))
            #expect(page.contains("<td>olga</td></tr>"), "the history names who changed it")
        }
    }

    @Test(arguments: [
        (["day_offset": "soon", "channel": "email", "mode": "manual"], "Delay days must be a whole number"),
        (["day_offset": "99999", "channel": "email", "mode": "manual"], "Delay days must be a whole number"),
        (["day_offset": "3", "channel": "pigeon", "mode": "manual"], "Choose a channel from the list."),
        (["day_offset": "3", "channel": "email", "mode": "sometimes"], "Choose a mode from the list."),
        (["day_offset": "3", "channel": "call", "mode": "automatic"], "its mode must be manual"),
    ])
    func badStepValuesAreRefusedWithAClearError(fields: [String: String], error: String) async throws {
        let fixture = try await OperatorFixture.make()
        let scenario = try await Self.scenario(fixture.store)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let response = try await olga.post("/operator/scenarios/\(scenario.id.rawValue)/steps/1",
                                               fields.merging(["do": "save"]) { $1 })
            #expect(response.status == .badRequest)
            #expect(response.text.contains(error))
            #expect(try await Self.scenario(fixture.store).steps == scenario.steps)
            #expect(try await fixture.store.configurationHistory(limit: 5).isEmpty)
        }
    }

    @Test func collectorsCannotEditAndUnknownStepsAreNotFound() async throws {
        let fixture = try await OperatorFixture.make()
        let scenario = try await Self.scenario(fixture.store)
        try await fixture.test { client in
            let alice = try await Browser.login(client, as: "alice")
            let path = "/operator/scenarios/\(scenario.id.rawValue)/steps/1"
            #expect(try await alice.get(path).status == .notFound)
            #expect(try await alice.post(path, ["day_offset": "1", "channel": "email", "mode": "manual", "do": "save"])
                .status == .notFound)
            #expect(try await alice.get("/operator/templates/edit?template=reminder-1&language=fr").status == .notFound)
            #expect(try await alice.post("/operator/templates/edit", ["template": "reminder-1", "language": "fr",
                                                                      "text": "x", "do": "save"]).status == .notFound)
            #expect(try await Self.scenario(fixture.store).steps == scenario.steps)
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.get("/operator/scenarios/\(scenario.id.rawValue)/steps/3").status == .notFound)
            #expect(try await olga.get("/operator/scenarios/999/steps/1").status == .notFound)
        }
    }

    @Test func anOperatorPreviewsADraftTemplateThenSavesItWithItsHistory() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let adam = try await Browser.login(client, as: "adam")
            let form = try await adam.get("/operator/templates/edit?template=reminder-1&language=fr")
            #expect(form.status == .ok && form.text.contains("name=\"subject\" size=\"80\" value=\"Rappel\""))
            #expect(form.text.contains("<textarea name=\"text\" rows=\"12\" cols=\"80\">Bonjour</textarea>"))
            let draft = ["template": "reminder-1", "language": "fr", "subject": "Relance {{customer.name}}",
                         "text": "Bonjour,\r\n<b>payez</b>", "html": "", "customer": "C1"]
            let preview = try await adam.post("/operator/templates/edit", draft.merging(["do": "preview"]) { $1 })
            #expect(preview.status == .ok && preview.text.contains("Preview (not saved)"))
            #expect(preview.text.contains("<pre class=\"preview\">Bonjour,\n&lt;b&gt;payez&lt;/b&gt;</pre>"))
            #expect(await services.drafts.count == 1)
            #expect(await services.sources["reminder-1/fr"]?.subject == "Rappel", "a preview saves nothing")

            let saved = try await adam.post("/operator/templates/edit", draft.merging(["do": "save"]) { $1 })
            #expect(saved.status == .seeOther && saved.headers[.location] == "/operator/templates?notice=template_saved")
            #expect(await services.sources["reminder-1/fr"] == TemplateSource(subject: "Relance {{customer.name}}",
                                                                              text: "Bonjour,\n<b>payez</b>", html: nil))
            let history = try await fixture.store.configurationHistory(limit: 10)
            #expect(Set(history.map(\.subject)) == ["reminder-1/fr.subject", "reminder-1/fr.text"],
                    "only the changed parts")
            #expect(history.allSatisfy { $0.entity == "template" && $0.user == fixture.base.users["adam"] })
            let page = try await adam.get("/operator/templates?notice=template_saved").text
            #expect(page.contains("Template saved.") && page.contains("reminder-1/fr.subject"))
        }
    }

    @Test(arguments: [
        (["text": "", "html": ""], "A template needs a text or an HTML part."),
        (["text": "{{#open}} unclosed"], "section open is not closed"),
        (["text": "x", "language": "../etc"], "The language must be a tag"),
        (["text": "x", "template": "../secrets"], "The template name is not valid."),
    ])
    func badTemplatesAreRefusedWithAClearError(fields: [String: String], error: String) async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let base = ["template": "reminder-1", "language": "fr", "subject": "S", "do": "save"]
            let response = try await olga.post("/operator/templates/edit", base.merging(fields) { $1 })
            #expect(response.status == .badRequest)
            #expect(response.text.contains(error))
            #expect(await services.sources["reminder-1/fr"]?.subject == "Rappel")
            #expect(try await fixture.store.configurationHistory(limit: 5).isEmpty)
        }
    }

    @Test func aPreviewNeedsAKnownCustomer() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let fields = ["template": "reminder-1", "language": "fr", "text": "x", "do": "preview"]
            let missing = try await olga.post("/operator/templates/edit", fields)
            #expect(missing.status == .badRequest && missing.text.contains("Give a customer key"))
            let unknown = try await olga.post("/operator/templates/edit", fields.merging(["customer": "NOPE"]) { $1 })
            #expect(unknown.status == .badRequest && unknown.text.contains("No customer has this key."))
            #expect(await services.drafts.isEmpty)
        }
    }
}
