import Foundation
import Testing
import TestServers
#if canImport(Glibc)
import Glibc
#endif

/// The Dovecot harness itself: starts fast, takes mail, changes UIDVALIDITY, restarts, stops by PID.
@Suite struct DovecotServerTests {
    /// Reads from a socket until `marker` appears or the socket closes; returns what was read.
    static func read(_ fd: Int32, until marker: String) -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains(marker) {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return text
    }

    /// Logs in over plain IMAP, SELECTs INBOX and returns the server's answer (test data only).
    static func selectInbox(port: UInt16, user: String = "alice", password: String = "secret") -> String {
        guard let fd = Loopback.connect(port: port) else { return "refused" }
        defer { close(fd) }
        Loopback.setReceiveTimeout(fd, seconds: 5)
        _ = read(fd, until: "\r\n")
        Loopback.sendAll(fd, Data("a LOGIN \(user) \(password)\r\n".utf8))
        _ = read(fd, until: "a OK")
        Loopback.sendAll(fd, Data("b SELECT INBOX\r\n".utf8))
        return read(fd, until: "b OK")
    }

    /// Start and stop each take well under 2 s (about 0.3 s and 0.1 s on an idle machine; the bound allows for CI
    /// machines busy with parallel tests).
    @Test func startsAndStopsQuickly() throws {
        let clock = ContinuousClock()
        var server: DovecotServer? = nil
        let startTime = try clock.measure { server = try DovecotServer() }
        let directory = try #require(server?.directory)
        let pid = try #require(server?.masterPID)
        #expect(startTime < .seconds(2), "start took \(startTime)")
        #expect(FileManager.default.fileExists(atPath: try #require(server?.caFile)))
        let stopTime = clock.measure { server?.stop() }
        print("Dovecot harness: start \(startTime), stop \(stopTime)")
        #expect(stopTime < .seconds(2), "stop took \(stopTime)")
        #expect(kill(pid, 0) != 0, "master still alive")
        #expect(!FileManager.default.fileExists(atPath: directory))
        #expect(Loopback.connect(port: server!.imapPort) == nil)
    }

    @Test func lmtpDeliveryAndMaildirDropShowInSelect() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        try server.deliver(Data("Subject: one\r\n\r\nHello\r\n.dot line\r\n".utf8), to: "alice")
        try server.dropIntoMaildir((0..<50).map { Data("Subject: n\($0)\r\n\r\nbody\r\n".utf8) }, user: "alice")
        let answer = Self.selectInbox(port: server.imapPort)
        #expect(answer.contains("* 51 EXISTS"), "\(answer)")
        #expect(throws: TestServerError.self) { try server.deliver(Data("x\r\n".utf8), to: "nobody-here") }
    }

    @Test func changesUIDValidityAndRestarts() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let before = try server.uidValidity(user: "alice")
        let after = try server.changeUIDValidity(user: "alice")
        #expect(after != before)
        #expect(try server.uidValidity(user: "alice") == after)
        let oldPID = try #require(server.masterPID)
        try server.restart()
        #expect(server.masterPID != oldPID)
        #expect(Self.selectInbox(port: server.imapPort).contains("[UIDVALIDITY \(after)]"))
    }

    @Test func killUserSessionsCutsOpenSessions() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let fd = try #require(Loopback.connect(port: server.imapPort))
        defer { close(fd) }
        Loopback.setReceiveTimeout(fd, seconds: 5)
        _ = Self.read(fd, until: "\r\n")
        Loopback.sendAll(fd, Data("a LOGIN alice secret\r\n".utf8))
        #expect(Self.read(fd, until: "a OK").contains("a OK"))
        server.killUserSessions()
        Loopback.sendAll(fd, Data("b NOOP\r\n".utf8))
        #expect(!Self.read(fd, until: "b OK").contains("b OK"))
    }

    @Test func proxyForwardsAndCutsAfterBytes() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let proxy = try TCPProxy(targetPort: server.imapPort)
        defer { proxy.stop() }
        #expect(Self.selectInbox(port: proxy.port).contains("b OK"))
        proxy.cutAfter(serverBytes: 10)
        let fd = try #require(Loopback.connect(port: proxy.port))
        defer { close(fd) }
        Loopback.setReceiveTimeout(fd, seconds: 5)
        let greeting = Self.read(fd, until: "never")
        #expect(greeting.utf8.count == 10)
    }
}
