public import Foundation

/// The outbound side of the store (DESIGN.md "No double send"): due actions are claimed atomically
/// (`planned`/`confirmed` -> `sending`), then recorded as `done`, as `error` with a cause, or handed back for a retry.
/// An action left in `sending` (the sender crashed) is listed for a person and never claimed again by itself.
/// Every method is one transaction; a record call checks that the action is still `sending` under the caller's claim.
public protocol OutboundStore: Sendable {
    /// Claims up to `request.limit` due actions in one write transaction and returns them; two schedulers (threads,
    /// processes, nodes) never get the same action. Each claimed action gets its Message-ID, and its customer's capture token (created on first use).
    func claimDueActions(_ request: ClaimRequest) async throws -> [ClaimedAction]
    /// Records a send the server accepted (RFC 5321 `250` after DATA): `done` with time, queue id and reply.
    func recordSent(_ id: ActionID, claim: ClaimOwner, receipt: SendReceipt) async throws
    /// Records a failure that no retry fixes: `error` with its cause and the server's words (if any).
    func recordFailure(_ id: ActionID, claim: ClaimOwner, cause: ErrorCause, reply: String?, at: Date) async throws
    /// Records a temporary failure (SMTP 4xx, connection lost before DATA was accepted): the action returns to its
    /// earlier status with a next attempt time, or turns to `error` `send_failed` once the policy's attempts are spent.
    func recordTemporaryFailure(_ id: ActionID, claim: ClaimOwner, reply: String?, at: Date,
                                policy: RetryPolicy) async throws -> RetryOutcome
    /// Hands a claimed action back without a send attempt (customer paused, channel not configured): it returns to
    /// its earlier status, not before `until`, with the reason shown to collectors.
    func releaseClaim(_ id: ActionID, claim: ClaimOwner, reason: String, until: Date?, at: Date) async throws
    /// Actions in `sending` claimed before `claimedBefore` (a crash or a hung sender): "to verify" by a person.
    func actionsToVerify(claimedBefore: Date) async throws -> [ActionToVerify]
    /// A person's verdict on an action to verify: it was sent (`done`), or not (back to its earlier status, so the
    /// scheduler sends it again).
    func resolveToVerify(_ id: ActionID, sent: Bool, by user: UserID?, at: Date) async throws
    /// The send bookkeeping of an action, if it was ever claimed.
    func sendRecord(_ id: ActionID) async throws -> SendRecord?
    /// Marks a sent action (`done`, or `sending` to verify: its email evidently went out) as `error` `bounced` with
    /// the DSN's reason (RFC 3464); returns false when the action was not sent, is already bounced, or was sent
    /// (again, after a reschedule) after `receivedAt`, the DSN's arrival: an old DSN never fails a newer send.
    func recordBounce(_ id: ActionID, detail: String, receivedAt: Date, at: Date) async throws -> Bool
    /// The ids of the actions a claim with `request` would take now, without claiming them (dry runs, previews).
    func dueActions(_ request: ClaimRequest) async throws -> [ActionID]
    /// What a claim would hand over for action `id`, read only: its step's template and its scenario's pause
    /// settings, its items and whether a reply of the customer waits for review. Nothing is claimed or written, so
    /// the Message-ID and capture token are empty (`send --dry-run`). Nil for an unknown action.
    func previewClaim(_ id: ActionID) async throws -> ClaimedAction?
    /// A customer by id.
    func customer(id: CustomerID) async throws -> Customer?
    /// The action a sent Message-ID (bare, no brackets) names (RFC 5322 section 3.6.4), for DSN and reply correlation.
    func action(outboundMessageID: String) async throws -> ActionID?
    /// The customer's email action most recently accepted by the server at or before `before` and after
    /// `notBefore` (`done`, or already `bounced`), for a DSN that names only the failed recipient.
    func lastSentEmailAction(customer: CustomerID, notBefore: Date, before: Date) async throws -> ActionID?
    /// Moves an open action (`planned`, `confirmed`, or `error` once the cause is fixed) to another day, from the
    /// agenda (`user`, a collector) or at the customer's request (`reason` says so, e.g. `customer_request`): an
    /// error goes back to the status it was claimed from with its attempts reset; a hold is lifted. A `rescheduled`
    /// history event keeps both dates and the reason. Refused (`invalidState`) while `sending` or once `done` or
    /// `cancelled`.
    func reschedule(_ id: ActionID, to day: Day, reason: String?, by user: UserID?, at: Date) async throws
    /// Closes an action left "to verify" as `done` on evidence that the server accepted it (its queue id found in
    /// the server's log under the action's Message-ID); false when the action is no longer `sending`.
    func recordVerifiedSend(_ id: ActionID, queueID: String, acceptedAt: Date, at: Date) async throws -> Bool
}

/// Who holds a claim: a scheduler instance (host, process, start time), so a record from a stale instance is refused.
public struct ClaimOwner: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The owner's name, e.g. `host:pid:startTime`.
    public var name: String
    /// Makes an owner.
    public init(_ name: String) { self.name = name }
    public var description: String { name }
}

/// What to claim.
public struct ClaimRequest: Sendable, Hashable {
    /// The claiming scheduler.
    public var owner: ClaimOwner
    /// The current time; actions planned on or before its day, and whose next attempt time has come, are due.
    public var now: Date
    /// The day `now` falls on in the team's time zone.
    public var today: Day
    /// Channels the caller can send (`call` and `litigation` are manual and never claimed).
    public var channels: Set<Channel>
    /// At most this many.
    public var limit: Int
    /// Right-hand side of the Message-IDs: `action-ID.NONCE@domain` (RFC 5322 msg-id, stored without brackets).
    public var messageIDDomain: String

