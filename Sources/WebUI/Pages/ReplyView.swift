import AgendaStore
import Foundation

/// The page of one reply or comment: summary, language, intent, confidence, the visible text with its evidence
/// marked, and per item the proposal to accept, correct or reject.
enum ReplyView {
    struct ProposalLine {
        var proposal: Proposal
        var item: Item?
    }

    static func page(session: Session, detail: InboundDetail, customer: Customer?, lines: [ProposalLine],
                     confidentThreshold: Double, notice: String?) -> HTML {
        let analysis = detail.analysis
        let customerLink: HTML = customer.map { "<a href=\"/customers/\($0.id.rawValue)\">\($0.name)</a>" }
            ?? "<span class=\"muted\">unmatched</span>"
        let evidence = lines.compactMap(\.proposal.evidence)
        let visible: HTML = analysis.map { EvidenceHighlighter.highlight($0.visibleText, evidence: evidence) }
            ?? "<span class=\"muted\">No analysis (the message was not classified).</span>"
        let confident = lines.filter { isConfident($0, threshold: confidentThreshold) }
        let bulk: HTML = confident.isEmpty ? "" : """
            <form method="post" action="/replies/\(detail.id.rawValue)/accept-confident">\(Layout.csrf(session))\
            <button type="submit">Accept \(confident.count) confident \(confident.count == 1 ? "proposal" : "proposals") \
            (≥ \(Format.percent(confidentThreshold)))</button></form>
            """
        let noticeHTML: HTML = notice.map { "<p class=\"notice\">\($0)</p>" } ?? ""
        let quarantine: HTML = detail.quarantineReason.map { "<dt>Quarantine</dt><dd class=\"error\">\($0)</dd>" } ?? ""
        return Layout.page(title: "Reply", session: session, body: """
            <p><a href="/agenda/replies">← Replies &amp; Comments</a></p>
            <h1>\(detail.kind == .comment ? "Comment" : "Reply") from \(customerLink)</h1>
            \(noticeHTML)
            <dl class="meta">
            <dt>Summary</dt><dd>\(analysis?.summary ?? "–")</dd>
            <dt>Language</dt><dd>\(analysis?.language ?? "–")</dd>
            <dt>Intent</dt><dd>\(analysis?.intent.map { Format.words($0.rawValue) } ?? "abstained")</dd>
            <dt>Confidence</dt><dd>\(Format.percent(analysis?.confidence))</dd>
            <dt>Received</dt><dd>\(Format.instant(detail.receivedAt))</dd>
            <dt>From</dt><dd>\(detail.fromAddress ?? "–")</dd>
            <dt>Subject</dt><dd>\(detail.subject ?? "–")</dd>
            <dt>Matched by</dt><dd>\(Format.words(detail.correlation.rawValue))</dd>
            \(quarantine)
            </dl>
            <p><a href="/replies/\(detail.id.rawValue)/original">Original message and attachments</a></p>
            <h2>What the customer wrote</h2>
            <div class="visible">\(visible)</div>
            <h2>Proposals</h2>
            \(bulk)
            \(lines.isEmpty ? "<p class=\"muted\">No proposals.</p>" : HTML.join(lines.map { proposal($0, detail: detail, session: session) }))
            """)
    }

    static func isConfident(_ line: ProposalLine, threshold: Double) -> Bool {
        line.proposal.decision == nil && line.proposal.item != nil && line.proposal.confidence >= threshold
    }

    static func proposal(_ line: ProposalLine, detail: InboundDetail, session: Session) -> HTML {
        let p = line.proposal
        let currency = line.item?.amount.currency
        let current = line.item.map { Format.qualification($0.qualification, currency: currency) } ?? "unknown item"
        let head: HTML = """
            <p><strong>\(p.itemNumber)</strong>: \(Format.qualification(p.proposed, currency: currency)) \
            <span class="muted">(confidence \(Format.percent(p.confidence)); now: \(current))</span></p>
            \(p.evidence.map { "<blockquote>\($0)</blockquote>" as HTML } ?? "")
            """
        if let decision = p.decision {
            return "<div class=\"proposal\">\(head)<p class=\"muted\">Decided: \(decision.rawValue)</p></div>"
        }
        let action: HTML = "/replies/\(detail.id.rawValue)/decide"
        let hidden: HTML = "\(Layout.csrf(session))<input type=\"hidden\" name=\"proposal\" value=\"\(p.id.rawValue)\">"
        let accept: HTML = line.item == nil ? "" : """
            <form method="post" action="\(action)" class="inline">\(hidden)\
            <button type="submit" name="verdict" value="accept">Accept</button></form>
            """
        let reject: HTML = """
            <form method="post" action="\(action)" class="inline">\(hidden)\
            <button type="submit" name="verdict" value="reject">Reject</button></form>
            """
        let correct: HTML = line.item == nil ? "" : correctForm(p, action: action, hidden: hidden, currency: currency)
        return "<div class=\"proposal\">\(head)\(accept) \(reject)\(correct)</div>"
    }

    static func correctForm(_ p: Proposal, action: HTML, hidden: HTML, currency: String?) -> HTML {
        let qualifications = Qualification.allCases.map { q -> HTML in
            let selected: HTML = p.proposed.qualification == q ? " selected" : ""
            return "<option value=\"\(q.rawValue)\"\(selected)>\(Format.words(q.rawValue))</option>"
        }
        let reasons = DisputeReason.allCases.map { r -> HTML in
            let selected: HTML = p.proposed.disputeReason == r ? " selected" : ""
            return "<option value=\"\(r.rawValue)\"\(selected)>\(r.rawValue)</option>"
        }
        let amount = p.proposed.amountMinor.map { Money.decimalString($0, currency: currency ?? "EUR") } ?? ""
        return """
            <details><summary>Correct</summary>
            <form method="post" action="\(action)">\(hidden)<input type="hidden" name="verdict" value="correct">
            <label>Qualification <select name="qualification"><option value="">none</option>\(qualifications)</select></label>
            <label>Date <input type="date" name="promise_date" value="\(p.proposed.promiseDate?.iso ?? "")"></label>
            <label>Amount <input name="amount" size="10" value="\(amount)"> \(currency ?? "")</label>
            <label>Dispute reason <select name="dispute_reason"><option value="">–</option>\(reasons)</select></label>
            <button type="submit">Save correction</button></form></details>
            """
    }
}
