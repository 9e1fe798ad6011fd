import Foundation
import Testing
import MailIngest
import TestServers

/// Connecting, TLS and authentication of ``IMAPSession`` against a private Dovecot.
@Suite struct IMAPSessionTests {
    @Test func plainLoginReadsCapabilities() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        for capability in ["IMAP4REV1", "IDLE", "CONDSTORE", "MOVE", "UIDPLUS"] {
            #expect(session.capabilities.contains(capability), "\(capability) missing")
        }
        #expect(session.certificateProblem == nil)
    }

    /// STARTTLS and IMAPS verify the server against the test CA, by name and by IP (SAN IP:127.0.0.1).
    @Test(arguments: [IMAPAccountSettings.Security.startTLS, .tls], ["localhost", "127.0.0.1"])
    func tlsWithTestCAVerifies(security: IMAPAccountSettings.Security, host: String) throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server, security: security, host: host))
        defer { session.logout() }
        #expect(session.certificateProblem == nil)
        #expect(session.capabilities.contains("IDLE"))
        #expect(!session.capabilities.contains("STARTTLS"))
        #expect(try session.select("INBOX", readOnly: true).messageCount == 0)
    }

    /// With only the system CAs the test certificate is refused, before LOGIN is sent.
    @Test(arguments: [IMAPAccountSettings.Security.startTLS, .tls])
    func untrustedCertificateIsRefused(security: IMAPAccountSettings.Security) throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let settings = IMAPTestSupport.settings(server, security: security, trustTestCA: false)
        #expect {
            _ = try IMAPSession.connect(settings)
        } throws: { error in
            guard case IMAPError.tls(let reason) = error else { return false }
            return reason.contains("not trusted") || reason.contains("issuer")
        }
        let log = server.logTail(lines: 50)
        #expect(!log.contains("Login: user=<alice>"), "credentials were sent: \(log)")
    }

    /// A host name the certificate does not carry is refused even with the right CA.
    @Test func wrongHostNameIsRefused() throws {
        let server = try DovecotServer(certificateHost: "mail.example.test")
        defer { server.stop() }
        let settings = IMAPTestSupport.settings(server, security: .tls, host: "127.0.0.1")
        #expect {
            _ = try IMAPSession.connect(settings)
        } throws: { error in
            guard case IMAPError.tls(let reason) = error else { return false }
            return reason.contains("host name")
        }
    }

    /// `allowInvalidCertificates` lets the session go on and says why verification failed.
    @Test func allowInvalidCertificatesConnectsWithAProblemNoted() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(
            IMAPTestSupport.settings(server, security: .tls, trustTestCA: false, allowInvalid: true))
        defer { session.logout() }
        #expect(session.certificateProblem != nil)
        #expect(try session.select("INBOX", readOnly: false).uidValidity != 0)
    }

    /// A wrong password is an authentication error, over LOGIN and AUTHENTICATE PLAIN.
    @Test(arguments: [false, true])
    func wrongPasswordIsAuthenticationError(usePlainMechanism: Bool) throws {
        let server = try DovecotServer()
        defer { server.stop() }
        var settings = IMAPTestSupport.settings(server, password: "wrong")
        if usePlainMechanism { settings.authentication = .plain(user: "alice", password: "wrong") }
        #expect {
            _ = try IMAPSession.connect(settings)
        } throws: { error in
            guard case IMAPError.authentication = error else { return false }
            return true
        }
        #expect(!String(describing: settings).contains("wrong"), "the password shows in the description")
    }

    @Test func authenticatePlainLogsIn() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        var settings = IMAPTestSupport.settings(server, security: .startTLS)
        settings.authentication = .plain(user: "bob", password: "hunter2")
        let session = try IMAPSession.connect(settings)
        defer { session.logout() }
        #expect(try session.select("INBOX", readOnly: true).messageCount == 0)
    }

    /// XOAUTH2 (Dovecot checks the token as the user's password here): a good token logs in, a bad one is refused.
    @Test func xoauth2LogsInAndRefusesBadToken() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        var settings = IMAPTestSupport.settings(server, security: .tls)
        settings.authentication = .xoauth2(user: "alice", token: "secret")
        let session = try IMAPSession.connect(settings)
        #expect(try session.select("INBOX", readOnly: true).messageCount == 0)
        session.logout()
        settings.authentication = .xoauth2(user: "alice", token: "expired-token")
        #expect {
            _ = try IMAPSession.connect(settings)
        } throws: { error in
            guard case IMAPError.authentication = error else { return false }
            return true
        }
        #expect(!settings.description.contains("expired-token"))
    }

    @Test func refusedPortIsConnectionError() throws {
        let port = try Loopback.freePorts(1)[0]
        let settings = IMAPAccountSettings(host: "127.0.0.1", port: port, security: .plain,
                                           authentication: .login(user: "a", password: "b"), timeout: .seconds(2))
        #expect {
            _ = try IMAPSession.connect(settings)
        } throws: { error in
            guard case IMAPError.connection = error else { return false }
            return true
        }
    }
}
