import Foundation
import MailIngest
import TestServers

/// Shared helpers for the tests that talk to a real Dovecot.
enum IMAPTestSupport {
    /// Settings for `user` on the server's plain, STARTTLS or IMAPS port, trusting the test CA.
    static func settings(_ server: DovecotServer, security: IMAPAccountSettings.Security = .plain,
                         user: String = "alice", password: String? = nil, port: UInt16? = nil,
                         timeout: Duration = .seconds(5), trustTestCA: Bool = true,
                         allowInvalid: Bool = false, host: String = "localhost") -> IMAPAccountSettings {
        let defaultPort = security == .tls ? server.imapsPort : server.imapPort
        return IMAPAccountSettings(host: host, port: port ?? defaultPort, security: security,
                                   authentication: .login(user: user, password: password ?? server.users[user] ?? ""),
                                   caFile: trustTestCA ? server.caFile : nil,
                                   allowInvalidCertificates: allowInvalid, timeout: timeout)
    }

    /// A CRLF message of about `size` bytes, numbered `n` (distinct Message-ID and body).
    static func message(_ n: Int, size: Int = 600) -> Data {
        var text = "From: Customer \(n) <c\(n)@example.test>\r\nTo: alice@example.test\r\n"
            + "Subject: Re: invoice \(n)\r\nMessage-ID: <m\(n)@example.test>\r\n"
            + "Date: Sun, 29 Nov 2026 06:00:00 +0100\r\n\r\n"
        var line = 0
        while text.utf8.count < size {
            text += "Line \(line) of message \(n): we will pay the invoice next week.\r\n"
            line += 1
        }
        return Data(text.utf8)
    }

    /// Flags of each UID in `mailbox`, read with doveadm (independent of the client under test).
    static func flags(_ server: DovecotServer, user: String = "alice", mailbox: String = "INBOX") throws -> [UInt32: String] {
        let output = try server.doveadm(["-f", "tab", "fetch", "-u", user, "uid flags", "mailbox", mailbox]).output
        var result: [UInt32: String] = [:]
        for line in output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2, let uid = UInt32(fields[0]) { result[uid] = String(fields[1]) }
        }
        return result
    }
}
