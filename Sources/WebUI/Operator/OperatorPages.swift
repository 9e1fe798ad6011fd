import AgendaStore
import Foundation
import Hummingbird

extension WebServer {
    /// The operators' pages (issue #8, "Operator UI"): mailboxes, quarantine, classifier versions, labelling queue,
    /// scenarios and template preview. Operators and admins only: a collector gets the same 404 as for a page that
    /// does not exist.
    func addOperatorPages(to router: Router<WebContext>) {
        addMailboxPage(to: router)
        addQuarantinePage(to: router)
        addModelPages(to: router)
        addLabellingPages(to: router)
        addTemplatePage(to: router)
        addScenarioEditing(to: router)
        addTemplateEditing(to: router)
    }

    /// The session of an operator or admin; 404 for anyone else.
    static func operatorSession(_ context: WebContext) throws -> Session {
        let session = try Self.session(context)
        guard session.user.role == .operator || session.user.role == .admin else { throw WebError.notFound }
        return session
    }

    /// The hooks into the daemon, or a 503 page saying this process has none (tests, a UI-only start).
    func daemon() throws -> any OperatorServices {
        guard let operatorServices else {
            throw WebError(status: .serviceUnavailable, message: "This function is not available in this process.")
        }
        return operatorServices
    }

    /// Midnight UTC of the current day.
    func startOfToday() -> Date {
        Date(timeIntervalSince1970: (options.now().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}

/// The frame of the operators' pages: the page layout with a second row of links.
enum OperatorLayout {
    static let sections: [(path: String, title: String)] = [
        ("/operator", "Overview"), ("/operator/mailboxes", "Mailboxes"), ("/operator/quarantine", "Quarantine"),
        ("/operator/models", "Classifier"), ("/operator/labels", "Labelling queue"),
        ("/operator/templates", "Scenarios & templates"),
    ]

    static func page(title: String, current: String, session: Session, notice: String? = nil, body: HTML) -> HTML {
        let links = sections.map { section -> HTML in
            section.path == current ? "<a class=\"current\" href=\"\(section.path)\">\(section.title)</a>"
                : "<a href=\"\(section.path)\">\(section.title)</a>"
        }
        let noticeHTML: HTML = notice.map { "<p class=\"notice\">\($0)</p>" } ?? ""
        return Layout.page(title: title, session: session, body: """
            <nav class="tabs">\(links)</nav>
            <h1>\(title)</h1>
            \(noticeHTML)\(body)
            """)
    }

    /// A small form posting to `action` with the session's CSRF token and hidden fields.
    static func button(_ label: String, action: String, session: Session, fields: [(String, String)] = []) -> HTML {
        let hidden = fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" as HTML }
        return """
            <form method="post" action="\(action)" class="inline">\(Layout.csrf(session))\(hidden)\
            <button type="submit">\(label)</button></form>
            """
    }
}
