public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Dovecot 2.3 running only its auth service on a loopback port, for Postfix's `smtpd_sasl_type = dovecot`
/// (SMTP AUTH, RFC 4954, with PLAIN and LOGIN): its own config and passwd-file in a temporary folder, no mail
/// protocols. Stopped by PID (SIGKILL of the master and its children) in `stop()` and `deinit`.
public final class SASLAuthServer: @unchecked Sendable {
    /// The instance's folder.
    public let directory: URL
    /// The auth service's port on 127.0.0.1 (Postfix: `smtpd_sasl_path = inet:127.0.0.1:PORT`).
    public let port: Int
    private var master: Process?

    /// Starts Dovecot's auth service for `users` (name -> password); returns once the port accepts connections.
    public init(users: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sasl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o755)
        port = try PostfixServer.freePort()
        let d = directory.path
        let passwd = users.sorted { $0.key < $1.key }.map { "\($0.key):{PLAIN}\($0.value)::::::" }.joined(separator: "\n")
        try Data((passwd + "\n").utf8).write(to: directory.appendingPathComponent("users"))
        try Data("""
            base_dir = \(d)/run
            state_dir = \(d)/state
            log_path = \(d)/dovecot.log
            protocols =
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%n \(d)/users
            }
            userdb {
              driver = static
              args = uid=nobody gid=nogroup home=/nonexistent
            }
            service auth {
              inet_listener auth {
                address = 127.0.0.1
                port = \(port)
              }
            }

            """.utf8).write(to: directory.appendingPathComponent("dovecot.conf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
        process.arguments = ["-F", "-c", "\(d)/dovecot.conf"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        master = process
        let deadline = Date(timeIntervalSinceNow: 10)
        while Loopback.connect(port: UInt16(port)).map({ close($0) }) == nil {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw PostfixServer.StartError(description: "dovecot auth did not start")
            }
            usleep(10_000)
        }
    }

    deinit { stop() }

    /// Kills the master and its children by PID and removes the folder.
    public func stop() {
        guard let process = master else { return }
        master = nil
        let pid = process.processIdentifier
        for child in PostfixServer.children(of: pid) { kill(child, SIGKILL) }
        kill(pid, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}
