import AgendaStore
import Foundation
import Hummingbird

extension WebServer {
    /// `/charts`: actions by channel and state, replies by intent, proposal decisions and the acceptance rate; a
    /// collector sees their own work only.
    func addChartRoutes(to router: Router<WebContext>) {
        router.get("/charts") { _, context -> Response in
            let session = try Self.session(context)
            let mine = session.user.role == .collector || session.filters.mine ? session.user.id : nil
            var byChannel: [Channel: (open: Int, done: Int, cancelled: Int)] = [:]
            for count in try await store.actionCounts(collector: mine) {
                var entry = byChannel[count.channel] ?? (0, 0, 0)
                switch count.status {
                case .done: entry.done += count.count
                case .cancelled: entry.cancelled += count.count
                default: entry.open += count.count
                }
                byChannel[count.channel] = entry
            }
            var actionBars: [BarChart.Bar] = []
            for channel in Channel.allCases {
                guard let entry = byChannel[channel] else { continue }
                actionBars += [.init(label: "\(channel.rawValue): to do", value: entry.open, colour: "#b91c1c"),
                               .init(label: "\(channel.rawValue): done", value: entry.done, colour: "#15803d"),
                               .init(label: "\(channel.rawValue): cancelled", value: entry.cancelled, colour: "#6b7280")]
            }
            let intents = try await store.replyIntentCounts(collector: mine)
            let intentBars = (Intent.allCases.map { Optional($0) } + [nil]).compactMap { intent -> BarChart.Bar? in
                guard let n = intents[intent], n > 0 else { return nil }
                return .init(label: intent.map { Format.words($0.rawValue) } ?? "not classified", value: n,
                             colour: "#1d4ed8")
            }
            let decisions = try await store.decisionCounts(collector: mine)
            let decided = decisions.decided.values.reduce(0, +)
            let taken = (decisions.decided[.accepted] ?? 0) + (decisions.decided[.corrected] ?? 0)
            let rate = decided == 0 ? "–" : "\(taken * 100 / decided) %"
            let decisionBars: [BarChart.Bar] = [
                .init(label: "accepted", value: decisions.decided[.accepted] ?? 0, colour: "#15803d"),
                .init(label: "corrected", value: decisions.decided[.corrected] ?? 0, colour: "#ca8a04"),
                .init(label: "rejected", value: decisions.decided[.rejected] ?? 0, colour: "#b91c1c"),
                .init(label: "waiting", value: decisions.open, colour: "#6b7280"),
            ]
            return Responses.html(Layout.page(title: "Charts", session: session, body: """
                <h1>Charts</h1>
                <p><a href="/charts/daily">By planned day, over a date range</a></p>
                \(BarChart.svg(title: "Actions by channel", bars: actionBars))
                \(BarChart.svg(title: "Replies and comments by intent", bars: intentBars))
                \(BarChart.svg(title: "Proposals", bars: decisionBars))
                <p>Acceptance rate (accepted or corrected among decided proposals): <strong>\(rate)</strong></p>
                """))
        }
    }
}
