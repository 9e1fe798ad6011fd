public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private Postfix 3.7 instance for tests (TEST-SERVERS.md): its own `main.cf`/`master.cf`, queue and log in a
/// temporary folder, an smtpd listener on a free loopback port (plus STARTTLS and an SMTPS port with a throw-away
/// certificate), every accepted message delivered by a pipe transport into `sink/` as one file named
/// `NANOS-QUEUEID.eml`. Recipients listed in `rejections` are refused at RCPT by `check_recipient_access` with the
/// given reply (`550 5.1.1 ...`, `450 4.2.1 ...`); recipients in `bouncing` are accepted and then fail in a transport
/// that exits 67 (EX_NOUSER), so Postfix sends a real DSN (RFC 3464) to the envelope sender, which lands in the sink
/// too unless `routes` sends the sender's domain elsewhere (e.g. `lmtp:inet:127.0.0.1:PORT` to a Dovecot).
/// Stopped by PID (SIGKILL of the master and its children) in `stop()` and `deinit`; never touches the system
/// Postfix.
public final class PostfixServer: @unchecked Sendable {
    /// What a test wants of the server.
    public struct Options: Sendable {
        /// Recipient -> reply, refused at RCPT.
        public var rejections: [String: String]
        /// Recipients accepted and then bounced (DSN to the sender).
        public var bouncing: [String]
        /// Domain or address -> transport (`transport_maps`).
        public var routes: [String: String]
        /// Domains the server relays for (besides its own).
        public var relayDomains: [String]
        /// Also listen with STARTTLS and on an SMTPS port.
        public var tls: Bool
        /// A Dovecot auth socket (``DovecotServer/authSocketPath``): SMTP AUTH (RFC 4954; PLAIN, LOGIN) under TLS
        /// only (after STARTTLS, or on the SMTPS port), and mail is relayed only for authenticated clients (no relay
        /// domains, no trusted networks). Needs `tls`.
        public var saslPath: String?

        /// Makes options.
        public init(rejections: [String: String] = [:], bouncing: [String] = [], routes: [String: String] = [:],
                    relayDomains: [String] = ["customer.example", "acme.example"], tls: Bool = false,
                    saslPath: String? = nil) {
            self.saslPath = saslPath
            self.rejections = rejections
            self.bouncing = bouncing
            self.routes = routes
            self.relayDomains = relayDomains
            self.tls = tls
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// Explanation.
        public var description: String
    }

    /// The instance's folder.
    public let directory: URL
    /// The SMTP port (STARTTLS offered when `tls`).
    public let port: Int
    /// The SMTPS port (TLS from the first byte), 0 without `tls`.
    public let tlsPort: Int
    /// Where delivered messages land.
    public var sinkDirectory: URL { directory.appendingPathComponent("sink") }
    /// The master's PID.
    public private(set) var masterPID: pid_t = 0

    static let master = "/usr/lib/postfix/sbin/master"

    /// True when Postfix is installed (`scripts/install --test`).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: master) }

