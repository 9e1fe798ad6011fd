import AgendaStore
import Foundation
import Hummingbird
import Logging

extension WebServer {
    /// `/operator/labels`: the replies the classifier was unsure of (abstained, low confidence, or a collector
    /// corrected or rejected a proposal), each with a form to label its intent; the labels export as corpus JSON
    /// Lines and feed the training page. The queue is read a page at a time through indexes (newest first,
    /// `?after=<cursor>` for the next page).
    func addLabellingPages(to router: Router<WebContext>) {
        router.get("/operator/labels") { request, context -> Response in
            let session = try Self.operatorSession(context)
            let query = FormData(request.uri.query ?? "")
            var cursor: LabellingCursor?
            if let text = query.nonEmpty("after") {
                guard let parsed = LabellingView.cursor(text) else { throw WebError.badRequest }
                cursor = parsed
            }
            let size = max(1, options.pageSize)
            var queue = try await store.labellingPage(threshold: options.confidentThreshold, after: cursor,
                                                      limit: size + 1)
            let more = queue.count > size
            if more { queue.removeLast() }
            let saved = query.nonEmpty("saved") != nil
            return Responses.html(LabellingView.page(session: session, queue: queue,
                                                     labels: try await store.labelCount(),
                                                     threshold: options.confidentThreshold,
                                                     notice: saved ? "Label saved." : nil,
                                                     next: more ? queue.last.map(LabellingView.cursorText) : nil,
                                                     paged: cursor != nil))
        }
        router.post("/operator/labels/:id") { _, context -> Response in
            let session = try Self.operatorSession(context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound }
            guard let intent = context.form["intent"].flatMap(Intent.init(rawValue:)) else { throw WebError.badRequest }
            var reason: DisputeReason?
            if intent == .dispute, let text = context.form.nonEmpty("dispute_reason") {
                guard let parsed = DisputeReason(rawValue: text) else { throw WebError.badRequest }
                reason = parsed
            }
            do {
                try await store.label(InboundMessageID(id), ReplyLabel(intent: intent, disputeReason: reason),
                                      by: session.user.id, at: options.now())
            } catch let error as AgendaStoreError where error.code == .notFound {
                throw WebError.notFound
            }
            context.logger.info("reply labelled", metadata: ["message.id": "\(id)", "label.intent": "\(intent.rawValue)",
                                                             "user.id": "\(session.user.id)"])
            return Responses.redirect("/operator/labels?saved=1")
        }
        router.get("/operator/labels/export.jsonl") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let records = try await store.labelledReplies()
            context.logger.info("labels exported", metadata: ["labels": "\(records.count)", "user.id": "\(session.user.id)"])
            var response = Responses.text(String(decoding: CorpusExport.jsonLines(records), as: UTF8.self),
                                          contentType: "application/x-ndjson; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"decisions-\(today().iso).jsonl\""
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}

/// The labelling queue.
enum LabellingView {
    static func page(session: Session, queue: [LabellingCandidate], labels: Int, threshold: Double,
                     notice: String?, next: String? = nil, paged: Bool = false) -> HTML {
        var pager: [HTML] = []
        if paged { pager.append("<a href=\"/operator/labels\">Newest</a>") }
        if let next { pager.append("<a href=\"/operator/labels?after=\(next)\" rel=\"next\">Older</a>") }
        let navigation: HTML = pager.isEmpty ? "" : "<p class=\"pager\">\(HTML.join(pager, separator: " "))</p>"
        let rows = queue.map { row($0, session: session) }
        let table: HTML = queue.isEmpty ? "<p class=\"muted\">No reply waits for a label.</p>" : """
            <table><thead><tr><th>Reply</th><th>Received</th><th>Language</th><th>Model said</th><th>Confidence</th>\
            <th>Corrected</th><th>Summary</th><th>Label</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return OperatorLayout.page(title: "Labelling queue", current: "/operator/labels", session: session,
                                   notice: notice, body: """
            <p>Replies the classifier abstained on, read with less than \(Format.percent(threshold)) confidence, or \
            whose proposals a collector corrected or rejected. \(labels) \(labels == 1 ? "reply is" : "replies are") \
            labelled: <a href="/operator/labels/export.jsonl">export them as corpus examples</a> (JSON Lines) or \
            add them to a <a href="/operator/models">training run</a>.</p>
            \(table)\(navigation)
            """)
    }

    /// A page's end as `<milliseconds since 1970>-<id>`.
    static func cursorText(_ candidate: LabellingCandidate) -> String {
        "\(Int64((candidate.receivedAt.timeIntervalSince1970 * 1000).rounded()))-\(candidate.id.rawValue)"
    }

    /// Reads ``cursorText(_:)``; nil for anything else.
    static func cursor(_ text: String) -> LabellingCursor? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let millis = Int64(parts[0]), let id = Int64(parts[1]), id > 0 else { return nil }
        return LabellingCursor(receivedAt: Date(timeIntervalSince1970: Double(millis) / 1000), id: InboundMessageID(id))
    }

    static func row(_ candidate: LabellingCandidate, session: Session) -> HTML {
        let id = candidate.id.rawValue
        let intents = Intent.allCases.map { intent -> HTML in
            let selected: HTML = candidate.intent == intent ? " selected" : ""
            return "<option value=\"\(intent.rawValue)\"\(selected)>\(Format.words(intent.rawValue))</option>"
        }
        let reasons = DisputeReason.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" as HTML }
        return """
            <tr><td><a href="/replies/\(id)">\(Format.words(candidate.kind.rawValue)) \(id)</a></td>\
            <td>\(Format.instant(candidate.receivedAt))</td><td>\(candidate.language ?? "–")</td>\
            <td>\(candidate.intent.map { Format.words($0.rawValue) } ?? "abstained")</td>\
            <td>\(Format.percent(candidate.confidence))</td><td>\(candidate.disagreements)</td>\
            <td>\(candidate.summary ?? "–")</td>
            <td><form method="post" action="/operator/labels/\(id)" class="inline">\(Layout.csrf(session))\
            <select name="intent">\(intents)</select> <select name="dispute_reason"><option value="">–</option>\
            \(reasons)</select> <button type="submit">Save</button></form></td></tr>
            """
    }
}
