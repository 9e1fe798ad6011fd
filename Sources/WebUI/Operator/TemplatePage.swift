import AgendaStore
import Foundation
import Hummingbird
import Logging

extension WebServer {
    /// `/operator/templates`: the scenarios with their steps (each with a link to change it), the templates (each
    /// with a link to edit it), a template rendered for a chosen customer as `ingestd preview` does (nothing is
    /// sent), and the history of changes. The preview form is a GET: it changes nothing.
    func addTemplatePage(to router: Router<WebContext>) {
        router.get("/operator/templates") { request, context -> Response in
            let session = try Self.operatorSession(context)
            let query = FormData(request.uri.query ?? "")
            let scenarios = try await store.scenarios()
            var names = Set(scenarios.flatMap { $0.steps.map(\.template) })
            names.formUnion(await operatorServices?.templateNames() ?? [])
            var form = TemplateView.Request(template: query.nonEmpty("template"), customerKey: query.nonEmpty("customer"),
                                            language: query.nonEmpty("language"))
            var outcome: TemplateView.Outcome?
            let history = try await store.configurationHistory(limit: 50)
            let logins = Dictionary(try await store.users().map { ($0.id, $0.login) }, uniquingKeysWith: { a, _ in a })
            let notice = query.nonEmpty("notice").flatMap { TemplateView.notices[$0] }
            if let template = form.template, let key = form.customerKey {
                if let language = form.language, !TemplateView.isLanguageTag(language) { form.language = nil }
                guard let customer = try await store.customer(externalKey: key) else {
                    return Responses.html(TemplateView.page(session: session, scenarios: scenarios, names: names.sorted(),
                                                            request: form, outcome: .unknownCustomer, history: history,
                                                            logins: logins, notice: notice))
                }
                let services = try daemon()
                do {
                    let preview = try await services.preview(template: template, customer: customer.id,
                                                             language: form.language)
                    outcome = .rendered(preview, customer)
                } catch {
                    context.logger.notice("template preview failed", metadata: ["customer.id": "\(customer.id)",
                                                                                "error.type": "\(type(of: error))"])
                    outcome = .failed
                }
            }
            return Responses.html(TemplateView.page(session: session, scenarios: scenarios, names: names.sorted(),
                                                    request: form, outcome: outcome, history: history, logins: logins,
                                                    notice: notice))
        }
    }
}

/// Scenarios and the template preview.
enum TemplateView {
    struct Request {
        var template: String?
        var customerKey: String?
        var language: String?
    }

    enum Outcome {
        case rendered(TemplatePreview, Customer)
        case unknownCustomer
        case failed
    }

    /// A BCP 47-looking tag: letters, digits and `-`, at most 35 characters.
    static func isLanguageTag(_ text: String) -> Bool {
        (1...35).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
        }
    }

    /// Notices after a redirect.
    static let notices = ["step_saved": "Scenario step saved.", "template_saved": "Template saved."]

    static func page(session: Session, scenarios: [ScenarioSummary], names: [String], request: Request,
                     outcome: Outcome?, history: [ConfigurationChange] = [], logins: [UserID: String] = [:],
                     notice: String? = nil) -> HTML {
        let scenarioRows = scenarios.map { scenario -> HTML in
            let steps = scenario.steps.enumerated().map { index, step -> HTML in
                let sign = step.dayOffset >= 0 ? "+" : ""
                return """
                    <li>\(index + 1). day \(sign)\(step.dayOffset) from \(Format.words(step.dayBase.rawValue)): \
                    \(step.channel.rawValue), \(Format.words(step.mode.rawValue)), template <code>\(step.template)</code> \
                    <a href="/operator/scenarios/\(scenario.id.rawValue)/steps/\(index + 1)">change</a></li>
                    """
            }
            return "<tr><td>\(scenario.name)</td><td><ol class=\"plain\">\(steps)</ol></td></tr>"
        }
        let scenarioTable: HTML = scenarios.isEmpty ? "<p class=\"muted\">No scenario yet.</p>" : """
            <table><thead><tr><th>Scenario</th><th>Steps</th></tr></thead><tbody>\(scenarioRows)</tbody></table>
            """
        let options = names.map { name -> HTML in
            let selected: HTML = request.template == name ? " selected" : ""
            return "<option value=\"\(name)\"\(selected)>\(name)</option>"
        }
        let templateLinks = names.map { name -> HTML in
            "<li><code>\(name)</code> <a href=\"/operator/templates/edit?template=\(name)&amp;language=en\">edit</a></li>"
        }
        let historyRows = history.map { change -> HTML in
            """
            <tr><td>\(Format.instant(change.at))</td><td>\(Format.words(change.entity))</td><td>\(change.subject)</td>\
            <td><pre class="preview">\(change.before ?? "–")</pre></td><td><pre class="preview">\(change.after ?? "–")</pre></td>\
            <td>\(logins[change.user] ?? String(change.user.rawValue))</td></tr>
            """
        }
        let historyTable: HTML = history.isEmpty ? "<p class=\"muted\">No change yet.</p>" : """
            <table><thead><tr><th>When</th><th>What</th><th>Which</th><th>Before</th><th>After</th><th>User</th></tr>\
            </thead><tbody>\(historyRows)</tbody></table>
            """
        return OperatorLayout.page(title: "Scenarios & templates", current: "/operator/templates", session: session,
                                   notice: notice, body: """
            <h2>Scenarios</h2>\(scenarioTable)
            <h2>Templates</h2><ul class="plain">\(templateLinks)</ul>
            <form method="get" action="/operator/templates/edit" class="filters">
            <label>Template <input name="template" size="16"></label>
            <label>Language <input name="language" size="6" value="en"></label>
            <button type="submit">Edit</button></form>
            <h2>Template preview</h2>
            <form method="get" action="/operator/templates" class="filters">
            <label>Template <select name="template">\(options)</select></label>
            <label>Customer key <input name="customer" size="14" value="\(request.customerKey ?? "")"></label>
            <label>Language <input name="language" size="6" placeholder="customer's" value="\(request.language ?? "")"></label>
            <button type="submit">Preview</button></form>
            \(outcome.map(result) ?? "")
            <h2>History of changes</h2>\(historyTable)
            """)
    }

    static func result(_ outcome: Outcome) -> HTML {
        switch outcome {
        case .unknownCustomer:
            return "<p class=\"error\">No customer has this key.</p>"
        case .failed:
            return "<p class=\"error\">This template cannot be rendered for this customer (no such template in "
                + "their language or the default one, or an error in the template).</p>"
        case .rendered(let preview, let customer):
            // The HTML part is shown as source text, never rendered: templates and data are not trusted markup.
            let html: HTML = preview.html.map { "<h3>HTML part (source)</h3><pre class=\"preview\">\($0)</pre>" } ?? ""
            return """
                <dl class="meta"><dt>Customer</dt><dd><a href="/customers/\(customer.id.rawValue)">\(customer.name)</a></dd>
                <dt>Language</dt><dd>\(preview.language)</dd><dt>Subject</dt><dd>\(preview.subject)</dd></dl>
                <h3>Text part</h3><pre class="preview">\(preview.text)</pre>\(html)
                """
        }
    }
}
