public import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension DovecotServer {
    /// Delivers one message to `user`'s INBOX over LMTP (RFC 2033), as a mail server would; an idling client sees it.
    public func deliver(_ raw: Data, to user: String, from sender: String = "sender@example.test") throws {
        guard let fd = Loopback.connect(port: lmtpPort) else { throw TestServerError("LMTP connect refused") }
        defer { close(fd) }
        Loopback.setReceiveTimeout(fd, seconds: 10)
        let reader = LineReader(fd: fd)
        try expect(reader, "220", step: "greeting")
        try command(fd, reader, "LHLO localhost", "250")
        try command(fd, reader, "MAIL FROM:<\(sender)>", "250")
        try command(fd, reader, "RCPT TO:<\(user)>", "250")
        try command(fd, reader, "DATA", "354")
        var body = Self.dotStuffed(raw)
        body.append(contentsOf: Array(".\r\n".utf8))
        guard Loopback.sendAll(fd, body) else { throw TestServerError("LMTP DATA write failed") }
        try expect(reader, "250", step: "end of data")
        _ = Loopback.sendAll(fd, Data("QUIT\r\n".utf8))
    }

    /// Writes messages straight into the Maildir's `new/` (tmp then rename), thousands per second; Dovecot indexes
    /// them at the next SELECT or STATUS. Messages are numbered in the order given, so UIDs follow that order.
    /// `internalDate` sets the files' mtime, which Dovecot reports as INTERNALDATE.
    public func dropIntoMaildir(_ messages: [Data], user: String, mailbox: String = "INBOX",
                                internalDate: Date? = nil) throws {
        let folder = maildir(user: user, mailbox: mailbox)
        guard let nobody = getpwnam("nobody") else { throw TestServerError("no user nobody") }
        let (uid, gid) = (nobody.pointee.pw_uid, nobody.pointee.pw_gid)
        let stamp = Int(Date().timeIntervalSince1970)
        for message in messages {
            let number = nextDeliveryNumber()
            let name = String(format: "%d.M%08dP%d.ingestd-test,S=%d", stamp, number, getpid(), message.count)
            let temporary = folder + "/tmp/" + name
            guard FileManager.default.createFile(atPath: temporary, contents: message) else {
                throw TestServerError("cannot write \(temporary)")
            }
            chown(temporary, uid, gid)
            if let internalDate {
                let seconds = Int(internalDate.timeIntervalSince1970)
                var times = [timeval(tv_sec: seconds, tv_usec: 0), timeval(tv_sec: seconds, tv_usec: 0)]
                utimes(temporary, &times)
            }
            guard rename(temporary, folder + "/new/" + name) == 0 else {
                throw TestServerError("rename into new/ failed: errno \(errno)")
            }
        }
    }

    /// Creates a mailbox (folder) for `user` with doveadm.
    public func createMailbox(_ mailbox: String, user: String) throws {
        try doveadm(["mailbox", "create", "-u", user, mailbox])
    }

    /// The mailbox's current UIDVALIDITY, read with doveadm.
    public func uidValidity(user: String, mailbox: String = "INBOX") throws -> UInt32 {
        let output = try doveadm(["-f", "flow", "mailbox", "status", "-u", user, "uidvalidity", mailbox]).output
        guard let value = output.split(separator: "=").last.flatMap({
            UInt32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }) else { throw TestServerError("unexpected doveadm output: \(output)") }
        return value
    }

    /// Changes UIDVALIDITY (`doveadm mailbox update --uid-validity`), as a mailbox rebuild would; a session that has
    /// the mailbox selected is closed with BYE. Returns the new value (the old one plus one unless given).
    @discardableResult
    public func changeUIDValidity(user: String, mailbox: String = "INBOX", to value: UInt32? = nil) throws -> UInt32 {
        let newValue = try value ?? (uidValidity(user: user, mailbox: mailbox) &+ 1)
        try doveadm(["mailbox", "update", "-u", user, "--uid-validity", String(newValue), mailbox])
        return newValue
    }

    /// Runs doveadm against this instance's config.
    @discardableResult
    public func doveadm(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run("/usr/bin/doveadm", ["-c", configFile] + arguments)
    }

    // MARK: - LMTP chat

    private func command(_ fd: Int32, _ reader: LineReader, _ line: String, _ code: String) throws {
        guard Loopback.sendAll(fd, Data((line + "\r\n").utf8)) else { throw TestServerError("LMTP write failed") }
        try expect(reader, code, step: String(line.prefix(4)))
    }

    private func expect(_ reader: LineReader, _ code: String, step: String) throws {
        while let line = reader.readLine() {
            if line.count >= 4, line.dropFirst(3).first == "-" { continue }
            if line.hasPrefix(code) { return }
            throw TestServerError("LMTP \(step): \(line)")
        }
        throw TestServerError("LMTP \(step): connection closed")
    }

    /// CRLF line endings and a leading dot doubled on each line (RFC 5321 section 4.5.2).
    static func dotStuffed(_ raw: Data) -> Data {
        var out = Data(capacity: raw.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in raw {
            if byte == 0x0A && previous != 0x0D { out.append(0x0D) }
            if atLineStart && byte == 0x2E { out.append(0x2E) }
            out.append(byte)
            atLineStart = byte == 0x0A
            previous = byte
        }
        if !atLineStart { out.append(contentsOf: [0x0D, 0x0A]) }
        return out
    }
}
