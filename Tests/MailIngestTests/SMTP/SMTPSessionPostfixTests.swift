import Foundation
import TestServers
import Testing
@testable import MailIngest

/// The libetpan SMTP session against a real, private Postfix (TEST-SERVERS.md): one connection for several
/// messages, queue ids, refusals at RCPT (550, 450) with the server's words, DSN parameters, STARTTLS and SMTPS with
/// the certificate handed to the verifier, timeouts.
@Suite(.serialized) struct SMTPSessionPostfixTests {
    static let options = PostfixServer.Options(
        rejections: ["reject@customer.example": "550 5.1.1 User unknown",
                     "defer@customer.example": "450 4.2.1 Mailbox busy"],
        bouncing: ["bounce@customer.example"], tls: true)

    static func message(_ id: String, to: String = "anne@customer.example") throws -> Data {
        try MIMEBuilder().build(OutgoingMessage(
            from: MailAddress(name: "Acme", address: "collections@acme.example"), to: [MailAddress(address: to)],
            replyTo: [MailAddress(address: "replies+c1.a1@acme.example")], subject: "Relance n° \(id)",
            date: Date(), messageID: id, text: "Bonjour,\n.\nligne avec un point seul au-dessus", html: "<p>Bonjour</p>"))
    }

    static func envelope(_ to: String = "anne@customer.example", id: String? = nil) -> SMTPEnvelope {
        SMTPEnvelope(from: "collections@acme.example", recipients: [to], envelopeID: id)
    }

    static func server() throws -> PostfixServer {
        do { return try PostfixServer(options) } catch {
            Issue.record("Postfix could not start: \(error)")
            throw error
        }
    }

