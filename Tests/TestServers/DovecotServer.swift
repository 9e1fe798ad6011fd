import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private Dovecot 2.3 on loopback for tests (`../shared/notes/TEST-SERVERS.md`): its own temp dir (mode 0755),
/// generated config, a throwaway test CA, passwd-file users with maildirs owned by nobody:nogroup, free ports for
/// IMAP, IMAPS and LMTP. Starts in well under a second; ``stop()`` (also run by `deinit`) SIGKILLs the master and its
/// children by PID and removes the directory.
public final class DovecotServer: @unchecked Sendable {
    /// The temp dir holding config, certificates, logs and homes.
    public let directory: String
    /// Users and their passwords.
    public let users: [String: String]
    /// Plain IMAP port (STARTTLS offered).
    public let imapPort: UInt16
    /// IMAPS port (implicit TLS, RFC 8314).
    public let imapsPort: UInt16
    /// LMTP port (RFC 2033).
    public let lmtpPort: UInt16
    /// The test CA and the server certificate it signed.
    public let certificates: TestCertificates
    /// Path of the config file (for doveadm).
    public var configFile: String { directory + "/dovecot.conf" }
    /// PEM file of the test CA: what a client must trust to verify the server.
    public var caFile: String { certificates.caFile }

    /// Dovecot's `imap_capability` override, if any (e.g. a list without MOVE to force COPY + EXPUNGE).
    public let imapCapability: String?
    /// IMAP connections allowed per user and address (`mail_max_userip_connections`), when set.
    public let maxConnectionsPerUser: Int?
    /// The auth service's client socket for an MTA (Postfix `smtpd_sasl_type = dovecot`, `smtpd_sasl_path` = this
    /// path), when started with `authSocket: true`; nil otherwise.
    public let authSocketPath: String?

    private let lock = NSLock()
    private var master: Process?
    private var guardian: Process?
    private var deliveryCounter = 0

    /// Creates the directory, certificates and config, and starts Dovecot; returns once it greets on the IMAP port.
    /// `imapCapability` replaces the capability list announced after login (Dovecot's `imap_capability`);
    /// `certificateHost` is the name in the server certificate (only `localhost` also carries `IP:127.0.0.1`);
    /// `authSocket` adds a client listener of the auth service (``authSocketPath``, mode 0666) for SMTP AUTH;
    /// `maxConnectionsPerUser` sets `mail_max_userip_connections` for IMAP (Dovecot's default is 10).
    public init(users: [String: String] = ["alice": "secret", "bob": "hunter2"], imapCapability: String? = nil,
                certificateHost: String = "localhost", authSocket: Bool = false,
                maxConnectionsPerUser: Int? = nil) throws {
        self.imapCapability = imapCapability
        self.maxConnectionsPerUser = maxConnectionsPerUser
        let template = NSTemporaryDirectory() + "/ingestd-dovecot.XXXXXX"
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else { throw TestServerError("mkdtemp failed: errno \(errno)") }
        directory = String(cString: made)
        authSocketPath = authSocket ? directory + "/run/smtp-auth" : nil
        chmod(directory, 0o755)
        self.users = users
        let ports = try Loopback.freePorts(3)
        (imapPort, imapsPort, lmtpPort) = (ports[0], ports[1], ports[2])
        do {
            certificates = try TestCertificates(directory: directory, commonName: certificateHost)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        do {
            try writeConfig()
            try makeHomes()
            try start()
        } catch {
            stopProcesses()
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    deinit { stop() }

    /// Kills Dovecot (master and children, SIGKILL by PID) and removes the temp dir. Idempotent.
    public func stop() {
        stopProcesses()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Kills and starts Dovecot again on the same ports with the same mailboxes; open sessions are cut.
    public func restart() throws {
        stopProcesses()
        try start()
    }

    /// SIGKILLs the IMAP processes serving users (every open session is cut); the master keeps running.
    public func killUserSessions() {
        guard let pid = lock.withLock({ master?.processIdentifier }) else { return }
        for child in Self.descendants(of: pid) where Self.command(of: child) == "imap" {
            kill(child, SIGKILL)
        }
    }

    /// The master's PID while running.
    public var masterPID: Int32? { lock.withLock { master?.isRunning == true ? master?.processIdentifier : nil } }

    /// The last lines of Dovecot's log (for diagnosing a failed test).
    public func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: directory + "/dovecot.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    // MARK: - Lifecycle

    private func start() throws {
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
            process.arguments = ["-F", "-c", configFile]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: directory + "/stderr.log", contents: nil)
            let errorLog = FileHandle(forWritingAtPath: directory + "/stderr.log") ?? FileHandle.nullDevice
            process.standardError = errorLog
            try process.run()
            let guardian = try Self.orphanGuard(master: process.processIdentifier, directory: directory)
            lock.withLock {
                master = process
                self.guardian = guardian
            }
            if try waitForGreeting(process) { return }
            stopProcesses()
            usleep(200_000)
        }
        throw TestServerError("dovecot did not start: \(logTail())")
    }

    private func waitForGreeting(_ process: Process) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            guard process.isRunning else { return false }
            if let fd = Loopback.connect(port: imapPort) {
                defer { close(fd) }
                Loopback.setReceiveTimeout(fd, seconds: 2)
                if let line = LineReader(fd: fd).readLine(), line.hasPrefix("* OK") { return true }
            }
            usleep(10_000)
        }
        throw TestServerError("dovecot gave no greeting within 10 s: \(logTail())")
    }

