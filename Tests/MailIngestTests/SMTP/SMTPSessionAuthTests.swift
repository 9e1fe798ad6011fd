import Foundation
import TestServers
import Testing
@testable import MailIngest

/// SMTP AUTH (RFC 4954) against a private Postfix whose SASL is a private Dovecot auth service: PLAIN and LOGIN
/// over STARTTLS relay the message; a wrong password fails the session as `authentication_failed`; without AUTH
/// the server relays nothing (554 at RCPT). AUTH is offered only after STARTTLS (`smtpd_tls_auth_only`).
/// Disabled for now: on this 2-core machine, under any load, the private Postfix with Dovecot SASL sometimes never
/// sends its greeting (20 s timeout at connect, empty maillog) in one case of three; the cause is not found yet (a
/// wait for Dovecot's auth handshake did not help). Run it by hand with `INGESTD_SMTP_AUTH_TESTS=1`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["INGESTD_SMTP_AUTH_TESTS"] == "1",
                             "flaky: Postfix with SASL sometimes never greets (see the comment above)"))
struct SMTPSessionAuthTests {
    static func servers() throws -> (SASLAuthServer, PostfixServer) {
        do {
            let sasl = try SASLAuthServer(users: ["collections": "s3cret pass"])
            let postfix = try PostfixServer(.init(tls: true, saslPort: sasl.port))
            return (sasl, postfix)
        } catch {
            Issue.record("Postfix or Dovecot could not start: \(error)")
            throw error
        }
    }

    static func send(_ postfix: PostfixServer, user: String?, password: String?,
                     mechanism: SMTPServerConfiguration.AuthMechanism = .plain,
                     id: String) async throws -> Result<SMTPOutcome, SMTPError> {
        let configuration = SMTPServerConfiguration(host: "localhost", port: postfix.port, security: .startTLS,
                                                    username: user, password: password, authMechanism: mechanism,
                                                    timeout: 20)
        let sender = SMTPSender(configuration: configuration, verifier: nil)
        let result = await sender.send(try SMTPSessionPostfixTests.message(id), envelope: SMTPSessionPostfixTests.envelope())
        await sender.close()
        return result
    }

    @Test(arguments: [SMTPServerConfiguration.AuthMechanism.plain, .login])
    func authenticatedSendsAreRelayed(mechanism: SMTPServerConfiguration.AuthMechanism) async throws {
        let (sasl, postfix) = try Self.servers()
        defer { postfix.stop(); sasl.stop() }
        let result = try await Self.send(postfix, user: "collections", password: "s3cret pass", mechanism: mechanism,
                                         id: "auth-\(mechanism.rawValue)@acme.example")
        guard case .success(.accepted(let reply)) = result else {
            Issue.record("expected acceptance with AUTH \(mechanism.rawValue), got \(result); \(postfix.log().suffix(600))")
            return
        }
        #expect(reply.queueID?.isEmpty == false)
        #expect(postfix.waitForSink(count: 1).count == 1)
        #expect(postfix.log().contains("sasl_method=\(mechanism.rawValue), sasl_username=collections"))
    }

    @Test func aWrongPasswordFailsTheSessionAndNoAuthRelaysNothing() async throws {
        let (sasl, postfix) = try Self.servers()
        defer { postfix.stop(); sasl.stop() }
        let wrong = try await Self.send(postfix, user: "collections", password: "nope", id: "auth-wrong@acme.example")
        guard case .failure(let error) = wrong else {
            Issue.record("a wrong password must fail, got \(wrong)")
            return
        }
        #expect(error.kind == .authenticationFailed && error.stage == .auth)
        let anonymous = try await Self.send(postfix, user: nil, password: nil, id: "auth-none@acme.example")
        guard case .success(.rejected(let stage, let reply)) = anonymous else {
            Issue.record("without AUTH the relay must refuse, got \(anonymous)")
            return
        }
        #expect(stage == .rcpt && reply.code == 554)
        #expect(postfix.sinkMessages().isEmpty)
    }
}