    @Test func severalMessagesGoThroughOneConnectionWithTheirQueueIDs() async throws {
        let postfix = try Self.server()
        defer { postfix.stop() }
        let sender = SMTPSender(configuration: SMTPServerConfiguration(host: "127.0.0.1", port: postfix.port,
                                                                       security: .none, timeout: 5),
                                verifier: nil)
        var queueIDs: [String] = []
        for index in 1...5 {
            let result = await sender.send(try Self.message("action-\(index).t@acme.example"),
                                           envelope: Self.envelope(id: "action-\(index)"))
            guard case .success(.accepted(let reply)) = result else {
                Issue.record("not accepted: \(result)")
                return
            }
            #expect(reply.code == 250)
            queueIDs.append(try #require(reply.queueID))
        }
        await sender.close()
        #expect(sender.connectionsOpened == 1)
        let delivered = await postfix.waitForSink(count: 5)
        #expect(Set(delivered.map(\.queueID)) == Set(queueIDs))
        let ids = delivered.compactMap { MessageParser().parse($0.data).messageID }
        #expect(Set(ids) == Set((1...5).map { "action-\($0).t@acme.example" }))
        // Dot-stuffing: the lone "." line arrives intact (quoted-printable encodes it, the text decodes back).
        let parsed = MessageParser().parse(try #require(delivered.first?.data))
        #expect(parsed.root.leaves.first?.decodedText()?.text.contains("\n.\n") == true
                || parsed.root.leaves.first?.decodedText()?.text.contains("\r\n.\r\n") == true)
    }

    @Test func refusalsAtRCPTCarryTheServersWordsAndLeaveTheSessionUsable() async throws {
        let postfix = try Self.server()
        defer { postfix.stop() }
        let sender = SMTPSender(configuration: SMTPServerConfiguration(host: "127.0.0.1", port: postfix.port,
                                                                       security: .none, timeout: 5),
                                verifier: nil)
        let rejected = await sender.send(try Self.message("a-1@acme.example"), envelope: Self.envelope("reject@customer.example"))
        guard case .success(.rejected(.rcpt, let reply)) = rejected else {
            Issue.record("expected a rejection, got \(rejected)")
            return
        }
        #expect(reply.code == 550 && reply.text.contains("5.1.1") && reply.text.contains("User unknown"))
        let deferred = await sender.send(try Self.message("a-2@acme.example"), envelope: Self.envelope("defer@customer.example"))
        guard case .success(.deferred(.rcpt, let later)) = deferred else {
            Issue.record("expected a deferral, got \(deferred)")
            return
        }
        #expect(later.code == 450 && later.text.contains("Mailbox busy"))
        let accepted = await sender.send(try Self.message("a-3@acme.example"), envelope: Self.envelope())
        guard case .success(.accepted) = accepted else {
            Issue.record("expected acceptance after RSET, got \(accepted)")
            return
        }
        await sender.close()
        #expect(sender.connectionsOpened == 1)
        #expect(await postfix.waitForSink(count: 1).count == 1)
    }

    /// RFC 2920: with PIPELINING (Postfix announces it) MAIL, RCPT and DATA go out in one write, so the same
    /// messages take fewer client writes than with it turned off; outcomes are the same either way.
    @Test func pipeliningSendsTheEnvelopeInOneWriteWithTheSameOutcomes() async throws {
        let postfix = try Self.server()
        defer { postfix.stop() }
        var reads: [Bool: Int] = [:]
        for pipelining in [true, false] {
            let proxy = try TCPProxy(targetPort: UInt16(postfix.port))
            defer { proxy.stop() }
            var configuration = SMTPServerConfiguration(host: "127.0.0.1", port: Int(proxy.port), security: .none,
                                                        timeout: 5)
            configuration.pipelining = pipelining
            let sender = SMTPSender(configuration: configuration, verifier: nil)
            var outcomes: [String] = []
            for (index, to) in ["anne@customer.example", "reject@customer.example", "defer@customer.example",
                                "anne@customer.example"].enumerated() {
                let result = await sender.send(try Self.message("p-\(pipelining)-\(index)@acme.example", to: to),
                                               envelope: Self.envelope(to, id: "p-\(index)"))
                switch result {
                case .success(.accepted(let reply)): outcomes.append("accepted \(reply.code)")
                case .success(.rejected(let stage, let reply)): outcomes.append("rejected \(stage) \(reply.code)")
                case .success(.deferred(let stage, let reply)): outcomes.append("deferred \(stage) \(reply.code)")
                case .failure(let error): outcomes.append("failed \(error)")
                }
            }
            await sender.close()
            #expect(outcomes == ["accepted 250", "rejected rcpt 550", "deferred rcpt 450", "accepted 250"],
                    "pipelining \(pipelining)")
            #expect(sender.connectionsOpened == 1)
            reads[pipelining] = proxy.clientReadCount
        }
        let saved = (reads[false] ?? 0) - (reads[true] ?? 0)
        #expect(saved >= 4, "client reads with pipelining \(reads[true] ?? 0), without \(reads[false] ?? 0)")
        #expect(await postfix.waitForSink(count: 4).count == 4)
        #expect(!postfix.log().contains("improper command pipelining"))
    }

    @Test func anAcceptedThenBouncedRecipientGivesADSNNamingTheEnvelopeID() async throws {
        let postfix = try Self.server()
        defer { postfix.stop() }
        let sender = SMTPSender(configuration: SMTPServerConfiguration(host: "127.0.0.1", port: postfix.port,
                                                                       security: .none, timeout: 5),
                                verifier: nil)
        let result = await sender.send(try Self.message("action-9.b@acme.example", to: "bounce@customer.example"),
                                       envelope: Self.envelope("bounce@customer.example", id: "action-9"))
        guard case .success(.accepted) = result else {
            Issue.record("expected acceptance, got \(result)")
            return
        }
        await sender.close()
        let dsn = try #require(await postfix.waitForSink(count: 1).first)
        let text = String(decoding: dsn.data, as: UTF8.self)
        #expect(text.contains("multipart/report") && text.contains("Original-Envelope-Id: action-9"))
        #expect(text.contains("Final-Recipient: rfc822; bounce@customer.example"))
        #expect(text.contains("action-9.b@acme.example"), "RET=HDRS returns the original headers")
    }

