import Foundation
import CLibEtpan

extension IMAPSession {
    /// IDLE (RFC 2177) on the selected mailbox until the server announces new or removed messages (`EXISTS`,
    /// `EXPUNGE`, `VANISHED`: returns true) or `timeout` passes (false). Other untagged data (keepalives, flag
    /// changes) re-enters IDLE. The wait is capped at 28 minutes (RFC 2177: re-issue IDLE within 29). Without IDLE the
    /// session polls with NOOP every 5 seconds instead. Returns true at once when EXISTS changed since SELECT (the server
    /// told of a new message in an earlier command's response and will not repeat it in IDLE).
    public func idle(timeout: Duration) throws(IMAPError) -> Bool {
        guard selected != nil else { throw IMAPError.command(name: "IDLE", response: "no mailbox selected") }
        if let info = imap.pointee.imap_selection_info?.pointee, info.sel_exists != existsAtSelect { return true }
        let deadline = ContinuousClock.now + min(timeout, .seconds(28 * 60))
        let watcher = UntaggedWatcher()
        let context = Unmanaged.passUnretained(watcher).toOpaque()
        mailimap_set_logger(imap, UntaggedWatcher.log, context)
        defer { mailimap_set_logger(imap, nil, nil) }
        return try withExtendedLifetime(watcher) { () throws(IMAPError) -> Bool in
            while true {
                let woke: Bool
                do throws(IMAPError) {
                    woke = try waitOnce(until: deadline)
                } catch {
                    // Dovecot notices a UIDVALIDITY change when it syncs (IDLE, NOOP) and says BYE before closing.
                    if watcher.sawBye { throw IMAPError.bye("server closed the session (BYE during IDLE)") }
                    throw error
                }
                if watcher.sawBye {
                    close()
                    throw IMAPError.bye("server closed the session (BYE during IDLE)")
                }
                if watcher.sawChange { return true }
                if !woke || ContinuousClock.now >= deadline { return false }
                watcher.reset()
            }
        }
    }

    /// One IDLE ... DONE round (or one NOOP when IDLE is not offered); true when the server sent something.
    private func waitOnce(until deadline: ContinuousClock.Instant) throws(IMAPError) -> Bool {
        guard capabilities.contains("IDLE") else {
            let pause = min(deadline - ContinuousClock.now, .seconds(5))
            if pause > .zero { Thread.sleep(forTimeInterval: Self.seconds(pause)) }
            try run("NOOP") { mailimap_noop(imap) }
            return true
        }
        try run("IDLE") { mailimap_idle(imap) }
        let woke = waitReadable(until: deadline)
        try run("IDLE DONE") { mailimap_idle_done(imap) }
        return woke
    }

    /// Waits until the connection has data (buffered or on the socket) or `deadline` passes.
    private func waitReadable(until deadline: ContinuousClock.Instant) -> Bool {
        if let stream = imap.pointee.imap_stream, stream.pointee.read_buffer_len > 0 { return true }
        let fd = mailimap_idle_get_fd(imap)
        guard fd >= 0 else { return true }
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(Self.seconds(remaining) * 1000 + 1, 60_000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Watches the bytes received while idling for untagged responses that change the message list, through libetpan's
/// logger (set only around IDLE, so fetches pay nothing). Keeps at most a partial line between chunks.
private final class UntaggedWatcher {
    private(set) var sawChange = false
    private(set) var sawBye = false
    private var partial: [UInt8] = []

    func reset() {
        sawChange = false
        partial.removeAll()
    }

    func received(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if byte == 0x0A {
                inspect(partial)
                partial.removeAll(keepingCapacity: true)
            } else if partial.count < 512 {
                partial.append(byte)
            }
        }
    }

    private func inspect(_ line: [UInt8]) {
        guard line.first == UInt8(ascii: "*") else { return }
        let words = String(decoding: line, as: UTF8.self).uppercased().split(separator: " ")
        guard words.count >= 2 else { return }
        if words[1] == "BYE" { sawBye = true }
        if words[1] == "VANISHED" { sawChange = true }
        if words.count >= 3, UInt32(words[1]) != nil, ["EXISTS", "EXPUNGE"].contains(words[2].trimmingCharacters(in: .whitespacesAndNewlines)) {
            sawChange = true
        }
    }

    static let log: @convention(c) (UnsafeMutablePointer<mailimap>?, Int32, UnsafePointer<CChar>?, Int,
                                    UnsafeMutableRawPointer?) -> Void = { _, type, text, size, context in
        guard let context, let text, Int(type) == Int(MAILSTREAM_LOG_TYPE_DATA_RECEIVED) else { return }
        let watcher = Unmanaged<UntaggedWatcher>.fromOpaque(context).takeUnretainedValue()
        text.withMemoryRebound(to: UInt8.self, capacity: size) {
            watcher.received(UnsafeBufferPointer(start: $0, count: size))
        }
    }
}
