import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore

extension WebServer {
    /// The collectors' pages beyond the agenda (issue #8): reschedule an action, the original message with its
    /// attachments, the files customers uploaded, the alerts page and the charts over a date range.
    func addCollectorRoutes(to router: Router<WebContext>) {
        router.get("/reschedule/:id") { request, context -> Response in
            let session = try Self.session(context)
            let (action, customer) = try await visibleAction(context, session: session)
            let tab = FormData(request.uri.query ?? "")["tab"].flatMap(AgendaTab.init(rawValue:))
                ?? (action.mode == .manual ? .manual : .automatic)
            return Responses.html(RescheduleView.page(session: session, action: action, customer: customer, tab: tab,
                                                      today: today()))
        }
        router.post("/reschedule/:id") { _, context -> Response in
            let session = try Self.session(context)
            let (action, _) = try await visibleAction(context, session: session)
            guard let day = context.form.nonEmpty("date").flatMap(Day.init(iso:)) else {
                throw WebError(status: .badRequest, message: "Choose a valid date.")
            }
            guard day >= today() else { throw WebError(status: .badRequest, message: "Choose today or a later date.") }
            do {
                try await collectorStore().rescheduleAction(action.id, to: day, by: session.user.id, at: options.now())
            } catch let error as AgendaStoreError where error.code == .invalidState {
                throw WebError(status: .conflict, message: "This action cannot be rescheduled from its current status.")
            }
            context.logger.info("action rescheduled", metadata: ["action.id": "\(action.id)", "user.id": "\(session.user.id)"])
            let tab = context.form["tab"].flatMap(AgendaTab.init(rawValue:)) ?? (action.mode == .manual ? .manual : .automatic)
            return Responses.redirect("/agenda/\(tab.rawValue)")
        }
        router.get("/replies/:id/original") { _, context -> Response in
            let session = try Self.session(context)
            let (detail, customer) = try await visibleMessage(context, session: session)
            let original = try await store.rawMessage(detail.id).map { messageReader.read($0) }
            let uploads = try await collectorStore().uploads(of: detail.id)
            return Responses.html(OriginalMessageView.page(session: session, detail: detail, customer: customer,
                                                           message: original, uploads: uploads))
        }
        router.get("/replies/:id/attachments/:index") { _, context -> Response in
            let session = try Self.session(context)
            let (detail, _) = try await visibleMessage(context, session: session)
            guard let index = context.parameters.get("index", as: Int.self), index >= 0,
                  let raw = try await store.rawMessage(detail.id) else { throw WebError.notFound }
            let attachments = messageReader.read(raw).attachments
            guard index < attachments.count else { throw WebError.notFound }
            return Self.download(attachments[index].data, filename: attachments[index].filename)
        }
        router.get("/uploads/:id") { _, context -> Response in
            let session = try Self.session(context)
            guard let id = context.parameters.get("id", as: Int64.self),
                  let found = try await collectorStore().upload(UploadID(id)),
                  Self.may(session.user, see: try await store.customer(found.info.customer)) else { throw WebError.notFound }
            return Self.download(found.data, filename: found.info.filename)
        }
        router.get("/alerts") { request, context -> Response in
            let session = try Self.session(context)
            let all = FormData(request.uri.query ?? "")["show"] == "all"
            let mine = session.user.role == .collector ? session.user.id : nil
            let store = try collectorStore()
            return Responses.html(AlertsView.page(session: session, rules: try await store.alertRules(),
                                                  hits: try await store.alertHits(collector: mine, openOnly: !all, limit: 500),
                                                  showAll: all))
        }
        router.get("/charts/daily") { request, context -> Response in
            let session = try Self.session(context)
            let query = FormData(request.uri.query ?? "")
            let today = today()
            var from = query.nonEmpty("from").flatMap(Day.init(iso:)) ?? today.adding(days: -14)
            var through = query.nonEmpty("to").flatMap(Day.init(iso:)) ?? today.adding(days: 14)
            if through < from { swap(&from, &through) }
            if through.days(since: from) > 366 { through = from.adding(days: 366) }
            let mine = session.user.role == .collector || session.filters.mine ? session.user.id : nil
            let store = try collectorStore()
            let days = try await store.actionsByDay(collector: mine, from: from, through: through)
            let intents = try await store.replyIntentCounts(collector: mine, from: from, through: through)
            return Responses.html(DailyChartView.page(session: session, from: from, through: through, today: today,
                                                      days: days, intents: intents))
        }
    }

    /// The store as a ``CollectorStore`` (the SQLite store is one; a store without it has none of these pages).
    func collectorStore() throws -> any CollectorStore {
        guard let store = store as? any CollectorStore else { throw WebError.notFound }
        return store
    }

    /// The action of the route's id if the user may see it; 404 otherwise (the same for a missing one).
    func visibleAction(_ context: WebContext, session: Session) async throws -> (Action, Customer) {
        guard let id = context.parameters.get("id", as: Int64.self),
              let action = try await store.action(ActionID(id)),
              let customer = try await store.customer(action.customer),
              Self.may(session.user, see: customer) || action.assignee == session.user.id else { throw WebError.notFound }
        return (action, customer)
    }

    /// A file sent for download only: `application/octet-stream`, `Content-Disposition: attachment` with the name in
    /// RFC 6266 / RFC 8187 form, no sniffing, a sandboxing CSP: a browser never renders it inline.
    static func download(_ data: Data, filename: String) -> Response {
        let safe = String(filename.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        let name = safe.isEmpty ? "attachment.bin" : String(safe.prefix(200))
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0 != "%" ? Character($0) : "_" })
        // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        var headers: HTTPFields = [.contentType: "application/octet-stream", .cacheControl: "no-store"]
        headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(bytes: data)))
    }
}
