import Foundation

/// What a poller is doing and how it went, per mailbox, for the UI and metrics. Ids, counts and error codes only.
struct MailboxStatus: Sendable, Hashable {
    /// The poller's phase.
    enum Phase: String, Sendable, Hashable { case connecting, syncing, idling, waiting, backingOff = "backing_off", stopped }

    /// `account/mailbox`.
    var key: String
    /// Current phase.
    var phase: Phase = .connecting
    /// End of the last complete pass.
    var lastSuccess: Date?
    /// The last failure (redacted) and when it happened; cleared by nothing, superseded by newer failures.
    var lastError: String?
    /// When `lastError` happened.
    var lastErrorAt: Date?
    /// True when the last failure is a configuration problem (bad credentials, refused certificate).
    var needsAttention = false
    /// Failures since the last complete pass.
    var consecutiveFailures = 0
    /// From the server's INTERNALDATE of the newest stored message to the moment it was stored.
    var lastMessageLag: Duration?
    /// Messages newly stored since midnight UTC.
    var messagesToday = 0
    /// Messages newly stored since the process started.
    var messagesStored = 0
    /// The day `messagesToday` counts (days since 1970, UTC).
    var day = 0
}

/// Per-mailbox status, shared by the pollers (writers) and the UI/metrics (readers).
actor MailboxStatusBoard {
    private var statuses: [String: MailboxStatus] = [:]
    private let progress: (@Sendable (MailboxStatus) -> Void)?

    /// Makes an empty board; `progress`, when given, sees a mailbox's status after each stored batch.
    init(progress: (@Sendable (MailboxStatus) -> Void)? = nil) {
        self.progress = progress
    }

    /// Every mailbox's status, ordered by key.
    func all() -> [MailboxStatus] { statuses.values.sorted { $0.key < $1.key } }

    /// One mailbox's status.
    func status(of key: String) -> MailboxStatus? { statuses[key] }

    func phase(_ key: String, _ phase: MailboxStatus.Phase) {
        statuses[key, default: MailboxStatus(key: key)].phase = phase
    }

    func stored(_ key: String, created: Bool, internalDate: Date?, at now: Date) {
        var status = statuses[key, default: MailboxStatus(key: key)]
        guard created else { return }
        let today = Int(now.timeIntervalSince1970 / 86_400)
        if status.day != today {
            status.day = today
            status.messagesToday = 0
        }
        status.messagesToday += 1
        status.messagesStored += 1
        if let internalDate { status.lastMessageLag = .milliseconds(Int(max(0, now.timeIntervalSince(internalDate)) * 1000)) }
        statuses[key] = status
    }

    /// ``stored(_:created:internalDate:at:)`` for each message of a batch, in order, in one call (one actor hop a
    /// batch instead of one a message).
    func stored(_ key: String, batch: [(created: Bool, internalDate: Date?)], at now: Date) {
        for message in batch { stored(key, created: message.created, internalDate: message.internalDate, at: now) }
        if let progress, let status = statuses[key] { progress(status) }
    }

    func succeeded(_ key: String, at now: Date) {
        var status = statuses[key, default: MailboxStatus(key: key)]
        status.lastSuccess = now
        status.consecutiveFailures = 0
        status.needsAttention = false
        statuses[key] = status
    }

    func failed(_ key: String, error: String, needsAttention: Bool, at now: Date) {
        var status = statuses[key, default: MailboxStatus(key: key)]
        status.lastError = error
        status.lastErrorAt = now
        status.needsAttention = needsAttention
        status.consecutiveFailures += 1
        status.phase = .backingOff
        statuses[key] = status
    }
}
