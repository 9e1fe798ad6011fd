import AgendaStore
import Foundation

/// DSN -> action (DESIGN.md error cause `bounced`): takes the bounces the pipeline stored, finds the action whose
/// email bounced and turns it to `error` `bounced` with a precise cause: the enhanced status code and its words
/// (RFC 3463), the reason, the reply code and the remote server's words (RFC 3464 Diagnostic-Code).
///
/// The action is, in order: the pipeline's correlation (capture token, or the bounced email's Message-ID in
/// In-Reply-To/References); the returned headers' Message-ID, which names the action; the DSN's envelope id
/// (`action-N`, RFC 3461); else, for a DSN that names only the failed recipient, the customer's email action last accepted by the server before the DSN arrived
/// (within ``recipientWindow``). Only hard failures count; delay notices and soft failures leave the action alone.
/// Idempotent, and a DSN older than the action's last send never fails it, so the caller may run it again over
/// the same bounces at any time (the daemon's sweep does, after a restart).
struct BounceMatcher: Sendable {
    let store: any AgendaStore & OutboundStore & CorrelationStore
    /// How far back a DSN that names only its recipient looks for the email it answers.
    var recipientWindow: TimeInterval = 7 * 86_400
    /// How much earlier than the send a DSN's arrival time may read: IMAP INTERNALDATE has whole seconds and comes
    /// from the mail server's clock. A send newer than that (a rescheduled action sent again) is not failed.
    var clockTolerance: TimeInterval = 600

    /// What one pass did.
    struct Result: Sendable, Hashable {
        /// The last bounce read (the cursor for the next pass).
        var cursor: InboundMessageID?
        /// Actions turned to `bounced`.
        var bounced: [ActionID]
        /// Bounces read that named no sent action or only soft failures.
        var ignored: Int
    }

    /// Processes the stored bounces after `cursor`, at most `limit`.
    func run(after cursor: InboundMessageID?, limit: Int = 500, at: Date = Date()) async throws -> Result {
        var result = Result(cursor: cursor, bounced: [], ignored: 0)
        for bounce in try await store.bounces(after: cursor, limit: limit) {
            result.cursor = bounce.message
            try await apply(bounce, at: at, to: &result)
        }
        return result
    }

    /// Processes every stored bounce after `cursor`, page by page; returns the totals and the last id read.
    func sweep(after cursor: InboundMessageID?, at: Date = Date()) async throws -> Result {
        var total = Result(cursor: cursor, bounced: [], ignored: 0)
        while true {
            let page = try await run(after: total.cursor, at: at)
            total.bounced += page.bounced
            total.ignored += page.ignored
            if page.cursor == total.cursor { return total }
            total.cursor = page.cursor
        }
    }

    /// Processes the bounces among the messages just stored (the pipeline's batch): `messages` are their ids,
    /// `envelopeIDs` the DSNs' Original-Envelope-Id where they have one (``DSNEnvelopeID``).
    func match(messages: [InboundMessageID], envelopeIDs: [InboundMessageID: String] = [:],
               at: Date = Date()) async throws -> Result {
        var result = Result(cursor: nil, bounced: [], ignored: 0)
        guard let low = messages.map(\.rawValue).min(), let high = messages.map(\.rawValue).max() else { return result }
        let wanted = Set(messages)
        let page = try await store.bounces(after: InboundMessageID(low - 1), limit: Int(high - low + 1))
        for bounce in page where wanted.contains(bounce.message) {
            result.cursor = bounce.message
            try await apply(bounce, envelopeID: envelopeIDs[bounce.message], at: at, to: &result)
        }
        return result
    }

    private func apply(_ bounce: StoredBounce, envelopeID: String? = nil, at: Date,
                       to result: inout Result) async throws {
        guard let detail = Self.detail(bounce), let action = try await action(of: bounce, envelopeID: envelopeID),
              try await store.recordBounce(action, detail: detail,
                                           receivedAt: bounce.receivedAt.addingTimeInterval(clockTolerance), at: at)
        else {
            result.ignored += 1
            return
        }
        result.bounced.append(action)
    }

    /// The action a bounce answers (see the type's documentation for the order).
    func action(of bounce: StoredBounce, envelopeID: String? = nil) async throws -> ActionID? {
        if let action = bounce.action { return action }
        if let original = bounce.originalMessageID {
            let bare = original.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
            if let action = try await store.action(outboundMessageID: bare) { return action }
        }
        // ENVID `action-N` (the envelope the email channel sends, RFC 3461 section 4.4), when it names an email
        // action of the customer the failed recipient belongs to (or of any customer when that is unknown).
        if let envelopeID, envelopeID.hasPrefix("action-"), let number = Int64(envelopeID.dropFirst(7)),
           let action = try await store.action(ActionID(number)), action.channel == .email,
           bounce.customer.map({ $0 == action.customer }) ?? true {
            return action.id
        }
        guard let customer = bounce.customer, bounce.recipients.contains(where: { $0.hard && !$0.address.isEmpty })
        else { return nil }
        return try await store.lastSentEmailAction(customer: customer,
                                                   notBefore: bounce.receivedAt.addingTimeInterval(-recipientWindow),
                                                   before: bounce.receivedAt.addingTimeInterval(clockTolerance))
    }

    /// The error detail for a bounce with at least one hard failure, from its first hard recipient:
    /// `5.1.1 mailbox unknown (userunknown, reply 550): <the server's words>`; nil when every failure is soft.
    static func detail(_ bounce: StoredBounce) -> String? {
        guard let hard = bounce.recipients.first(where: \.hard) else { return nil }
        var head = hard.reason
        if let words = DeliveryStatusText.words(hard.status) {
            head = "\(hard.status) \(words) (\(hard.reason)\(hard.replyCode.isEmpty ? "" : ", reply \(hard.replyCode)"))"
        } else if !hard.replyCode.isEmpty {
            head += " (reply \(hard.replyCode))"
        }
        let diagnostic = hard.diagnostic.trimmingCharacters(in: .whitespacesAndNewlines)
        return diagnostic.isEmpty ? head : head + ": " + String(diagnostic.prefix(400))
    }
}
