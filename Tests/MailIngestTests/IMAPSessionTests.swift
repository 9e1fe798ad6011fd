import Foundation
import Testing
import MailIngest
import TestServers

/// Connecting, TLS and authentication of ``IMAPSession`` against a private Dovecot.
@Suite struct IMAPSessionTests {
    /// Dovecot announces its capabilities in the LOGIN's OK: they are taken from there, with no CAPABILITY command.
    @Test func plainLoginReadsCapabilities() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let proxy = try TCPProxy(targetPort: server.imapPort)
        defer { proxy.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server, port: proxy.port))
        defer { session.logout() }
        // The greeting's list lacks these: they come from after the login.
        for capability in ["IMAP4REV1", "IDLE", "CONDSTORE", "MOVE", "UIDPLUS"] {
            #expect(session.capabilities.contains(capability), "\(capability) missing")
        }
        #expect(session.certificateProblem == nil)
        let commands = proxy.clientText.split(separator: "\r\n").map { $0.split(separator: " ").dropFirst().first ?? "" }
        #expect(commands == ["LOGIN"])
    }

    /// A server that announces nothing with its login's OK is asked with CAPABILITY; the greeting's list is not kept.
    @Test func capabilitiesAskedWhenLoginAnnouncesNone() throws {
        let listener = try Loopback.listeningSocket(port: 0)
        let port = try Loopback.localPort(of: listener)
        let script = Thread {
            let client = accept(listener, nil, nil)
            defer { close(client); close(listener) }
            Loopback.setReceiveTimeout(client, seconds: 5)
            _ = Loopback.sendAll(client, Data("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED-NOT] ready\r\n".utf8))
            var pending = Data(), buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(client, &buffer, buffer.count, 0)
                if count <= 0 { return }
                pending.append(contentsOf: buffer[0..<count])
                while let end = pending.firstRange(of: Data("\r\n".utf8)) {
                    let line = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                    pending.removeSubrange(..<end.upperBound)
                    let words = line.split(separator: " ")
                    let tag = words.first ?? "*"
                    let reply = switch words.dropFirst().first?.uppercased() {
                    case "LOGIN": "\(tag) OK logged in\r\n"
                    case "CAPABILITY": "* CAPABILITY IMAP4rev1 IDLE MOVE\r\n\(tag) OK done\r\n"
                    case "LOGOUT": "* BYE\r\n\(tag) OK bye\r\n"
                    default: "\(tag) BAD unexpected\r\n"
                    }
                    _ = Loopback.sendAll(client, Data(reply.utf8))
                }
            }
        }
        script.start()
        let settings = IMAPAccountSettings(host: "127.0.0.1", port: port, security: .plain,
                                           authentication: .login(user: "u", password: "p"), caFile: nil,
                                           allowInvalidCertificates: false, timeout: .seconds(5))
        let session = try IMAPSession.connect(settings)
        defer { session.logout() }
        #expect(session.capabilities == ["IMAP4REV1", "IDLE", "MOVE"])
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
