import AgendaStore
import Foundation

/// DSN -> action (DESIGN.md error cause `bounced`): reads the bounces the pipeline stored
/// (``CorrelationStore/bounces(after:limit:)``), finds the action whose email bounced (the pipeline's match, else the
/// bounced email's Message-ID, which names the action) and turns it to `error` `bounced` with the reason. Only hard
/// failures count; delay notices and soft failures leave the action alone. Idempotent: running it again over the
/// same bounces changes nothing, so the caller may keep its cursor anywhere (memory, a file) or start from nil.
struct BounceMatcher: Sendable {
    let store: any OutboundStore & CorrelationStore

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
            guard let detail = Self.detail(bounce), let action = try await action(of: bounce),
                  try await store.recordBounce(action, detail: detail, at: at) else {
                result.ignored += 1
                continue
            }
            result.bounced.append(action)
        }
        return result
    }

    /// The action a bounce answers: the pipeline's correlation, else the bounced email's Message-ID.
    func action(of bounce: StoredBounce) async throws -> ActionID? {
        if let action = bounce.action { return action }
        guard let original = bounce.originalMessageID else { return nil }
        let bare = original.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        return try await store.action(outboundMessageID: bare)
    }

    /// The error detail for a bounce with at least one hard failure: reason, status, reply code and the remote
    /// server's words (Diagnostic-Code) of the first hard recipient; nil when every failure is soft.
    static func detail(_ bounce: StoredBounce) -> String? {
        guard let hard = bounce.recipients.first(where: \.hard) else { return nil }
        var parts = [hard.reason]
        if !hard.status.isEmpty { parts.append(hard.status) }
        if !hard.replyCode.isEmpty { parts.append(hard.replyCode) }
        var detail = parts.joined(separator: " ")
        if !hard.diagnostic.isEmpty { detail += ": " + String(hard.diagnostic.prefix(400)) }
        return detail
    }
}