    /// Writes the configuration and starts the master (`master -w` returns once it runs, about 0.1 s).
    public init(_ options: Options = Options()) throws {
        guard Self.isInstalled else {
            throw StartError(description: "postfix is not installed (run scripts/install --test)")
        }
        let fm = FileManager.default
        directory = fm.temporaryDirectory.appendingPathComponent("postfix-\(UUID().uuidString.prefix(8))")
        port = try Self.freePort()
        tlsPort = options.tls ? try Self.freePort() : 0
        let d = directory.path
        for name in ["queue", "data", "sink"] {
            try fm.createDirectory(atPath: "\(d)/\(name)", withIntermediateDirectories: true)
        }
        chmod(d, 0o755)
        for name in ["active", "bounce", "corrupt", "defer", "deferred", "flush", "hold", "incoming", "private",
                     "saved", "trace", "maildrop", "public", "pid"] {
            let path = "\(d)/queue/\(name)"
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
            switch name {
            case "pid": chmod(path, 0o755)
            case "maildrop": try Self.own(path, user: "postfix", group: "postdrop", mode: 0o730)
            case "public": try Self.own(path, user: "postfix", group: "postdrop", mode: 0o710)
            default: try Self.own(path, user: "postfix", group: nil, mode: 0o700)
            }
        }
        try Self.own("\(d)/data", user: "postfix", group: nil, mode: 0o700)
        try Self.own("\(d)/sink", user: "nobody", group: "nogroup", mode: 0o755)

        var files: [String: String] = [:]
        // Write to a temporary name, then rename, so a reader never sees half a message.
        files["sink.sh"] = """
            umask 022
            name="\(d)/sink/$(date +%s%N)-$1"
            cat > "$name.tmp" && mv "$name.tmp" "$name.eml"

            """
        files["fail.sh"] = "cat >/dev/null\nexit 67\n"
        files["recipient_access"] = options.rejections.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: "\n") + "\n"
        var transport = options.bouncing.map { "\($0) fail:" }
        transport += options.routes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        files["transport"] = transport.joined(separator: "\n") + "\n"
        files["main.cf"] = Self.mainCF(d, options: options)
        files["master.cf"] = Self.masterCF(d, port: port, tlsPort: tlsPort)
        if options.tls { try Self.makeCertificate(d) }
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        // Back-date the files: Postfix naps 300 ms after noticing freshly written configuration.
        let past = Date(timeIntervalSinceNow: -10)
        for name in files.keys {
            try fm.setAttributes([.modificationDate: past], ofItemAtPath: "\(d)/\(name)")
        }
        // Spawned with an empty signal mask: a child of a dispatch worker thread would otherwise inherit blocked
        // signals, and a master that never sees SIGCHLD never reaps its children (deliveries stall after 100).
        let status = try Self.spawnUnblocked(Self.master, ["-c", d, "-w"])
        guard status == 0 else {
            throw StartError(description: "postfix master exited \(status); log: \(d)/maillog")
        }
        let pidText = (try? String(contentsOfFile: "\(d)/queue/pid/master.pid", encoding: .utf8)) ?? ""
        masterPID = pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        guard masterPID > 0 else { throw StartError(description: "postfix master pid not found") }
    }

    deinit { stop() }

