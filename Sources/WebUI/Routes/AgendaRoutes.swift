import AgendaStore
import Foundation
import Hummingbird
import Logging

extension WebServer {
    func addAgendaRoutes(to router: Router<WebContext>) {
        router.get("/agenda/:tab") { request, context -> Response in
            guard let tab = context.parameters.get("tab", as: AgendaTab.self) else { throw WebError.notFound }
            let page = max(1, min(10_000, FormData(request.uri.query ?? "").nonEmpty("page").flatMap { Int($0) } ?? 1))
            return try await agenda(tab: tab, page: page, session: try Self.session(context))
        }
        router.post("/agenda/filters") { _, context -> Response in
            let session = try Self.session(context)
            await sessions.setFilters(AgendaFilters(form: context.form, role: session.user.role), of: session.id)
            let tab = context.form["tab"].flatMap(AgendaTab.init(rawValue:)) ?? .manual
            return Responses.redirect("/agenda/\(tab.rawValue)")
        }
        router.get("/export/history.csv") { _, context -> Response in
            let session = try Self.session(context)
            let query = session.filters.query(for: session.user, today: today(), limit: 1_000_000, offset: 0)
            var response = Responses.text(try await store.exportHistoryCSV(query), contentType: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"history-\(today().iso).csv\""
            return response
        }
        router.post("/actions/:id/:change") { _, context -> Response in
            try await changeAction(context)
        }
    }

    func agenda(tab: AgendaTab, page: Int, session: Session) async throws -> Response {
        let today = today()
        let size = options.pageSize
        let query = session.filters.query(for: session.user, today: today, limit: size, offset: (page - 1) * size)
        var counts: [AgendaTab: (total: Int, toDo: Int, capped: Bool)] = [:]
        var countQuery = query
        countQuery.limit = 0
        countQuery.offset = 0
        let table: HTML
        var total = 0
        var note: HTML = ""
        for each in AgendaTab.allCases where each != tab {
            counts[each] = try await tabCounts(each, countQuery)
        }
        switch tab {
        case .manual, .automatic:
            let result = tab == .manual ? try await store.manualActions(query) : try await store.automaticActions(query)
            counts[tab] = (result.total, result.toDo, result.capped)
            total = result.total
            table = AgendaView.actions(result.rows, session: session, tab: tab)
        case .history:
            let result = try await store.history(query)
            counts[tab] = (result.total, result.toDo, result.capped)
            total = result.total
            table = AgendaView.history(result.rows)
        case .replies:
            let result = try await store.replies(query)
            counts[tab] = (result.total, result.toDo, result.capped)
            total = result.total
            table = AgendaView.replies(result.rows)
            if let oldest = try await store.oldestUnreviewed(collector: query.collector) {
                note = "<p>Oldest reply waiting for review: <strong>\(Format.age(oldest, now: options.now()))</strong> old.</p>"
            }
        }
        return Responses.html(AgendaView.page(session: session, tab: tab, counts: counts, table: table,
                                              pager: AgendaView.pager(tab: tab, page: page, total: total, pageSize: size),
                                              note: note))
    }

    func tabCounts(_ tab: AgendaTab, _ query: AgendaQuery) async throws -> (total: Int, toDo: Int, capped: Bool) {
        switch tab {
        case .manual: let p = try await store.manualActions(query); return (p.total, p.toDo, p.capped)
        case .automatic: let p = try await store.automaticActions(query); return (p.total, p.toDo, p.capped)
        case .history: let p = try await store.history(query); return (p.total, p.toDo, p.capped)
        case .replies: let p = try await store.replies(query); return (p.total, p.toDo, p.capped)
        }
    }

    /// Confirms or cancels an action the user may see.
    func changeAction(_ context: WebContext) async throws -> Response {
        let session = try Self.session(context)
        guard let id = context.parameters.get("id", as: Int64.self),
              let action = try await store.action(ActionID(id)) else { throw WebError.notFound }
        let customer = try await store.customer(action.customer)
        guard Self.may(session.user, see: customer) || action.assignee == session.user.id else {
            throw WebError.notFound
        }
        let change: ActionChange
        switch context.parameters.get("change") {
        case "confirm": change = .confirm
        case "cancel": change = .cancel
        default: throw WebError.notFound
        }
        do {
            try await store.updateAction(action.id, change, by: session.user.id, at: options.now())
        } catch let error as AgendaStoreError where error.code == .invalidState {
            throw WebError(status: .conflict, message: "This action cannot change from its current status.")
        }
        context.logger.info("action changed", metadata: ["action.id": "\(action.id)", "user.id": "\(session.user.id)"])
        let tab = context.form["tab"].flatMap(AgendaTab.init(rawValue:)) ?? (action.mode == .manual ? .manual : .automatic)
        return Responses.redirect("/agenda/\(tab.rawValue)")
    }
}

