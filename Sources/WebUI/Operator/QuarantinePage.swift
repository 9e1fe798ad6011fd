import AgendaStore
import Foundation
import Hummingbird
import Logging
import NIOCore

extension WebServer {
    /// `/operator/quarantine`: messages that could not be parsed or broke a limit, with the reason; the raw bytes to
    /// download (never shown in the page) and a release or discard per message.
    func addQuarantinePage(to router: Router<WebContext>) {
        router.get("/operator/quarantine") { request, context -> Response in
            let session = try Self.operatorSession(context)
            let messages = try await store.quarantine(limit: 200)
            let query = FormData(request.uri.query ?? "")
            var notice = query["done"].flatMap(QuarantineDisposition.init(rawValue:)).map { "Message \($0.rawValue)." }
            if let id = query.nonEmpty("reprocessed").flatMap({ Int64($0) }) {
                notice = query.nonEmpty("again").map { "Read again and stored as message \(id), quarantined again: \($0)." }
                    ?? "Read again and stored as message \(id)."
            }
            return Responses.html(QuarantineView.page(session: session, messages: messages, notice: notice,
                                                      canReprocess: operatorServices != nil))
        }
        router.get("/operator/quarantine/:id/raw") { _, context -> Response in
            let session = try Self.operatorSession(context)
            guard let id = context.parameters.get("id", as: Int64.self),
                  let detail = try await store.inboundDetail(InboundMessageID(id)), detail.quarantineReason != nil,
                  let raw = try await store.rawMessage(detail.id) else { throw WebError.notFound }
            context.logger.info("quarantined message downloaded", metadata: ["message.id": "\(id)",
                                                                             "user.id": "\(session.user.id)"])
            // Bytes as they came, as a download: never rendered, never sniffed (nosniff comes from the middleware).
            return Response(status: .ok, headers: [
                .contentType: "application/octet-stream", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"message-\(id).eml\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: raw)))
        }
        router.post("/operator/quarantine/:id/reprocess") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let services = try daemon()
            guard let id = context.parameters.get("id", as: Int64.self),
                  let message = try await store.quarantinedMessage(InboundMessageID(id)) else { throw WebError.notFound }
            let outcome: ReprocessedMessage
            do {
                outcome = try await services.reprocess(message, by: session.user.id)
            } catch let error as AgendaStoreError where error.code == .notFound {
                throw WebError.notFound
            }
            context.logger.info("quarantine reprocessed", metadata: [
                "message.id": "\(id)", "message.new_id": "\(outcome.id)", "user.id": "\(session.user.id)",
                "quarantine.reason": "\(outcome.quarantineReason ?? "none")"])
            let again = outcome.quarantineReason.map { "&again=\(FormData.encode($0))" } ?? ""
            return Responses.redirect("/operator/quarantine?reprocessed=\(outcome.id.rawValue)\(again)")
        }
        router.post("/operator/quarantine/:id") { _, context -> Response in
            let session = try Self.operatorSession(context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound }
            guard let disposition = context.form["disposition"].flatMap(QuarantineDisposition.init(rawValue:)) else {
                throw WebError.badRequest
            }
            do {
                try await store.dispose(quarantined: InboundMessageID(id), as: disposition, by: session.user.id,
                                        at: options.now())
            } catch let error as AgendaStoreError where error.code == .notFound {
                throw WebError.notFound
            }
            context.logger.info("quarantine disposed", metadata: ["message.id": "\(id)",
                                                                  "quarantine.disposition": "\(disposition.rawValue)",
                                                                  "user.id": "\(session.user.id)"])
            return Responses.redirect("/operator/quarantine?done=\(disposition.rawValue)")
        }
    }
}

/// The quarantine table.
enum QuarantineView {
    /// What each reason code means (codes from the pipeline; an unknown code is shown as it is).
    static let reasons: [String: String] = [
        "too_large": "Larger than the message size limit: only its header block was read.",
        "empty_message": "No bytes, or only white space.",
        "unparsable": "Not an email: none of the fields every message has was found.",
        "limit_parts": "More MIME parts than the limit.",
        "limit_depth": "MIME parts nested deeper than the limit.",
        "limit_header_count": "More header fields than the limit.",
        "limit_header_length": "A header field longer than the limit.",
        "limit_line_length": "A body line longer than the limit.",
        "limit_decoded_size": "More decoded bytes than the limit.",
        "correlation_failed": "Matching it to a customer failed (store error).",
        "classification_failed": "Reading the customer's open items for the classifier failed.",
    ]

    static func page(session: Session, messages: [QuarantinedMessage], notice: String?, canReprocess: Bool) -> HTML {
        let rows = messages.map { message -> HTML in
            let id = message.id.rawValue
            let source: String = message.source.map { "\($0.mailbox) UID \($0.uid)" } ?? "file or page"
            let explained: HTML = reasons[message.reason].map { " <span class=\"muted\">\($0)</span>" } ?? ""
            let action = "/operator/quarantine/\(id)"
            let release = OperatorLayout.button("Release", action: action, session: session,
                                                fields: [("disposition", "released")])
            let discard = OperatorLayout.button("Discard", action: action, session: session,
                                                fields: [("disposition", "discarded")])
            let reprocess: HTML = canReprocess
                ? OperatorLayout.button("Read again", action: "\(action)/reprocess", session: session) : ""
            return """
                <tr><td>\(id)</td><td>\(Format.instant(message.receivedAt))</td><td>\(source)</td>\
                <td>\(Format.words(message.kind.rawValue))</td><td><code>\(message.reason)</code>\(explained)</td>\
                <td>\(message.rawSize)</td><td>\(message.fromAddress ?? "–")</td><td>\(message.subject ?? "–")</td>
                <td><a href="/operator/quarantine/\(id)/raw">Download</a> \
                \(reprocess) \(release) \(discard)\
                </td></tr>
                """
        }
        let body: HTML = messages.isEmpty ? "<p class=\"muted\">Nothing in quarantine.</p>" : """
            <p>Reading again runs the stored bytes through the pipeline once more (useful after a store or lookup \
            failure, or with new limits); releasing keeps a message with the others as it is; discarding marks it as \
            junk. The raw bytes stay in every case.</p>
            <table><thead><tr><th>Id</th><th>Received</th><th>From mailbox</th><th>Kind</th><th>Reason</th>\
            <th>Bytes</th><th>Sender</th><th>Subject</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return OperatorLayout.page(title: "Quarantine", current: "/operator/quarantine", session: session,
                                   notice: notice, body: body)
    }
}