    /// Kills the master and its children (SIGKILL, by PID) and removes the folder.
    public func stop() {
        guard masterPID > 0 else { return }
        for child in Self.children(of: masterPID) { kill(child, SIGKILL) }
        kill(masterPID, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(masterPID, &status, WNOHANG)
        masterPID = 0
        try? FileManager.default.removeItem(at: directory)
    }

    /// The delivered messages, oldest first: queue id (from the file name) and bytes.
    public func sinkMessages() -> [(queueID: String, data: Data)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sinkDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: sinkDirectory.appendingPathComponent(name).path)
            else { return nil }
            let stem = name.dropLast(4)
            let queueID = stem.split(separator: "-", maxSplits: 1).last.map(String.init) ?? ""
            return (queueID, data)
        }
    }

    /// Waits until at least `count` messages were delivered to the sink (or `timeout` passed); returns them. Async
    /// so the wait never holds a thread of the cooperative pool (two on this machine): a test blocking one starved
    /// the async work of tests running beside it (the scheduler pass of `OutboundComponentTests` took 25 s).
    public func waitForSink(count: Int, timeout: TimeInterval = 10) async -> [(queueID: String, data: Data)] {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var messages = sinkMessages()
        while messages.count < count && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(50))
            messages = sinkMessages()
        }
        return messages
    }

    /// The instance's mail log.
    public func log() -> String {
        (try? String(contentsOfFile: directory.appendingPathComponent("maillog").path, encoding: .utf8)) ?? ""
    }

    /// Waits until the mail log satisfies `condition` (postlogd writes a moment after the reply the client saw), or
    /// `timeout` passed; returns the log as last read.
    public func waitForLog(timeout: TimeInterval = 10, _ condition: (String) -> Bool) async -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var text = log()
        while !condition(text) && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
            text = log()
        }
        return text
    }

    // MARK: Configuration

    /// `main.cf` with every parameter once. A repeated parameter is not harmless here: every Postfix process warns
    /// "overriding earlier entry" for it at start, postlogd included, and postlogd writes its own warnings into the
    /// log socket it alone drains (a datagram queue of `net.unix.max_dgram_qlen`, 10 on Debian). Under load the
    /// other processes' warnings fill that queue before postlogd reads it; postlogd then blocks forever in its own
    /// send, every process that logs blocks behind it, and smtpd never greets (maillog empty, no tlsmgr). That was
    /// the "flaky" SMTP AUTH suite: only its configuration overrode parameters.
    static func mainCF(_ d: String, options: Options) -> String {
        let sasl = options.saslPath
        var lines = [
            "compatibility_level = 3.6", "queue_directory = \(d)/queue", "data_directory = \(d)/data",
            "mail_owner = postfix", "setgid_group = postdrop", "inet_interfaces = 127.0.0.1", "inet_protocols = ipv4",
            "myhostname = mail.test.example", "mydomain = test.example", "myorigin = test.example",
            "transport_maps = texthash:\(d)/transport", "default_transport = sink", "relay_transport = sink",
            "maillog_file = \(d)/maillog", "maillog_file_prefixes = \(d)", "alias_maps =", "alias_database =",
            "smtputf8_enable = no", "biff = no", "smtpd_banner = $myhostname ESMTP",
            "sink_destination_concurrency_limit = 20", "sink_destination_recipient_limit = 1",
            "fail_destination_recipient_limit = 1", "mydestination =",
        ]
        if let sasl {
            // Nothing is relayed without AUTH: no relay domains, no trusted networks.
            lines += ["relay_domains =", "mynetworks =",
                      "smtpd_recipient_restrictions = check_recipient_access texthash:\(d)/recipient_access, "
                        + "permit_sasl_authenticated, reject",
                      "smtpd_relay_restrictions = permit_sasl_authenticated, reject",
                      "smtpd_sasl_auth_enable = yes", "smtpd_sasl_type = dovecot", "smtpd_sasl_path = \(sasl)",
                      "smtpd_tls_auth_only = yes"]
        } else {
            lines += ["relay_domains = \(options.relayDomains.joined(separator: " "))", "mynetworks = 127.0.0.0/8",
                      "smtpd_recipient_restrictions = check_recipient_access texthash:\(d)/recipient_access, "
                        + "permit_mynetworks, reject_unauth_destination"]
        }
        if options.tls {
            lines += ["smtpd_tls_cert_file = \(d)/cert.pem", "smtpd_tls_key_file = \(d)/key.pem",
                      "smtpd_tls_security_level = may"]
        }
        let names = lines.map { $0.prefix { $0 != " " } }
        precondition(Set(names).count == names.count, "main.cf must name each parameter once")
        return lines.joined(separator: "\n") + "\n"
    }

    static func masterCF(_ d: String, port: Int, tlsPort: Int) -> String {
        var text = """
            \(port) inet n - n - - smtpd
            pickup unix n - n 60 1 pickup
            cleanup unix n - n - 0 cleanup
            qmgr unix n - n 300 1 qmgr
            rewrite unix - - n - - trivial-rewrite
            bounce unix - - n - 0 bounce
            defer unix - - n - 0 bounce
            trace unix - - n - 0 bounce
            verify unix - - n - 1 verify
            flush unix n - n 1000? 0 flush
            proxymap unix - - n - - proxymap
            smtp unix - - n - - smtp
            relay unix - - n - - smtp
            showq unix n - n - - showq
            error unix - - n - - error
            retry unix - - n - - error
            discard unix - - n - - discard
            lmtp unix - - n - - lmtp
            anvil unix - - n - 1 anvil
            scache unix - - n - 1 scache
            postlog unix-dgram n - n - 1 postlogd
            tlsmgr unix - - n 1000? 1 tlsmgr
            sink unix - n n - - pipe
              flags= user=nobody argv=/bin/sh \(d)/sink.sh ${queue_id}
            fail unix - n n - - pipe
              flags= user=nobody argv=/bin/sh \(d)/fail.sh

            """
        if tlsPort > 0 {
            text += "\(tlsPort) inet n - n - - smtpd\n  -o smtpd_tls_wrappermode=yes\n"
        }
        return text
    }

    static func makeCertificate(_ d: String) throws {
        let status = try run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", "\(d)/key.pem", "-out", "\(d)/cert.pem",
        ])
        guard status == 0 else { throw StartError(description: "openssl req exited \(status)") }
    }

    // MARK: Helpers

    static func own(_ path: String, user: String, group: String?, mode: Int16) throws {
        var attributes: [FileAttributeKey: Any] = [.ownerAccountName: user, .posixPermissions: mode]
        if let group { attributes[.groupOwnerAccountName] = group }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: path)
    }

    /// Runs a program to its end, output discarded; returns its exit status.
    static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs a program to its end with an empty signal mask and default signal actions; returns its exit status.
    static func spawnUnblocked(_ program: String, _ arguments: [String]) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGPIPE, SIGTERM, SIGHUP, SIGINT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, nil, &attributes, argv, environ)
        guard result == 0 else { throw StartError(description: "posix_spawn \(program) failed (\(result))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xff
    }

    /// A loopback port that was free a moment ago (bind to port 0, read it back, close).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0
                && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw StartError(description: "bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Direct children of a process (from /proc), so they can be killed by PID.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && pid_t(fields[1]) == parent
        }
    }
}
