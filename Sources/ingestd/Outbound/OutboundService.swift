import AgendaStore
import Foundation
import MailIngest

/// The thin driver around the pure parts: claims due actions in batches, runs the preflight (pausing rules, contact
/// details), renders the step's template, hands the action to its channel and records the result in the store
/// (`done` with queue id, `error` with cause and the server's words, retry with backoff, or held with a reason).
/// An uncertain send is left in `sending`, to verify by a person.
struct OutboundService: Sendable {
    /// Counts of one pass (and the send durations, for the benchmark).
    struct PassReport: Codable, Sendable, Equatable {
        var claimed = 0
        var sent = 0
        var rejected = 0
        var retried = 0
        var gaveUp = 0
        var failedBeforeSend = 0
        var held = 0
        var uncertain = 0
        /// Actions left in `sending` by earlier runs, for a person to verify.
        var toVerify = 0
        /// Actions to verify the server's log showed accepted (now `done`) or never queued (back in the queue).
        var verifiedSent = 0
        var verifiedNotSent = 0
        /// Wall time of each channel delivery, seconds.
        var sendSeconds: [Double] = []
    }

    let store: any AgendaStore & OutboundStore
    let configuration: OutboundConfiguration
    let templates: OutboundTemplates
    let channels: [Channel: any OutboundChannel]
    let owner: ClaimOwner
    var now: @Sendable () -> Date = { Date() }

    private var offset: Int { configuration.utcOffsetSeconds ?? 0 }

    /// Claims and sends until nothing is due (or `limit` actions were claimed).
    func runPass(limit: Int? = nil) async throws -> PassReport {
        var report = PassReport()
        if let log = configuration.serverLog {
            (report.verifiedSent, report.verifiedNotSent) = try await verify(fromLog: log)
        }
        let batch = max(1, configuration.batchSize ?? 100)
        while limit.map({ report.claimed < $0 }) ?? true {
            let size = min(batch, limit.map { $0 - report.claimed } ?? batch)
            let claimed = try await store.claimDueActions(request(limit: size))
            if claimed.isEmpty { break }
            report.claimed += claimed.count
            for action in claimed {
                try await process(action, into: &report)
            }
        }
        for channel in channels.values { await channel.finish() }
        let verifyBefore = now().addingTimeInterval(-60)
        report.toVerify = try await store.actionsToVerify(claimedBefore: verifyBefore).count
        return report
    }

    /// Judges the email actions left "to verify" (claimed more than the grace ago) from the SMTP server's log: queued
    /// under their Message-ID -> `done` with the queue id; never queued -> back in the queue, sent by this pass.
    /// Returns both counts. An unreadable log changes nothing.
    func verify(fromLog path: String) async throws -> (sent: Int, notSent: Int) {
        let grace = configuration.serverLogGraceSeconds ?? 1800
        let candidates = try await store.actionsToVerify(claimedBefore: now().addingTimeInterval(-grace))
        guard !candidates.isEmpty, let text = Self.tail(path, bytes: 64 << 20) else { return (0, 0) }
        let log = PostfixLog(text[...])
        var counts = (sent: 0, notSent: 0)
        for action in candidates where action.channel == .email {
            guard let messageID = action.messageID else { continue }
            switch log.verdict(messageID) {
            case .accepted(let queueID):
                if try await store.recordVerifiedSend(action.id, queueID: queueID, acceptedAt: action.claimedAt,
                                                      at: now()) { counts.sent += 1 }
            case .notQueued, .absent:
                do {
                    try await store.resolveToVerify(action.id, sent: false, by: nil, at: now())
                    counts.notSent += 1
                } catch let error as AgendaStoreError where error.code == .invalidState {
                    continue  // a person or another node resolved it meanwhile
                }
            }
        }
        return counts
    }

