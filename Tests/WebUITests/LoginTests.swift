import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebUI

/// Login, logout, session cookies, login CSRF and rate limiting.
@Suite struct LoginTests {
    @Test func loginSetsAnHttpOnlyLaxSessionCookieAndLogoutEndsTheSession() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (token, loginCookie) = try await Browser.loginToken(client)
            let response = try await client.execute(
                uri: "/login", method: .post, headers: Browser.form(cookie: loginCookie),
                body: Browser.body(["_csrf": token, "login": "alice", "password": WebFixture.password]))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/agenda/manual")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("ingestd_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            let browser = try await Browser.login(client, as: "alice")
            #expect(try await browser.get("/agenda/manual").status == .ok)
            let logout = try await browser.post("/logout", [:])
            #expect(logout.status == .seeOther && logout.headers[.location] == "/login")
            let after = try await browser.get("/agenda/manual")
            #expect(after.status == .seeOther && after.headers[.location] == "/login")
        }
    }

    @Test(arguments: ["/agenda/manual", "/agenda/replies", "/customers/1", "/replies/1", "/operator", "/"])
    func pagesWithoutASessionGoToTheLoginPage(path: String) async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login")
        }
    }

    @Test func aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            for login in ["alice", "nobody"] {
                let (token, cookie) = try await Browser.loginToken(client)
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: Browser.form(cookie: cookie),
                    body: Browser.body(["_csrf": token, "login": login, "password": "wrong password"]))
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("The login or the password is wrong."))
                #expect(Browser.cookieValue(response, "ingestd_session") == nil)
            }
        }
    }

    @Test func loginWithoutItsCSRFTokenIsRefused() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (token, cookie) = try await Browser.loginToken(client)
            let fields = ["login": "alice", "password": WebFixture.password]
            let missing = try await client.execute(uri: "/login", method: .post, headers: Browser.form(cookie: cookie),
                                                   body: Browser.body(fields))
            let noCookie = try await client.execute(uri: "/login", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: Browser.body(fields.merging(["_csrf": token]) { $1 }))
            let other = try await client.execute(uri: "/login", method: .post, headers: Browser.form(cookie: cookie),
                                                 body: Browser.body(fields.merging(["_csrf": token + "x"]) { $1 }))
            for response in [missing, noCookie, other] {
                #expect(response.status == .forbidden)
                #expect(Browser.cookieValue(response, "ingestd_session") == nil)
            }
        }
    }

    @Test func repeatedFailuresThrottleTheLoginEvenWithTheRightPassword() async throws {
        var options = WebFixture.options()
        options.loginAttempts = 3
        let fixture = try await WebFixture.make(options: options)
        try await fixture.test { client in
            for _ in 0..<3 {
                let (token, cookie) = try await Browser.loginToken(client)
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: Browser.form(cookie: cookie),
                    body: Browser.body(["_csrf": token, "login": "Alice", "password": "guess"]))
                #expect(response.status == .unauthorized)
            }
            let (token, cookie) = try await Browser.loginToken(client)
            let blocked = try await client.execute(
                uri: "/login", method: .post, headers: Browser.form(cookie: cookie),
                body: Browser.body(["_csrf": token, "login": "alice", "password": WebFixture.password]))
            #expect(blocked.status == .tooManyRequests)
            #expect(Browser.cookieValue(blocked, "ingestd_session") == nil)
            // Another user is not affected.
            _ = try await Browser.login(client, as: "bob")
        }
    }

    @Test func throttleForgetsFailuresOutsideItsWindow() async {
        let throttle = LoginThrottle(limit: 2, window: 60)
        let start = Date(timeIntervalSince1970: 0)
        await throttle.fail(["a"], now: start)
        await throttle.fail(["a"], now: start.addingTimeInterval(10))
        #expect(await throttle.allows(["a"], now: start.addingTimeInterval(20)) == false)
        #expect(await throttle.allows(["b"], now: start.addingTimeInterval(20)))
        #expect(await throttle.allows(["a"], now: start.addingTimeInterval(59)) == false)
        // At 61 s the first failure has left the window: one failure is left, below the limit.
        #expect(await throttle.allows(["a"], now: start.addingTimeInterval(61)))
    }
}
