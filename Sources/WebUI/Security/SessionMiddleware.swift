import Foundation
import Hummingbird
import Logging
import NIOCore

/// Finds the session from its cookie, decodes a POST's form and refuses any state-changing request without the
/// right CSRF token (synchroniser token per session; for the login form, a double-submit cookie; for a customer's
/// page, a MAC of its link token). Pages other than
/// the public ones send a visitor without a session to the login page.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let sessionCookie = "ingestd_session"
    static let loginCookie = "ingestd_login"
    static let csrfField = "_csrf"

    let sessions: SessionStore
    let options: WebOptions
    let linkSigner: PageLinkSigner?

    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/favicon.ico" || path == "/health" || path == "/metrics" || path.hasPrefix("/static/")
            || path.hasPrefix("/c/")
    }

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let now = options.now()
        if let id = request.cookies[Self.sessionCookie]?.value {
            context.session = await sessions.session(id, now: now)
        }
        let path = request.uri.path
        let safe = request.method == .get || request.method == .head
        if !safe {
            if path.hasPrefix("/c/"), let boundary = request.headers[.contentType].flatMap({ MultipartForm.boundary(contentType: $0) }) {
                // The customer's page posts multipart/form-data (proof-of-payment upload, RFC 7578).
                let body = try await request.collectBody(upTo: options.maxUploadBytes + options.maxFormBytes)
                guard let form = MultipartForm(body: Array(buffer: body), boundary: boundary) else { throw WebError.badRequest }
                context.form = FormData(form.fields.map { "\(FormData.encode($0.name))=\(FormData.encode($0.value))" }
                    .joined(separator: "&"))
                context.files = form.files
            } else {
                let body = try await request.collectBody(upTo: options.maxFormBytes)
                context.form = FormData(String(buffer: body))
            }
            let sent = context.form[Self.csrfField] ?? ""
            let expected: String? = if path == "/login" {
                request.cookies[Self.loginCookie]?.value
            } else if path.hasPrefix("/c/") {
                linkSigner?.formToken(for: String(path.dropFirst(3)))
            } else {
                context.session?.csrfToken
            }
            guard let expected, RandomToken.equal(sent, expected) else {
                context.logger.notice("csrf refused", metadata: ["http.path": "\(path)"])
                throw WebError.forbidden
            }
        } else if context.session == nil && !Self.isPublic(path) {
            return Responses.redirect("/login")
        }
        return try await next(request, context)
    }
}
