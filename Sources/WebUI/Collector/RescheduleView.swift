import AgendaStore
import Foundation

/// The reschedule form of one action: a date picker (today at the earliest), the CSRF token, the tab to return to.
enum RescheduleView {
    static func page(session: Session, action: Action, customer: Customer, tab: AgendaTab, today: Day) -> HTML {
        Layout.page(title: "Reschedule", session: session, body: """
            <p><a href="/agenda/\(tab.rawValue)">← \(tab.title)</a></p>
            <h1>Reschedule an action</h1>
            <dl class="meta">
            <dt>Customer</dt><dd><a href="/customers/\(customer.id.rawValue)">\(customer.name)</a></dd>
            <dt>Channel</dt><dd>\(action.channel.rawValue)</dd>
            <dt>Mode</dt><dd>\(Format.words(action.mode.rawValue))</dd>
            <dt>Status</dt><dd>\(Format.words(action.status.rawValue))</dd>
            <dt>Planned</dt><dd>\(action.plannedDate.iso)</dd>
            </dl>
            <form method="post" action="/reschedule/\(action.id.rawValue)">\(Layout.csrf(session))
            <input type="hidden" name="tab" value="\(tab.rawValue)">
            <label>New date <input type="date" name="date" required min="\(today.iso)" \
            value="\(max(action.plannedDate, today).iso)"></label>
            <button type="submit">Reschedule</button>
            </form>
            <p class="muted">The change is kept in the history. An action in error goes back to planned.</p>
            """)
    }
}
