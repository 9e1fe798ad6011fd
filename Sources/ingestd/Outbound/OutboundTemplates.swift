import AgendaStore
import Foundation
import MailIngest
import Mustache

/// Templates per scenario step and language (swift-mustache): a folder per template name holding
/// `<lang>.subject.mustache`, `<lang>.text.mustache` and `<lang>.html.mustache` (SMS uses only `text`, letters only
/// `html`). The customer's language is tried, then its primary subtag (`fr` for `fr-BE`), then the default.
/// Text and subject templates render without HTML escaping; HTML templates escape every `{{value}}`.
struct OutboundTemplates: Sendable {
    /// One rendered message.
    struct Rendered: Sendable, Hashable {
        var subject: String
        var text: String
        var html: String?
        /// The language actually used.
        var language: String
    }

    /// Why a template cannot be used.
    struct Missing: Error, CustomStringConvertible {
        var template: String
        var language: String
        var description: String { "no template \(template) for language \(language)" }
    }

    let directory: URL
    let defaultLanguage: String
    /// Parsed files, checked against the disk at each use.
    private let cache = TemplateCache()

    init(directory: String, defaultLanguage: String = "en") {
        self.directory = URL(fileURLWithPath: directory)
        self.defaultLanguage = defaultLanguage
    }

    /// Renders `template` for `language` with `context`.
    func render(_ template: String, language: String?, context: [String: Any]) throws -> Rendered {
        let folder = directory.path + "/" + template + "/"
        var candidates: [String] = []
        if let language, !language.isEmpty {
            candidates.append(language.lowercased())
            if let primary = language.split(separator: "-").first { candidates.append(primary.lowercased()) }
        }
        candidates.append(defaultLanguage)
        for candidate in candidates {
            let text = try cache.template(at: folder + candidate + ".text.mustache", prefix: Self.textMode)
            let html = try cache.template(at: folder + candidate + ".html.mustache")
            guard text != nil || html != nil else { continue }
            let subject = try cache.template(at: folder + candidate + ".subject.mustache", prefix: Self.textMode)
                .map { $0.render(context) } ?? ""
            let renderedHTML = html.map { $0.render(context) }
            let renderedText = text.map { $0.render(context) }
                ?? renderedHTML.map { HTMLText.convert($0).lines.map(\.text).joined(separator: "\n") } ?? ""
            return Rendered(subject: subject.trimmingCharacters(in: .whitespacesAndNewlines), text: renderedText,
                            html: renderedHTML, language: candidate)
        }
        throw Missing(template: template, language: language ?? defaultLanguage)
    }

    /// Subject and text templates render without HTML escaping.
    private static let textMode = "{{% CONTENT_TYPE: TEXT}}"

    /// The values templates see: `customer` (name, key), `contact` (name, email, phone), `items` (number, issue_date,
    /// due_date, amount, open_amount, currency, days_overdue), `totals` (currency, open_amount), `page_link`,
    /// `action` (id, planned_date), `today`.
    static func context(customer: Customer, contact: Contact?, items: [Item], actionID: ActionID, plannedDate: Day,
                        today: Day, pageLink: String?) -> [String: Any] {
        let rows: [[String: Any]] = items.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }.map { item in
            ["number": item.number, "issue_date": item.issueDate.iso, "due_date": item.dueDate.iso,
             "amount": Money.decimalString(item.amount.minorUnits, currency: item.amount.currency),
             "open_amount": Money.decimalString(item.openAmount.minorUnits, currency: item.openAmount.currency),
             "currency": item.openAmount.currency, "days_overdue": max(0, today.days(since: item.dueDate))]
        }
        var sums: [String: Int64] = [:]
        for item in items { sums[item.openAmount.currency, default: 0] += item.openAmount.minorUnits }
        let totals: [[String: Any]] = sums.keys.sorted().map { currency in
            ["currency": currency, "open_amount": Money.decimalString(sums[currency]!, currency: currency)]
        }
        var context: [String: Any] = [
            "customer": ["name": customer.name, "key": customer.externalKey],
            "items": rows, "totals": totals, "today": today.iso,
            "action": ["id": String(actionID.rawValue), "planned_date": plannedDate.iso],
        ]
        if let contact {
            context["contact"] = ["name": contact.name ?? "", "email": contact.email ?? "", "phone": contact.phone ?? ""]
        }
        if let pageLink {
            let key = customer.externalKey.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            context["page_link"] = pageLink.replacing("{customer}", with: key)
        }
        return context
    }
}
