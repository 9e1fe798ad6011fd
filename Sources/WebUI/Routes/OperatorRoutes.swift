import AgendaStore
import Foundation
import Hummingbird

extension WebServer {
    /// The operators' overview: users and model versions. Mailboxes, quarantine and the labelling queue come with
    /// the IMAP poller and the pipeline. Collectors get a 404.
    func addOperatorRoutes(to router: Router<WebContext>) {
        router.get("/operator") { _, context -> Response in
            let session = try Self.session(context)
            guard session.user.role != .collector else { throw WebError.notFound }
            let users = try await store.users().map { user -> HTML in
                "<tr><td>\(user.login)</td><td>\(user.name)</td><td>\(user.role.rawValue)</td></tr>"
            }
            let models = try await store.models().map { model -> HTML in
                let metrics = model.metrics.sorted { $0.key < $1.key }
                    .map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", ")
                return "<tr><td>\(model.version)</td><td>\(model.promoted ? "promoted" : "")</td><td>\(metrics)</td></tr>"
            }
            let modelTable: HTML = models.isEmpty ? "<p class=\"muted\">No model registered.</p>" : """
                <table><thead><tr><th>Version</th><th></th><th>Metrics</th></tr></thead><tbody>\(models)</tbody></table>
                """
            return Responses.html(Layout.page(title: "Operations", session: session, body: """
                <h1>Operations</h1>
                <h2>Users</h2><table><thead><tr><th>Login</th><th>Name</th><th>Role</th></tr></thead>\
                <tbody>\(users)</tbody></table>
                <h2>Classifier versions</h2>\
                \(modelTable)
                """))
        }
    }
}