    /// The last `bytes` of a file as text (from the first whole line), or nil when it cannot be read.
    static func tail(_ path: String, bytes: Int) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let start = size > UInt64(bytes) ? size - UInt64(bytes) : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if start > 0, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        return text
    }

    /// What a pass would do, without claiming, sending or recording: one line per due action, with the same
    /// preflight as a pass (the scenario's pause settings, holds with their reason, the pause on unreviewed replies,
    /// errors with their cause), read through the store's `previewClaim`.
    func dryRun(limit: Int = 1000) async throws -> [String] {
        var lines: [String] = []
        for id in try await store.dueActions(request(limit: limit)) {
            guard let claim = try await store.previewClaim(id) else { continue }
            let decision = try await preflight(claim).decision
            lines.append("action \(id.rawValue) \(claim.channel.rawValue): \(Self.describe(decision))")
        }
        return lines
    }

    private func request(limit: Int) -> ClaimRequest {
        let time = now()
        return ClaimRequest(owner: owner, now: time, today: Day(date: time, secondsFromGMT: offset),
                            channels: Set(channels.keys), limit: limit,
                            messageIDDomain: configuration.messageIdDomain)
    }

    /// The decision for a claimed action, with what rendering needs (read once).
    private func preflight(_ claim: ClaimedAction) async throws
        -> (decision: OutboundDecision, customer: Customer?, contacts: [Contact], items: [Item]) {
        let customer = try await store.customer(id: claim.customer)
        let contacts = try await store.contacts(of: claim.customer)
        let wanted = Set(claim.items)
        let items = try await store.items(of: claim.customer).filter { wanted.contains($0.id) }
        let today = Day(date: now(), secondsFromGMT: offset)
        let decision = OutboundPreflight.decide(channel: claim.channel, contacts: contacts, items: items, today: today,
                                                channelAvailable: channels[claim.channel] != nil,
                                                pauseOnDispute: claim.pauseOnDispute,
                                                pauseOnPromise: claim.pauseOnPromise,
                                                hasUnreviewedReply: claim.hasUnreviewedReply
                                                    && configuration.pauseOnUnreviewedReply ?? true)
        return (decision, customer, contacts, items)
    }

    private func process(_ claim: ClaimedAction, into report: inout PassReport) async throws {
        let (decision, customer, contacts, items) = try await preflight(claim)
        let at = now()
        switch decision {
        case .fail(let cause):
            try await store.recordFailure(claim.id, claim: owner, cause: cause, reply: nil, at: at)
            report.failedBeforeSend += 1
        case .hold(let reason, let until):
            try await store.releaseClaim(claim.id, claim: owner, reason: reason.rawValue, until: until.map(date),
                                         at: at)
            report.held += 1
        case .send(let destination):
            guard let customer, let channel = channels[claim.channel] else { return }
            let contact = contacts.first(where: \.isCollectionContact)
            let context = OutboundTemplates.context(customer: customer, contact: contact, items: items,
                                                    actionID: claim.id, plannedDate: claim.plannedDate,
                                                    today: Day(date: at, secondsFromGMT: offset),
                                                    pageLink: configuration.pageLink)
            let content: OutboundTemplates.Rendered
            do {
                content = try templates.render(claim.template ?? "\(claim.channel.rawValue)-default",
                                               language: customer.language, context: context)
            } catch {
                try await store.releaseClaim(claim.id, claim: owner, reason: HoldReason.templateMissing.rawValue,
                                             until: at.addingTimeInterval(3600), at: at)
                report.held += 1
                return
            }
            let rendered = RenderedAction(claim: claim, customerKey: customer.externalKey, destination: destination,
                                          content: content, itemNumbers: items.map(\.number))
            let start = ContinuousClock.now
            let result = await channel.deliver(rendered)
            let elapsed = ContinuousClock.now - start
            report.sendSeconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            try await record(result, claim, into: &report)
        }
    }

    private func record(_ result: DeliveryResult, _ claim: ClaimedAction, into report: inout PassReport) async throws {
        let at = now()
        switch result {
        case .sent(let queueID, let reply):
            try await store.recordSent(claim.id, claim: owner, receipt: SendReceipt(
                sentAt: at, queueID: queueID, reply: reply, day: Day(date: at, secondsFromGMT: offset)))
            report.sent += 1
        case .rejected(let cause, let reply):
            try await store.recordFailure(claim.id, claim: owner, cause: cause, reply: reply, at: at)
            report.rejected += 1
        case .temporary(let reply):
            switch try await store.recordTemporaryFailure(claim.id, claim: owner, reply: reply, at: at,
                                                          policy: configuration.retryPolicy) {
            case .retryAt: report.retried += 1
            case .gaveUp: report.gaveUp += 1
            }
        case .uncertain:
            report.uncertain += 1
        }
    }

    /// The start of `day` in the team's zone.
    private func date(_ day: Day) -> Date {
        Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 - Double(offset))
    }

    static func describe(_ decision: OutboundDecision) -> String {
        switch decision {
        case .send(.email): "send by email"
        case .send(.phone): "send by SMS"
        case .send(.postal): "write a letter"
        case .fail(let cause): "error \(cause.rawValue): \(cause.sentence)"
        case .hold(let reason, let until): "held (\(reason.rawValue)) until \(until?.iso ?? "next pass"): \(reason.sentence)"
        }
    }
}
