import Foundation
import Testing
import MailIngest
import TestServers

/// IDLE, cuts, hangs, BYE and restarts: ``IMAPSession`` fails fast with the right ``IMAPError``.
@Suite struct IMAPSessionFaultTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// An LMTP delivery wakes IDLE in under 2 s (measured from the end of the delivery), in clear and over TLS.
    @Test(arguments: [IMAPAccountSettings.Security.plain, .tls])
    func idleWakesAfterDelivery(security: IMAPAccountSettings.Security) throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server, security: security))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        let delivered = Delivered()
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            try? server.deliver(IMAPTestSupport.message(1), to: "alice")
            delivered.mark()
        }
        thread.start()
        let woke = try session.idle(timeout: .seconds(10))
        let latency = ContinuousClock.now - (delivered.instant ?? .now)
        #expect(woke)
        #expect(delivered.instant != nil)
        print("IDLE wake latency after LMTP delivery (\(security)): \(String(format: "%.3f", Self.seconds(latency))) s")
        #expect(latency < .seconds(2))
        #expect(try session.searchUIDs(from: 1) == [1])
    }

    /// A message the server announced in an earlier command's response (EXISTS after SEARCH) is not announced again
    /// in IDLE: IDLE returns at once instead of waiting for its timeout.
    @Test func existsSeenBeforeIdleWakesAtOnce() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        let status = try session.select("INBOX", readOnly: false)
        #expect(status.messageCount == 0)
        try server.deliver(IMAPTestSupport.message(1), to: "alice")
        _ = try session.searchUIDs(from: 1)  // Dovecot syncs after the command and sends "* 1 EXISTS" with it
        let clock = ContinuousClock()
        var woke = false
        let elapsed = try clock.measure { woke = try session.idle(timeout: .seconds(3)) }
        #expect(woke)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        _ = try session.select("INBOX", readOnly: false)
        let quiet = try clock.measure { woke = try session.idle(timeout: .milliseconds(600)) }
        #expect(!woke && quiet >= .milliseconds(550), "a fresh SELECT resets what IDLE compares with")
    }

    @Test func idleTimesOutQuietly() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        let clock = ContinuousClock()
        var woke = true
        let elapsed = try clock.measure { woke = try session.idle(timeout: .milliseconds(600)) }
        #expect(!woke)
        #expect(elapsed >= .milliseconds(550) && elapsed < .seconds(2))
        #expect(try session.searchUIDs(from: 1).isEmpty)  // the session is still usable after DONE
    }

    /// The connection is cut in the middle of a large FETCH: `.connection` quickly, then fast failures.
    @Test func cutMidFetchIsConnectionError() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        try server.dropIntoMaildir((1...200).map { IMAPTestSupport.message($0, size: 4096) }, user: "alice")
        let proxy = try TCPProxy(targetPort: server.imapPort)
        defer { proxy.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server, port: proxy.port, timeout: .seconds(10)))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        proxy.cutAfter(serverBytes: proxy.totalServerBytes + 300_000)
        let clock = ContinuousClock()
        var caught: (any Error)?
        let elapsed = clock.measure {
            do { _ = try session.fetch(uids: Array(1...200)) } catch { caught = error }
        }
        guard case IMAPError.connection = try #require(caught) else {
            Issue.record("expected .connection, got \(String(describing: caught))")
            return
        }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        #expect(throws: IMAPError.connection("UID SEARCH: the session is closed")) { try session.searchUIDs(from: 1) }
    }

    /// A hung server (proxy paused) gives `.timeout` after the configured timeout, not a hang.
    @Test func hungServerTimesOut() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let proxy = try TCPProxy(targetPort: server.imapPort)
        defer { proxy.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server, port: proxy.port, timeout: .seconds(1)))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        proxy.pause()
        let clock = ContinuousClock()
        var caught: (any Error)?
        let elapsed = clock.measure {
            do { _ = try session.searchUIDs(from: 1) } catch { caught = error }
        }
        #expect(caught as? IMAPError == .timeout(step: "UID SEARCH"))
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(4), "took \(elapsed)")
    }

    /// A server that never greets: connecting times out.
    @Test func silentGreetingTimesOut() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let proxy = try TCPProxy(targetPort: server.imapPort)
        defer { proxy.stop() }
        proxy.pause()
        #expect(throws: IMAPError.timeout(step: "connect")) {
            _ = try IMAPSession.connect(IMAPTestSupport.settings(server, port: proxy.port, timeout: .seconds(1)))
        }
    }

    /// A server that stops answering during the TLS handshake (IMAPS): `.timeout`, not a TLS error or a hang.
    @Test func hungTLSHandshakeTimesOut() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let proxy = try TCPProxy(targetPort: server.imapsPort)
        defer { proxy.stop() }
        proxy.pause()
        let clock = ContinuousClock()
        var caught: (any Error)?
        let elapsed = clock.measure {
            do {
                _ = try IMAPSession.connect(IMAPTestSupport.settings(server, security: .tls, port: proxy.port,
                                                                     timeout: .seconds(1)))
            } catch { caught = error }
        }
        guard case IMAPError.timeout? = caught as? IMAPError else {
            Issue.record("expected .timeout, got \(String(describing: caught))")
            return
        }
        #expect(elapsed < .seconds(4), "took \(elapsed)")
    }

    /// UIDVALIDITY changes under a selected session: Dovecot says BYE, the session reports `.bye`.
    @Test func uidValidityChangeEndsSessionWithBye() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        try server.dropIntoMaildir([IMAPTestSupport.message(1)], user: "alice")
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        let before = try session.select("INBOX", readOnly: false)
        let changed = try server.changeUIDValidity(user: "alice")
        #expect(changed != before.uidValidity)
        var caught: IMAPError?
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            do { _ = try session.idle(timeout: .seconds(5)) } catch { caught = error as? IMAPError }
        }
        print("UIDVALIDITY change during IDLE: \(String(describing: caught)) after \(elapsed)")
        guard case .bye? = caught else {
            Issue.record("expected .bye, got \(String(describing: caught))")
            return
        }
        #expect(elapsed < .seconds(2))
        let again = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { again.logout() }
        #expect(try again.select("INBOX", readOnly: false).uidValidity == changed)
    }

    /// A server restart cuts the session (`.connection` or `.bye`); a new session works at once.
    @Test func serverRestartCutsSession() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let session = try IMAPSession.connect(IMAPTestSupport.settings(server))
        defer { session.logout() }
        _ = try session.select("INBOX", readOnly: false)
        try server.restart()
        let clock = ContinuousClock()
        var caught: IMAPError?
        let elapsed = clock.measure {
            do { _ = try session.searchUIDs(from: 1) } catch { caught = error as? IMAPError }
        }
        switch caught {
        case .connection?, .bye?: break
        default: Issue.record("expected .connection or .bye, got \(String(describing: caught))")
        }
        #expect(elapsed < .seconds(2))
        let again = try IMAPSession.connect(IMAPTestSupport.settings(server))
        again.logout()
    }
}

/// When the background delivery finished.
private final class Delivered: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ContinuousClock.Instant?

    func mark() { lock.withLock { value = .now } }
    var instant: ContinuousClock.Instant? { lock.withLock { value } }
}