    /// Makes a request.
    public init(owner: ClaimOwner, now: Date, today: Day, channels: Set<Channel> = [.email, .sms, .letter],
                limit: Int = 100, messageIDDomain: String) {
        self.owner = owner
        self.now = now
        self.today = today
        self.channels = channels
        self.limit = limit
        self.messageIDDomain = messageIDDomain
    }
}

/// An action claimed for sending, with what the sender needs to find its content.
public struct ClaimedAction: Sendable, Hashable {
    /// The action.
    public var id: ActionID
    /// Its customer.
    public var customer: CustomerID
    /// Channel.
    public var channel: Channel
    /// Mode.
    public var mode: ActionMode
    /// Planned date.
    public var plannedDate: Day
    /// The scenario step's template, nil for actions without a step.
    public var template: String?
    /// Items concerned.
    public var items: [ItemID]
    /// The Message-ID the email carries, bare (`action-ID.NONCE@domain`, no angle brackets, as `MessageIDs.parse`
    /// gives them back from In-Reply-To and DSNs); kept across retries.
    public var messageID: String
    /// The customer's capture token (``CaptureToken``) for the reply address (DESIGN.md, reply capture).
    public var captureToken: String
    /// Attempts made before this claim.
    public var attempts: Int
    /// The scenario's pausing rules (true when the action has no scenario step).
    public var pauseOnDispute: Bool
    /// The scenario's pausing rules (true when the action has no scenario step).
    public var pauseOnPromise: Bool
    /// The customer has a reply or comment with proposals no collector has decided yet.
    public var hasUnreviewedReply: Bool

    /// Makes a claimed action (stores build them; previews build unclaimed ones).
    public init(id: ActionID, customer: CustomerID, channel: Channel, mode: ActionMode, plannedDate: Day,
                template: String?, items: [ItemID], messageID: String, captureToken: String, attempts: Int,
                pauseOnDispute: Bool = true, pauseOnPromise: Bool = true, hasUnreviewedReply: Bool = false) {
        self.hasUnreviewedReply = hasUnreviewedReply
        self.pauseOnDispute = pauseOnDispute
        self.pauseOnPromise = pauseOnPromise
        self.id = id
        self.customer = customer
        self.channel = channel
        self.mode = mode
        self.plannedDate = plannedDate
        self.template = template
        self.items = items
        self.messageID = messageID
        self.captureToken = captureToken
        self.attempts = attempts
    }
}

/// The server's acceptance of a message.
public struct SendReceipt: Sendable, Hashable {
    /// When the server accepted it.
    public var sentAt: Date
    /// The queue id parsed from the `250` reply, when the server gave one.
    public var queueID: String?
    /// The final reply (code and text, no message content).
    public var reply: String?
    /// The day recorded as the action's done date (the team's calendar day of `sentAt`).
    public var day: Day

    /// Makes a receipt; `day` defaults to the UTC day of `sentAt`.
    public init(sentAt: Date, queueID: String?, reply: String?, day: Day? = nil) {
        self.sentAt = sentAt
        self.queueID = queueID
        self.reply = reply
        self.day = day ?? Day(date: sentAt)
    }
}

/// Backoff for temporary failures.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts before `send_failed` (the first send counts).
    public var maxAttempts: Int
    /// Delay after the n-th failed attempt (the last one repeats).
    public var delays: [TimeInterval]

    /// Makes a policy.
    public init(maxAttempts: Int = 5, delays: [TimeInterval] = [300, 900, 3600, 14_400]) {
        self.maxAttempts = max(1, maxAttempts)
        self.delays = delays.isEmpty ? [300] : delays
    }

    /// The delay after `attempts` failed attempts (1-based).
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        delays[min(max(attempts, 1), delays.count) - 1]
    }
}

/// What a temporary failure led to.
public enum RetryOutcome: Sendable, Hashable {
    /// Back in the queue; the next attempt not before this time.
    case retryAt(Date, attempts: Int)
    /// Attempts spent: the action is now `error` `send_failed`.
    case gaveUp(attempts: Int)
}

/// An action left in `sending`, for a person to check (the mail server's log or the recipient) and resolve.
public struct ActionToVerify: Sendable, Hashable {
    /// The action.
    public var id: ActionID
    /// Its customer.
    public var customer: CustomerID
    /// Channel.
    public var channel: Channel
    /// Who claimed it.
    public var owner: ClaimOwner
    /// When.
    public var claimedAt: Date
    /// The Message-ID it was sent with, to search the server's log.
    public var messageID: String?
}

/// The send bookkeeping of one action.
public struct SendRecord: Sendable, Hashable {
    /// The current (or last) claim owner.
    public var owner: ClaimOwner?
    /// When it was last claimed.
    public var claimedAt: Date?
    /// Send attempts made (temporary failures and the final send).
    public var attempts: Int
    /// The next attempt after a temporary failure.
    public var nextAttemptAt: Date?
    /// When the server accepted the message.
    public var sentAt: Date?
    /// The server's queue id.
    public var queueID: String?
    /// The last reply of the server, in its words.
    public var lastReply: String?
    /// Why the action is held back (paused customer, missing configuration), if it is.
    public var heldReason: String?
}

extension Day {
    /// The calendar day of `date` at a fixed offset from UTC (seconds east, 0 for UTC).
    public init(date: Date, secondsFromGMT: Int = 0) {
        let seconds = date.timeIntervalSince1970 + Double(secondsFromGMT)
        self.init(ordinal: Int((seconds / 86_400).rounded(.down)))
    }
}
