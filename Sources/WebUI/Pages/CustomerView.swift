import AgendaStore
import Foundation

/// The customer page: items with their qualifications and qualification history, contacts, and one timeline of
/// actions and replies.
enum CustomerView {
    struct ItemLine {
        var item: Item
        var changes: [(at: Date, before: QualificationState, after: QualificationState, user: UserID?)]
    }

    enum Event {
        case action(Action)
        case reply(ReplyRow)

        var day: Day {
            switch self {
            case .action(let action): action.doneDate ?? action.plannedDate
            case .reply(let reply): Format.day(reply.receivedAt)
            }
        }
    }

    static func page(session: Session, customer: Customer, items: [ItemLine], contacts: [Contact],
                     timeline: [Event]) -> HTML {
        let fields = customer.fields.sorted { $0.key < $1.key }.map { "<dt>\($0.key)</dt><dd>\($0.value)</dd>" as HTML }
        return Layout.page(title: customer.name, session: session, body: """
            <h1>\(customer.name) <span class="muted">\(customer.externalKey)</span></h1>
            <dl class="meta"><dt>Language</dt><dd>\(customer.language ?? "–")</dd>\(fields)</dl>
            <h2>Items</h2>\(itemsTable(items))
            <h2>Contacts</h2>\(contactsTable(contacts))
            <h2>Timeline</h2>\(timelineTable(timeline))
            """)
    }

    static func itemsTable(_ lines: [ItemLine]) -> HTML {
        guard !lines.isEmpty else { return "<p class=\"muted\">No items.</p>" }
        let rows = lines.map { line -> HTML in
            let item = line.item
            let history = line.changes.map { change -> HTML in
                "<li>\(Format.instant(change.at)): \(Format.qualification(change.before, currency: item.amount.currency)) → \(Format.qualification(change.after, currency: item.amount.currency))</li>"
            }
            let historyHTML: HTML = history.isEmpty ? "" : "<details><summary>\(history.count) changes</summary><ul>\(history)</ul></details>"
            return """
                <tr id="item-\(item.id.rawValue)"><td>\(item.number)</td><td>\(Format.words(item.kind.rawValue))</td>\
                <td>\(item.dueDate.iso)</td><td>\(item.amount.description)</td><td>\(item.openAmount.description)</td>\
                <td class="qualification">\(Format.qualification(item.qualification, currency: item.amount.currency))\
                \(historyHTML)</td></tr>
                """
        }
        return """
            <table><thead><tr><th>Number</th><th>Kind</th><th>Due</th><th>Amount</th><th>Open</th>\
            <th>Qualification</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    static func contactsTable(_ contacts: [Contact]) -> HTML {
        guard !contacts.isEmpty else { return "<p class=\"muted\">No contacts.</p>" }
        let rows = contacts.map { c -> HTML in
            """
            <tr><td>\(c.name ?? "–")\(c.isCollectionContact ? " (collection contact)" : "")</td>\
            <td>\(c.email ?? "–")</td><td>\(c.phone ?? "–")</td><td class="pre">\(c.postalAddress ?? "–")</td></tr>
            """
        }
        return "<table><thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Address</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    static func timelineTable(_ events: [Event]) -> HTML {
        guard !events.isEmpty else { return "<p class=\"muted\">Nothing yet.</p>" }
        let rows = events.map { event -> HTML in
            switch event {
            case .action(let a):
                let error: HTML = a.errorCause.map { "<span class=\"error\">\($0.sentence)</span>" } ?? ""
                return """
                    <tr><td>\(event.day.iso)</td><td>\(a.channel.rawValue) action (\(Format.words(a.mode.rawValue)))</td>\
                    <td>\(Format.words(a.status.rawValue)) \(error)</td></tr>
                    """
            case .reply(let r):
                return """
                    <tr><td>\(event.day.iso)</td><td>\(r.kind.rawValue)</td>\
                    <td><a href="/replies/\(r.message.rawValue)">\(r.summary ?? "(no summary)")</a></td></tr>
                    """
            }
        }
        return "<table><thead><tr><th>Day</th><th>What</th><th>Detail</th></tr></thead><tbody>\(rows)</tbody></table>"
    }
}
