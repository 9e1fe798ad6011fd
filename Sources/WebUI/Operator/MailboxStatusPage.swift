import AgendaStore
import Foundation
import Hummingbird

extension WebServer {
    /// `/operator/mailboxes`: per mailbox, the poller's live state (phase, last success, last error, lag, messages
    /// today) next to what the store holds (IMAP cursor, last message, quarantined messages).
    func addMailboxPage(to router: Router<WebContext>) {
        router.get("/operator/mailboxes") { _, context -> Response in
            let session = try Self.operatorSession(context)
            let live = await operatorServices?.mailboxStatuses() ?? []
            let stored = try await store.mailboxOverview(since: startOfToday())
            return Responses.html(MailboxStatusView.page(session: session, live: live, stored: stored,
                                                         pollersKnown: operatorServices != nil, now: options.now()))
        }
    }
}

/// The mailbox status table.
enum MailboxStatusView {
    static func page(session: Session, live: [LiveMailboxStatus], stored: [MailboxOverview], pollersKnown: Bool,
                     now: Date) -> HTML {
        let liveByKey = Dictionary(live.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let storedByKey = Dictionary(stored.map { ($0.mailbox, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = Set(liveByKey.keys).union(storedByKey.keys).sorted()
        let rows = keys.map { row(key: $0, live: liveByKey[$0], stored: storedByKey[$0], now: now) }
        let note: HTML = pollersKnown ? "" : """
            <p class="muted">The mail pollers do not run in this process: only what the store recorded is shown.</p>
            """
        let table: HTML = keys.isEmpty ? "<p class=\"muted\">No mailbox configured or synchronised yet.</p>" : """
            <table><thead><tr><th>Mailbox</th><th>State</th><th>Last success</th><th>Last error</th><th>Failures</th>\
            <th>Lag</th><th>Messages today</th><th>Last message</th><th>Cursor</th><th>Quarantined</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return OperatorLayout.page(title: "Mailboxes", current: "/operator/mailboxes", session: session,
                                   body: note + table)
    }

    static func row(key: String, live: LiveMailboxStatus?, stored: MailboxOverview?, now: Date) -> HTML {
        let failing = live.map { status in
            status.lastErrorAt.map { errorAt in status.lastSuccess.map { errorAt > $0 } ?? true } ?? false
        } ?? false
        let rowClass: HTML = live?.needsAttention == true ? " class=\"red\"" : failing ? " class=\"yellow\"" : ""
        let phase: HTML = live.map { status -> HTML in
            let attention: HTML = status.needsAttention ? " <strong class=\"error\">needs attention</strong>" : ""
            return "\(Format.words(status.phase))\(attention)"
        } ?? "<span class=\"muted\">not polled here</span>"
        let success: HTML = live?.lastSuccess.map { date -> HTML in
            "\(Format.instant(date)) (\(Format.age(date, now: now)) ago)"
        } ?? "–"
        let errorAt: HTML = live?.lastErrorAt.map { date -> HTML in
            " <span class=\"muted\">\(Format.instant(date))</span>"
        } ?? ""
        let error: HTML = live?.lastError.map { message -> HTML in
            "<span class=\"error\">\(message)</span>\(errorAt)"
        } ?? "–"
        let lag = live?.lagSeconds.map(Self.duration) ?? "–"
        let today = live?.messagesToday ?? stored?.messagesSince ?? 0
        let last = stored?.lastReceivedAt.map(Format.instant) ?? "–"
        let cursor: String = stored?.state.map { state in
            "UIDVALIDITY \(state.uidValidity), UID \(state.lastUID)"
                + (state.highestModSeq.map { ", MODSEQ \($0)" } ?? "")
        } ?? "–"
        let quarantined = stored?.quarantined ?? 0
        let quarantine: HTML = quarantined == 0 ? "0" : "<a href=\"/operator/quarantine\">\(quarantined)</a>"
        return """
            <tr\(rowClass)><td>\(key)</td><td>\(phase)</td><td>\(success)</td><td>\(error)</td>\
            <td>\(live?.consecutiveFailures ?? 0)</td><td>\(lag)</td><td>\(today)</td><td>\(last)</td><td>\(cursor)</td>\
            <td>\(quarantine)</td></tr>
            """
    }

    /// "850 ms", "12 s", "3 min".
    static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "\(Int((seconds / 60).rounded())) min" }
        return "\(Int((seconds / 3600).rounded())) h"
    }
}
