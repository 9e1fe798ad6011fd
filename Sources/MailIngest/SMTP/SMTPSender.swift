public import Foundation

/// Sends messages through one SMTP server from async code: the blocking ``SMTPSession`` lives on its own serial
/// dispatch queue (never on the cooperative pool), one connection is reused for every message until it breaks, and
/// sends are spaced to at most `maxPerSecond` (the per-server rate limit). A connection the server dropped while idle
/// is reopened once before MAIL FROM; a connection lost after DATA is never retried (the send is uncertain).
public final class SMTPSender: @unchecked Sendable {
    // Mutable state is touched only on `queue`.
    private let queue: DispatchQueue
    private let session: SMTPSession
    private let minimumInterval: TimeInterval
    private var lastSend: Date?
    /// Connections opened so far (for tests and benchmarks: one per batch when reuse works).
    public var connectionsOpened: Int { queue.sync { opened } }
    private var opened = 0

    /// A sender for one server; `maxPerSecond` nil or 0 means no limit.
    public init(configuration: SMTPServerConfiguration, verifier: (any TLSPeerVerifying)?, maxPerSecond: Double? = nil) {
        queue = DispatchQueue(label: "ingestd.smtp.\(configuration.host):\(configuration.port)")
        session = SMTPSession(configuration: configuration, verifier: verifier)
        if let maxPerSecond, maxPerSecond > 0 { minimumInterval = 1 / maxPerSecond } else { minimumInterval = 0 }
    }

    /// Sends one message; returns the server's verdict or the session failure.
    public func send(_ data: Data, envelope: SMTPEnvelope) async -> Result<SMTPOutcome, SMTPError> {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.sendOnQueue(data, envelope: envelope))
            }
        }
    }

    /// Sends one message, blocking the caller (for threads that are not part of the cooperative pool).
    public func sendBlocking(_ data: Data, envelope: SMTPEnvelope) -> Result<SMTPOutcome, SMTPError> {
        queue.sync { sendOnQueue(data, envelope: envelope) }
    }

    /// Ends the connection (QUIT).
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.session.close()
                continuation.resume()
            }
        }
    }

    private func sendOnQueue(_ data: Data, envelope: SMTPEnvelope) -> Result<SMTPOutcome, SMTPError> {
        pace()
        var retried = false
        while true {
            var fresh = false
            do throws(SMTPError) {
                if !session.isReady {
                    fresh = true
                    opened += 1
                    try session.open()
                }
                let outcome = try session.send(data, envelope: envelope)
                lastSend = Date()
                return .success(outcome)
            } catch {
                session.close(quit: false)
                // A reused connection that died before DATA: nothing was sent, try once on a fresh one.
                if !retried, error.kind == .connectionLost, [.mail, .rcpt].contains(error.stage), !fresh {
                    retried = true
                    continue
                }
                lastSend = Date()
                return .failure(error)
            }
        }
    }

    private func pace() {
        guard minimumInterval > 0, let lastSend else { return }
        let wait = minimumInterval - Date().timeIntervalSince(lastSend)
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }
}
