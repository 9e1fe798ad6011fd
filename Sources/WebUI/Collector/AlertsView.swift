import AgendaStore
import Foundation

/// The alerts page: the rules the daily housekeeping evaluates and their hits (open ones, or every one).
enum AlertsView {
    static func page(session: Session, rules: [StoredAlertRule], hits: [AlertHit], showAll: Bool) -> HTML {
        let ruleRows = rules.map { stored -> HTML in
            let rule = stored.rule
            return """
                <tr><td>\(rule.name)</td><td>\(Format.words(rule.kind.rawValue))</td><td>\(condition(rule))</td>\
                <td>\(stored.active ? "active" : "off")</td></tr>
                """
        }
        let hitRows = hits.map { hit -> HTML in
            """
            <tr class="\(hit.alert.isOpen ? "red" : "")"><td>\(hit.alert.raisedOn.iso)</td>\
            <td><a href="/customers/\(hit.alert.customer.rawValue)">\(hit.customerName)</a></td>\
            <td>\(hit.itemNumber ?? "")</td><td>\(hit.ruleName ?? "broken promise")</td>\
            <td>\(Format.words(hit.alert.kind.rawValue))</td><td>\(hit.alert.isOpen ? "open" : "closed")</td></tr>
            """
        }
        let toggle: HTML = showAll ? "<a href=\"/alerts\">Open alerts only</a>" : "<a href=\"/alerts?show=all\">Every alert</a>"
        return Layout.page(title: "Alerts", session: session, body: """
            <h1>Alerts</h1>
            <h2>\(showAll ? "Every alert" : "Open alerts") (\(hits.count))</h2>
            <p>\(toggle)</p>
            \(hits.isEmpty ? "<p class=\"muted\">No alerts.</p>" : """
            <table><thead><tr><th>Raised</th><th>Customer</th><th>Item</th><th>Rule</th><th>Kind</th><th>State</th>\
            </tr></thead><tbody>\(hitRows)</tbody></table>
            """ as HTML)
            <h2>Rules</h2>
            \(rules.isEmpty ? "<p class=\"muted\">No rules; broken promises are always checked.</p>" : """
            <table><thead><tr><th>Name</th><th>Kind</th><th>Condition</th><th>State</th></tr></thead>\
            <tbody>\(ruleRows)</tbody></table>
            """ as HTML)
            <p class="muted">Rules are evaluated every 15 minutes; a broken promise also plans a call.</p>
            """)
    }

    /// The rule's condition in words.
    static func condition(_ rule: AlertRule) -> String {
        let amount = rule.thresholdMinor.map { Money(minorUnits: $0, currency: rule.currency ?? "EUR").description } ?? ""
        switch rule.kind {
        case .outstandingAbove: return "outstanding above \(amount)"
        case .overdueMoreThan: return "an item overdue by more than \(rule.days ?? 0) days"
        case .disputedAmount: return rule.thresholdMinor == 0 ? "any dispute" : "disputed amount above \(amount)"
        case .promiseBroken: return "a promise date passed, item still open"
        case .fieldLimitExceeded: return "outstanding above the field \(rule.fieldName ?? "")"
        }
    }
}
