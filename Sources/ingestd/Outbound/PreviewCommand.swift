import AgendaStore
import ArgumentParser
import Foundation

/// `ingestd preview`: renders a template (subject, text and HTML) for a real action of the store, or for a sample
/// customer when no store is given, without sending anything.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render a template for an action (or a sample customer) without sending it."
    )

    @Option(help: "Templates folder (<template>/<lang>.{subject,text,html}.mustache).")
    var templates: String

    @Option(help: "Template name (a scenario step's template).")
    var template: String

    @Option(help: "Language (default: the customer's, else en).")
    var language: String?

    @Option(help: "The agenda store (SQLite file), to preview a real action.")
    var store: String?

    @Option(help: "The action to preview (with --store).")
    var action: Int64?

    @Option(help: "The customer's page link pattern, with {customer}.")
    var pageLink: String?

    @Option(help: "What to print: all, subject, text or html.")
    var part = "all"

    func run() async throws {
        let renderer = OutboundTemplates(directory: templates)
        let (context, customerLanguage) = try await self.context()
        let rendered = try renderer.render(template, language: language ?? customerLanguage, context: context)
        switch part {
        case "subject": print(rendered.subject)
        case "text": print(rendered.text)
        case "html": print(rendered.html ?? "")
        default:
            print("Subject: \(rendered.subject)\nLanguage: \(rendered.language)\n\n\(rendered.text)")
            if let html = rendered.html { print("\n--- HTML ---\n\(html)") }
        }
    }

    private func context() async throws -> ([String: Any], String?) {
        let today = Day(date: Date())
        if let store, let action {
            let path = store
            let id = ActionID(action)
            let (customer, contact, items, planned) = try await {
                let agenda = try SQLiteAgendaStore(path: path)
                guard let action = try await agenda.action(id), let customer = try await agenda.customer(id: action.customer)
                else { throw CommandError("no action \(id)") }
                let contact = try await agenda.contacts(of: action.customer).first(where: \.isCollectionContact)
                let wanted = Set(action.items)
                let items = try await agenda.items(of: action.customer).filter { wanted.contains($0.id) }
                return (customer, contact, items, action.plannedDate)
            }()
            return (OutboundTemplates.context(customer: customer, contact: contact, items: items, actionID: id,
                                              plannedDate: planned, today: today, pageLink: pageLink),
                    customer.language)
        }
        // A sample customer with two open invoices, as `OutboundTemplates.context` would describe it.
        var sample: [String: Any] = [
            "customer": ["name": "Exemple & Fils SARL", "key": "C-1001"],
            "contact": ["name": "Anne Dupont", "email": "anne@example.com", "phone": "+33 1 00 00 00 00"],
            "items": [
                ["number": "F-118", "issue_date": today.adding(days: -60).iso, "due_date": today.adding(days: -30).iso,
                 "amount": "1250.00", "open_amount": "1250.00", "currency": "EUR", "days_overdue": 30],
                ["number": "F-121", "issue_date": today.adding(days: -40).iso, "due_date": today.adding(days: -10).iso,
                 "amount": "300.50", "open_amount": "100.50", "currency": "EUR", "days_overdue": 10],
            ] as [[String: Any]],
            "totals": [["currency": "EUR", "open_amount": "1350.50"]] as [[String: Any]],
            "today": today.iso, "action": ["id": "0", "planned_date": today.iso],
        ]
        if let pageLink { sample["page_link"] = pageLink.replacing("{customer}", with: "C-1001") }
        return (sample, nil)
    }
}
