import AgendaStore
import Foundation

/// The four tabs of the Collection agenda.
enum AgendaTab: String, CaseIterable, Sendable {
    case manual, automatic, history, replies

    var title: String {
        switch self {
        case .manual: "Manual actions"
        case .automatic: "Automatic actions"
        case .history: "History"
        case .replies: "Replies & Comments"
        }
    }
}

/// Rendering of the agenda page: tab bar with grey totals and red to-do counts, the filters, one tab's table.
enum AgendaView {
    /// `capped` counts (custom fields over everyone's customers) are lower bounds, shown with a "+".
    static func page(session: Session, tab: AgendaTab, counts: [AgendaTab: (total: Int, toDo: Int, capped: Bool)], table: HTML,
                     pager: HTML, note: HTML = "") -> HTML {
        let tabs = AgendaTab.allCases.map { each -> HTML in
            let count = counts[each] ?? (0, 0, false)
            let plus = count.capped ? "+" : ""
            let toDo: HTML = count.toDo > 0 ? "<span class=\"count-todo\">\(count.toDo)\(plus)</span>" : ""
            let current: HTML = each == tab ? " class=\"current\" aria-current=\"page\"" : ""
            return "<a href=\"/agenda/\(each.rawValue)\"\(current)>\(each.title)<span class=\"count-total\">\(count.total)\(plus)</span>\(toDo)</a>"
        }
        return Layout.page(title: tab.title, session: session, body: """
            <h1>Collection agenda</h1>
            <nav class="tabs">\(tabs)</nav>
            \(filters(session: session, tab: tab))
            \(note)
            \(table)
            \(pager)
            """)
    }

    static func filters(session: Session, tab: AgendaTab) -> HTML {
        let f = session.filters
        let scope: HTML = session.user.role == .collector
            ? "<span class=\"muted\">My customers</span>"
            : """
              <label>Scope <select name="scope"><option value="mine"\(f.mine ? " selected" : "")>Mine</option>\
              <option value="all"\(f.mine ? "" : " selected")>Everyone</option></select></label>
              """
        let statuses = ActionStatus.allCases.map { status -> HTML in
            let checked: HTML = f.statuses.contains(status) ? " checked" : ""
            return "<label><input type=\"checkbox\" name=\"status\" value=\"\(status.rawValue)\"\(checked)> \(Format.words(status.rawValue))</label> "
        }
        let channels = Channel.allCases.map { channel -> HTML in
            let checked: HTML = f.channels.contains(channel) ? " checked" : ""
            return "<label><input type=\"checkbox\" name=\"channel\" value=\"\(channel.rawValue)\"\(checked)> \(channel.rawValue)</label> "
        }
        let export: HTML = tab == .history ? "<a href=\"/export/history.csv\">Export CSV</a>" : ""
        return """
            <form method="post" action="/agenda/filters" class="filters">\(Layout.csrf(session))
            <input type="hidden" name="tab" value="\(tab.rawValue)">
            \(scope)
            <fieldset><legend>Status</legend>\(statuses)</fieldset>
            <fieldset><legend>Channel</legend>\(channels)</fieldset>
            <label>From <input type="date" name="from" value="\(f.from?.iso ?? "")"></label>
            <label>To <input type="date" name="to" value="\(f.to?.iso ?? "")"></label>
            <label>Field <input name="field_name" size="10" value="\(f.field?.name ?? "")"></label>
            <label>equals <input name="field_value" size="10" value="\(f.field?.value ?? "")"></label>
            <button type="submit">Apply</button> \(export)
            </form>
            """
    }

