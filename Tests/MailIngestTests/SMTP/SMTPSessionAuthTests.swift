import Foundation
import TestServers
import Testing
@testable import MailIngest

/// SMTP AUTH (RFC 4954) against a private Postfix whose SASL is a private Dovecot's real auth service
/// (`smtpd_sasl_type = dovecot` on the auth service's unix listener): PLAIN and LOGIN, after STARTTLS and on the
/// SMTPS port, each with the server's certificate verified by GnuTLS; a wrong password fails the session as
/// `authentication_failed` with the server's 535; without AUTH the server relays nothing (554 at RCPT); on a plain
/// connection the server offers no AUTH (`smtpd_tls_auth_only`) and the password is never sent.
@Suite(.serialized) struct SMTPSessionAuthTests {
    static let user = "collections", password = "s3cret pass"

    /// A Dovecot (auth socket) and a Postfix using it; both stopped by the caller.
    static func servers() throws -> (DovecotServer, PostfixServer) {
        let dovecot: DovecotServer
        do { dovecot = try DovecotServer(users: [user: password], authSocket: true) } catch {
            Issue.record("Dovecot could not start: \(error)")
            throw error
        }
        do {
            return (dovecot, try PostfixServer(.init(tls: true, saslPath: dovecot.authSocketPath)))
        } catch {
            dovecot.stop()
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
    }

    static func send(_ postfix: PostfixServer, security: SMTPServerConfiguration.Security = .startTLS,
                     user: String?, password: String?, mechanism: SMTPServerConfiguration.AuthMechanism = .plain,
                     id: String) async throws -> Result<SMTPOutcome, SMTPError> {
        let port = security == .tls ? postfix.tlsPort : postfix.port
        let configuration = SMTPServerConfiguration(host: "localhost", port: port, security: security,
                                                    username: user, password: password, authMechanism: mechanism,
                                                    timeout: 20)
        let certificate = postfix.directory.appendingPathComponent("cert.pem").path
        let sender = SMTPSender(configuration: configuration, verifier: CertificateVerifier(trust: .caFile(certificate)))
        let result = await sender.send(try SMTPSessionPostfixTests.message(id),
                                       envelope: SMTPSessionPostfixTests.envelope())
        await sender.close()
        return result
    }

    static let cases: [(SMTPServerConfiguration.AuthMechanism, SMTPServerConfiguration.Security)] =
        [(.plain, .startTLS), (.login, .startTLS), (.plain, .tls), (.login, .tls)]

    @Test(arguments: cases)
    func authenticatedSendsAreRelayed(mechanism: SMTPServerConfiguration.AuthMechanism,
                                      security: SMTPServerConfiguration.Security) async throws {
        let (dovecot, postfix) = try Self.servers()
        defer { postfix.stop(); dovecot.stop() }
        let id = "auth-\(mechanism.rawValue)-\(security.rawValue)@acme.example"
        let result = try await Self.send(postfix, security: security, user: Self.user, password: Self.password,
                                         mechanism: mechanism, id: id)
        guard case .success(.accepted(let reply)) = result else {
            let logs = "postfix: \(postfix.log().suffix(600)); dovecot: \(dovecot.logTail(lines: 5))"
            Issue.record("expected acceptance with AUTH \(mechanism.rawValue) over \(security), got \(result); \(logs)")
            return
        }
        #expect(reply.queueID?.isEmpty == false)
        let delivered = await postfix.waitForSink(count: 1)
        #expect(delivered.count == 1 && delivered.first?.queueID == reply.queueID)
        #expect(MessageParser().parse(try #require(delivered.first?.data)).messageID == id)
        let used = "sasl_method=\(mechanism.rawValue), sasl_username=\(Self.user)"
        #expect(await postfix.waitForLog { $0.contains(used) }.contains(used))
    }

    @Test(arguments: cases)
    func aWrongPasswordFailsTheSessionWithTheServersWords(mechanism: SMTPServerConfiguration.AuthMechanism,
                                                          security: SMTPServerConfiguration.Security) async throws {
        let (dovecot, postfix) = try Self.servers()
        defer { postfix.stop(); dovecot.stop() }
        let wrong = try await Self.send(postfix, security: security, user: Self.user, password: "nope",
                                        mechanism: mechanism, id: "auth-wrong@acme.example")
        guard case .failure(let error) = wrong else {
            Issue.record("a wrong password must fail, got \(wrong)")
            return
        }
        #expect(error.kind == .authenticationFailed && error.stage == .auth)
        #expect(error.reply?.code == 535 && error.reply?.text.contains("5.7.8") == true, "\(error)")
        #expect(error.description.hasPrefix("smtp authentication_failed at auth"), "\(error)")
        #expect(!error.description.contains("nope") && !(error.reply?.text.contains("nope") ?? false))
        let failed = "SASL \(mechanism.rawValue) authentication failed"
        #expect(await postfix.waitForLog { $0.contains(failed) }.contains(failed))
        #expect(postfix.sinkMessages().isEmpty)
    }

    @Test func withoutAUTHNothingIsRelayedAndAPlainConnectionNeverSendsThePassword() async throws {
        let (dovecot, postfix) = try Self.servers()
        defer { postfix.stop(); dovecot.stop() }
        let anonymous = try await Self.send(postfix, user: nil, password: nil, id: "auth-none@acme.example")
        guard case .success(.rejected(let stage, let reply)) = anonymous else {
            Issue.record("without AUTH the relay must refuse, got \(anonymous)")
            return
        }
        #expect(stage == .rcpt && reply.code == 554)
        // Plain TCP: Postfix offers AUTH only under TLS, so the session stops before AUTH without sending anything.
        let plain = try await Self.send(postfix, security: .none, user: Self.user, password: Self.password,
                                        id: "auth-plain@acme.example")
        guard case .failure(let error) = plain else {
            Issue.record("AUTH over a plain connection must fail, got \(plain)")
            return
        }
        #expect(error.kind == .authenticationFailed && error.stage == .auth && error.reply == nil)
        // smtpd logs each session's commands when it ends (`disconnect from ... ehlo=2 starttls=1 ...`).
        let log = await postfix.waitForLog { $0.components(separatedBy: "disconnect from").count == 3 }
        let sessions = log.split(separator: "\n").filter { $0.contains("disconnect from") }
        #expect(sessions.count == 2 && sessions.allSatisfy { !$0.contains("auth=") }, "\(sessions)")
        #expect(postfix.sinkMessages().isEmpty)
    }
}
