import AgendaStore
import Foundation
import Hummingbird
import Logging
import Metrics

extension WebServer {
    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context -> Response in
            if context.session != nil { return Responses.redirect("/agenda/manual") }
            return loginPage(message: nil, status: .ok, request: request)
        }
        router.post("/login") { request, context -> Response in
            try await login(context, request: request)
        }
        router.post("/logout") { _, context -> Response in
            if let session = context.session {
                await sessions.close(session.id)
                context.logger.info("logout", metadata: ["user.id": "\(session.user.id)"])
            }
            var response = Responses.redirect("/login")
            response.setCookie(sessionCookie(value: "", maxAge: 0))
            return response
        }
    }

    /// The login form with its double-submit token in a cookie. A token the browser already holds is kept, so a
    /// second page load (another tab, a favicon redirect) does not invalidate the form on screen.
    func loginPage(message: String?, status: HTTPResponse.Status, request: Request) -> Response {
        let held = request.cookies[SessionMiddleware.loginCookie]?.value ?? ""
        let token = RandomToken.isWellFormed(held) ? held : RandomToken.make()
        var response = Responses.html(LoginView.page(token: token, message: message), status: status)
        response.setCookie(Cookie(name: SessionMiddleware.loginCookie, value: token, maxAge: 3600, path: "/login",
                                  secure: options.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func sessionCookie(value: String, maxAge: Int?) -> Cookie {
        Cookie(name: SessionMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/",
               secure: options.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func login(_ context: WebContext, request: Request) async throws -> Response {
        let login = String((context.form["login"] ?? "").trimmingWhitespace().prefix(200))
        let password = context.form["password"] ?? ""
        let now = options.now()
        var keys = ["login:" + login.lowercased()]
        if let address = context.clientAddress { keys.append("address:" + address) }
        guard await throttle.allows(keys, now: now) else {
            Counter(label: "ingestd_logins_total", dimensions: [("result", "throttled")]).increment()
            context.logger.notice("login throttled")
            return loginPage(message: "Too many failed attempts; try again in a few minutes.", status: .tooManyRequests,
                             request: request)
        }
        let account = try await store.account(login: login)
        let hash = account?.passwordHash ?? decoyHash
        let matches = Passwords.verify(password, hash: hash)
        guard let account, account.active, account.passwordHash != nil, matches else {
            await throttle.fail(keys, now: now)
            Counter(label: "ingestd_logins_total", dimensions: [("result", "failed")]).increment()
            context.logger.notice("login failed")
            return loginPage(message: "The login or the password is wrong.", status: .unauthorized, request: request)
        }
        await throttle.clear(keys[0])
        let session = await sessions.open(for: account.user, filters: AgendaFilters(for: account.user.role), now: now)
        Counter(label: "ingestd_logins_total", dimensions: [("result", "ok")]).increment()
        context.logger.info("login", metadata: ["user.id": "\(account.user.id)"])
        var response = Responses.redirect("/agenda/manual")
        response.setCookie(sessionCookie(value: session.id, maxAge: nil))
        response.setCookie(Cookie(name: SessionMiddleware.loginCookie, value: "", maxAge: 0, path: "/login",
                                  secure: options.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