    static func actions(_ rows: [ActionRow], session: Session, tab: AgendaTab) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">No actions match the filters.</p>" }
        let body = rows.map { row -> HTML in
            var error: HTML = ""
            if let cause = row.errorCause {
                error = "<span class=\"error\">\(cause.sentence)</span> <span class=\"muted\">\(ErrorFix.text(cause))</span>"
            }
            var buttons: [HTML] = []
            if row.mode == .automaticWithConfirmation && row.status == .planned {
                buttons.append(button("/actions/\(row.action.rawValue)/confirm", "Confirm", session: session, tab: tab))
            }
            if [.planned, .confirmed, .error].contains(row.status) {
                buttons.append(button("/actions/\(row.action.rawValue)/cancel", "Cancel", session: session, tab: tab))
                buttons.append("<a href=\"/reschedule/\(row.action.rawValue)?tab=\(tab.rawValue)\">Reschedule</a>")
            }
            let colour = row.colour == .none ? "" : row.colour.rawValue
            return """
                <tr class="\(colour)"><td>\(row.plannedDate.iso)</td>\
                <td><a href="/customers/\(row.customer.rawValue)">\(row.customerName)</a></td>\
                <td>\(row.channel.rawValue)</td><td>\(Format.words(row.mode.rawValue))</td>\
                <td>\(Format.words(row.status.rawValue))</td><td>\(error)</td><td>\(buttons)</td></tr>
                """
        }
        return """
            <table><thead><tr><th>Planned</th><th>Customer</th><th>Channel</th><th>Mode</th><th>Status</th>\
            <th>Error</th><th></th></tr></thead><tbody>\(body)</tbody></table>
            """
    }

    static func button(_ action: String, _ label: String, session: Session, tab: AgendaTab) -> HTML {
        """
        <form method="post" action="\(action)" class="inline">\(Layout.csrf(session))\
        <input type="hidden" name="tab" value="\(tab.rawValue)"><button type="submit">\(label)</button></form>
        """
    }

    static func history(_ rows: [HistoryRow]) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">No history matches the filters.</p>" }
        let body = rows.map { row -> HTML in
            let customer: HTML = row.customer.map { "<a href=\"/customers/\($0.rawValue)\">\(row.customerKey ?? "")</a>" } ?? ""
            return """
                <tr><td>\(Format.instant(row.at))</td><td>\(customer)</td><td>\(row.entity)</td>\
                <td>\(Format.words(row.event))</td><td>\(row.channel?.rawValue ?? "")</td>\
                <td>\(row.status.map { Format.words($0.rawValue) } ?? "")</td><td><code>\(row.detail)</code></td></tr>
                """
        }
        return """
            <table><thead><tr><th>When</th><th>Customer</th><th>Record</th><th>Event</th><th>Channel</th>\
            <th>Status</th><th>Detail</th></tr></thead><tbody>\(body)</tbody></table>
            """
    }

    static func replies(_ rows: [ReplyRow]) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">No replies or comments match the filters.</p>" }
        let body = rows.map { row -> HTML in
            let customer: HTML = row.customer.map { "<a href=\"/customers/\($0.rawValue)\">\(row.customerName ?? "")</a>" }
                ?? "<span class=\"muted\">unmatched</span>"
            let open: HTML = row.openProposals > 0 ? "<span class=\"count-todo\">\(row.openProposals)</span>" : "–"
            return """
                <tr><td>\(Format.instant(row.receivedAt))</td><td>\(customer)</td><td>\(row.kind.rawValue)</td>\
                <td>\(row.intent.map { Format.words($0.rawValue) } ?? "–")</td><td>\(Format.percent(row.confidence))</td>\
                <td><a href="/replies/\(row.message.rawValue)">\(row.summary ?? "(no summary)")</a></td><td>\(open)</td></tr>
                """
        }
        return """
            <table><thead><tr><th>Received</th><th>Customer</th><th>Kind</th><th>Intent</th><th>Confidence</th>\
            <th>Summary</th><th>To review</th></tr></thead><tbody>\(body)</tbody></table>
            """
    }

    static func pager(tab: AgendaTab, page: Int, total: Int, pageSize: Int) -> HTML {
        let pages = max(1, (total + pageSize - 1) / pageSize)
        guard pages > 1 else { return "" }
        let previous: HTML = page > 1 ? "<a href=\"/agenda/\(tab.rawValue)?page=\(page - 1)\">Previous</a>" : ""
        let next: HTML = page < pages ? "<a href=\"/agenda/\(tab.rawValue)?page=\(page + 1)\">Next</a>" : ""
        return "<div class=\"pager\">\(previous)<span>Page \(page) of \(pages)</span>\(next)</div>"
    }
}

/// What fixes an action's error, for collectors.
enum ErrorFix {
    static func text(_ cause: ErrorCause) -> String {
        switch cause {
        case .noCollectionContact: "Mark one contact as the collection contact in the ERP and import again."
        case .contactHasNoEmail: "Add an email address to the collection contact, or change the step's channel."
        case .contactHasNoPhone: "Add a phone number to the collection contact."
        case .contactHasNoAddress: "Add a postal address to the collection contact."
        case .addressRejected: "Check the address with the customer; correct it in the ERP and import again."
        case .bounced: "The address bounced: ask the customer for a working address."
        case .sendFailed: "Nothing to do unless it persists: the scheduler retries."
        }
    }
}