    struct RecordingVerifier: TLSPeerVerifying {
        let accept: Bool
        let seen = Seen()
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var certificates: [[UInt8]] = []
            var hosts: [String] = []
        }
        func verify(chain: [Data], host: String) throws {
            seen.lock.withLock {
                seen.certificates.append(Array(chain.first ?? Data()))
                seen.hosts.append(host)
            }
            if !accept { throw CancellationError() }
        }
    }

    @Test(arguments: [SMTPServerConfiguration.Security.startTLS, .tls])
    func tlsHandsTheCertificateToTheVerifier(security: SMTPServerConfiguration.Security) async throws {
        let postfix = try Self.server()
        defer { postfix.stop() }
        let port = security == .tls ? postfix.tlsPort : postfix.port
        let configuration = SMTPServerConfiguration(host: "localhost", port: port, security: security, timeout: 5)
        let accepting = RecordingVerifier(accept: true)
        let sender = SMTPSender(configuration: configuration, verifier: accepting)
        let result = await sender.send(try Self.message("tls-1@acme.example"), envelope: Self.envelope())
        guard case .success(.accepted) = result else {
            Issue.record("expected acceptance over \(security), got \(result)")
            return
        }
        await sender.close()
        let der = try #require(accepting.seen.certificates.first)
        #expect(der.first == 0x30 && der.count > 200, "a DER certificate")
        #expect(accepting.seen.hosts == ["localhost"])

        let refusing = SMTPSender(configuration: configuration, verifier: RecordingVerifier(accept: false))
        let refused = await refusing.send(try Self.message("tls-2@acme.example"), envelope: Self.envelope())
        guard case .failure(let error) = refused else {
            Issue.record("a refused certificate must stop the send, got \(refused)")
            return
        }
        #expect(error.kind == .certificateRejected && error.stage == .verify)
        #expect(await postfix.waitForSink(count: 1, timeout: 2).count == 1)
    }

    @Test func theGnuTLSVerifierAcceptsTheServersCAAndRefusesAnUnknownOne() async throws {
        let postfix = try Self.server()
        defer { postfix.stop() }
        let certificate = postfix.directory.appendingPathComponent("cert.pem").path
        let configuration = SMTPServerConfiguration(host: "localhost", port: postfix.port, security: .startTLS, timeout: 5)
        let trusted = SMTPSender(configuration: configuration,
                                 verifier: CertificateVerifier(trust: .caFile(certificate)))
        guard case .success(.accepted) = await trusted.send(try Self.message("ca-1@acme.example"),
                                                           envelope: Self.envelope()) else {
            Issue.record("the server's own certificate as CA must be accepted")
            return
        }
        await trusted.close()
        let system = SMTPSender(configuration: configuration, verifier: CertificateVerifier(trust: .system))
        guard case .failure(let error) = await system.send(try Self.message("ca-2@acme.example"),
                                                          envelope: Self.envelope()) else {
            Issue.record("a self-signed certificate must be refused under the system CAs")
            return
        }
        #expect(error.kind == .certificateRejected)
    }

    @Test func aServerThatNeverGreetsTimesOutAndARefusedPortFails() async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) + getsockname(fd, $0, &length) }
        }
        listen(fd, 4) // accepts connections into the backlog, never answers
        let port = Int(UInt16(bigEndian: address.sin_port))
        let silent = SMTPSender(configuration: SMTPServerConfiguration(host: "127.0.0.1", port: port, security: .none,
                                                                       timeout: 1), verifier: nil)
        let start = Date()
        let result = await silent.send(Data("x".utf8), envelope: Self.envelope())
        let elapsed = Date().timeIntervalSince(start)
        guard case .failure(let error) = result else {
            Issue.record("a silent server must fail, got \(result)")
            return
        }
        #expect(error.stage == .connect)
        #expect(elapsed < 5, "timed out after \(elapsed) s")

        let closedPort = try PostfixServer.freePort()
        let refused = SMTPSender(configuration: SMTPServerConfiguration(host: "127.0.0.1", port: closedPort,
                                                                        security: .none, timeout: 1), verifier: nil)
        guard case .failure(let refusal) = await refused.send(Data("x".utf8), envelope: Self.envelope()) else {
            Issue.record("a closed port must fail")
            return
        }
        #expect(refusal.kind == .connectionFailed && refusal.stage == .connect)
    }
}
