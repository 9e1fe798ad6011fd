import AgendaStore
import Foundation
import Hummingbird

extension WebServer {
    /// The operators' overview: where each operator page stands at a glance, and the users. The pages themselves are
    /// in `Operator/`. Collectors get a 404.
    func addOperatorRoutes(to router: Router<WebContext>) {
        router.get("/operator") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let users = try await store.users().map { user -> HTML in
                "<tr><td>\(user.login)</td><td>\(user.name)</td><td>\(user.role.rawValue)</td></tr>"
            }
            let mailboxes = try await store.mailboxOverview(since: startOfToday())
            let live = await operatorServices?.mailboxStatuses() ?? []
            let failing = live.filter { $0.needsAttention || $0.consecutiveFailures > 0 }.count
            let quarantined = try await store.quarantine(limit: 1000).count
            let waiting = try await store.labellingQueue(threshold: options.confidentThreshold, limit: 1000).count
            let models = try await store.models()
            let promoted = models.first(where: \.promoted)
            func capped(_ n: Int) -> String { n == 1000 ? "1000+" : String(n) }
            let summary: [HTML] = [
                "<li><a href=\"/operator/mailboxes\">Mailboxes</a>: \(Set(mailboxes.map(\.mailbox)).union(live.map(\.key)).count), \(failing) failing</li>",
                "<li><a href=\"/operator/quarantine\">Quarantine</a>: \(capped(quarantined)) waiting</li>",
                "<li><a href=\"/operator/models\">Classifier</a>: \(models.count) versions, promoted \(promoted?.version ?? "none")</li>",
                "<li><a href=\"/operator/labels\">Labelling queue</a>: \(capped(waiting)) replies</li>",
                "<li><a href=\"/operator/templates\">Scenarios &amp; templates</a></li>",
            ]
            return Responses.html(OperatorLayout.page(title: "Operations", current: "/operator", session: session,
                                                      body: """
                <ul>\(summary)</ul>
                <h2>Users</h2><table><thead><tr><th>Login</th><th>Name</th><th>Role</th></tr></thead>\
                <tbody>\(users)</tbody></table>
                """))
        }
    }
}
