import AgendaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import WebUI

/// `/operator/templates`: the scenarios with their steps and a template rendered for a customer, shown as text.
@Suite struct TemplatePageTests {
    @Test func listsScenariosAndTemplateNames() async throws {
        let fixture = try await OperatorFixture.make()
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let page = try await olga.get("/operator/templates").text
            #expect(page.contains("<tr><td>standard</td>"))
            #expect(page.contains("1. day +5 from oldest open due date: email, automatic with confirmation, template <code>reminder-1</code>"))
            #expect(page.contains("2. day +10 from previous action: call, manual, template <code>call</code>"))
            for name in ["call", "final-notice", "reminder-1"] {
                #expect(page.contains("<option value=\"\(name)\">\(name)</option>"), "\(name)")
            }
        }
    }

    @Test func previewRendersForTheChosenCustomerAsEscapedText() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            let page = try await olga.get("/operator/templates?template=reminder-1&customer=C1&language=de").text
            #expect(page.contains("<option value=\"reminder-1\" selected>"))
            #expect(page.contains("<dt>Subject</dt><dd>Reminder &lt;F-100&gt;</dd>"))
            #expect(page.contains("<pre class=\"preview\">Dear customer,\n&lt;script&gt;x&lt;/script&gt; please pay.</pre>"))
            #expect(page.contains("&lt;p onclick=&quot;x()&quot;&gt;Dear customer&lt;/p&gt;"), "HTML shown as source")
            #expect(page.contains("<a href=\"/customers/\(fixture.base.acme.rawValue)\">Acme SA</a>"))
            #expect(!page.lowercased().contains("<script"))
            let calls = await services.previews
            #expect(calls.count == 1 && calls.first?.customer == fixture.base.acme && calls.first?.language == "de")
        }
    }

    @Test func unknownCustomersMissingTemplatesAndOddLanguagesAreHandled() async throws {
        let services = FakeOperatorServices()
        let fixture = try await OperatorFixture.make(services: services)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.get("/operator/templates?template=reminder-1&customer=NOPE").text
                .contains("No customer has this key."))
            #expect(try await olga.get("/operator/templates?template=final-notice&customer=C1").text
                .contains("This template cannot be rendered for this customer"))
            _ = try await olga.get("/operator/templates?template=reminder-1&customer=C2&language=%3Cx%3E")
            #expect(await services.previews.last?.language == nil, "a language that is no tag is ignored")
        }
    }

    @Test func withoutTheDaemonThePreviewIsUnavailableButScenariosShow() async throws {
        let fixture = try await OperatorFixture.make(services: nil)
        try await fixture.test { client in
            let olga = try await Browser.login(client, as: "olga")
            #expect(try await olga.get("/operator/templates").text.contains("<tr><td>standard</td>"))
            #expect(try await olga.get("/operator/templates?template=call&customer=C1").status == .serviceUnavailable)
        }
    }
}