    /// A shell that SIGKILLs the master and removes the directory if this test process dies without stopping the
    /// server (a crash, a timeout kill), so no Dovecot outlives its tests.
    private static func orphanGuard(master: Int32, directory: String) throws -> Process {
        let guardian = Process()
        guardian.executableURL = URL(fileURLWithPath: "/bin/sh")
        guardian.arguments = ["-c", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; "
                              + "kill -9 \(master) 2>/dev/null; sleep 1; rm -rf '\(directory)'"]
        guardian.standardInput = FileHandle.nullDevice
        guardian.standardOutput = FileHandle.nullDevice
        guardian.standardError = FileHandle.nullDevice
        try guardian.run()
        return guardian
    }

    private func stopProcesses() {
        if let guardian = lock.withLock({ () -> Process? in
            defer { self.guardian = nil }
            return self.guardian
        }) {
            kill(guardian.processIdentifier, SIGKILL)  // Foundation reaps it; waiting costs up to a second
        }
        guard let process = lock.withLock({ () -> Process? in
            defer { master = nil }
            return master
        }) else { return }
        let pid = process.processIdentifier
        for child in Self.descendants(of: pid) { kill(child, SIGKILL) }
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    /// PIDs whose parent chain leads to `pid`, read from /proc.
    static func descendants(of pid: Int32) -> [Int32] {
        var parents: [Int32: Int32] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let child = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[child] = parent }
        }
        var result: [Int32] = []
        var frontier = [pid]
        while let next = frontier.popLast() {
            let children = parents.filter { $0.value == next }.map(\.key)
            result += children
            frontier += children
        }
        return result
    }

    static func command(of pid: Int32) -> String {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Files

    func home(of user: String) -> String { directory + "/home/" + user }

    /// The Maildir folder of `mailbox` ("INBOX" is the Maildir root; others are Maildir++ `.Name`).
    public func maildir(user: String, mailbox: String = "INBOX") -> String {
        let root = home(of: user) + "/Maildir"
        return mailbox.uppercased() == "INBOX" ? root : root + "/." + mailbox
    }

    private func makeHomes() throws {
        var lines: [String] = []
        for (user, password) in users.sorted(by: { $0.key < $1.key }) {
            lines.append("\(user):{PLAIN}\(password)::::::")
            try makeMaildir(maildir(user: user))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: directory + "/users"))
        for sub in ["run", "state"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
    }

    func makeMaildir(_ path: String) throws {
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + sub, withIntermediateDirectories: true)
        }
        try chownTree(directory + "/home")
    }

    func chownTree(_ path: String) throws {
        try ProcessRunner.run("/bin/chown", ["-R", "nobody:nogroup", path])
    }

    private func writeConfig() throws {
        let d = directory
        let config = """
            base_dir = \(d)/run
            state_dir = \(d)/state
            log_path = \(d)/dovecot.log
            protocols = imap lmtp
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <\(certificates.certificateFile)
            ssl_key = <\(certificates.keyFile)
            disable_plaintext_auth = no
            auth_mechanisms = plain login xoauth2
            auth_failure_delay = 0
            mail_location = maildir:~/Maildir
            mail_fsync = never
            \(imapCapability.map { "imap_capability = \($0)" } ?? "")
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%n \(d)/users
            }
            userdb {
              driver = passwd-file
              args = username_format=%n \(d)/users
              default_fields = uid=nobody gid=nogroup home=\(d)/home/%n
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = \(imapPort)
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = \(imapsPort)
                ssl = yes
              }
            }
            service lmtp {
              inet_listener lmtp {
                address = 127.0.0.1
                port = \(lmtpPort)
              }
            }
            \(authSocketPath == nil ? "" : Self.authListener)
            \(maxConnectionsPerUser.map { "protocol imap {\n  mail_max_userip_connections = \($0)\n}" } ?? "")
            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: configFile))
    }

    /// The auth service's extra client listener (relative to `base_dir`): Postfix's smtpd connects to it after
    /// dropping privileges, hence mode 0666 (the temp dir is the only gate, as for every other socket here).
    static let authListener = """
        service auth {
          unix_listener smtp-auth {
            mode = 0666
          }
        }
        """

    func nextDeliveryNumber() -> Int {
        lock.withLock {
            deliveryCounter += 1
            return deliveryCounter
        }
    }
}
