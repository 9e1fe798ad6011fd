import AgendaStore
import Foundation
import Hummingbird
import Logging
import Metrics

extension WebServer {
    func addReplyRoutes(to router: Router<WebContext>) {
        router.get("/replies/:id") { request, context -> Response in
            let session = try Self.session(context)
            let (detail, customer) = try await visibleMessage(context, session: session)
            let lines = try await proposalLines(detail.id)
            let done = FormData(request.uri.query ?? "").nonEmpty("accepted").flatMap { Int($0) }
            return Responses.html(ReplyView.page(session: session, detail: detail, customer: customer, lines: lines,
                                                 confidentThreshold: options.confidentThreshold,
                                                 notice: done.map { "\($0) proposals accepted." }))
        }
        router.post("/replies/:id/decide") { _, context -> Response in
            try await decide(context)
        }
        router.post("/replies/:id/accept-confident") { _, context -> Response in
            let session = try Self.session(context)
            let (detail, _) = try await visibleMessage(context, session: session)
            var accepted = 0
            for line in try await proposalLines(detail.id)
            where ReplyView.isConfident(line, threshold: options.confidentThreshold) {
                try await store.decide(line.proposal.id, .accept, by: session.user.id, at: options.now())
                Counter(label: "ingestd_decisions_total", dimensions: [("decision", "accepted")]).increment()
                accepted += 1
            }
            context.logger.info("bulk accept", metadata: ["message.id": "\(detail.id)", "user.id": "\(session.user.id)",
                                                          "proposals": "\(accepted)"])
            return Responses.redirect("/replies/\(detail.id.rawValue)?accepted=\(accepted)")
        }
    }

    /// The message of the route's id if the user may see it (a collector: only their customers'); 404 otherwise.
    func visibleMessage(_ context: WebContext, session: Session) async throws -> (InboundDetail, Customer?) {
        guard let id = context.parameters.get("id", as: Int64.self),
              let detail = try await store.inboundDetail(InboundMessageID(id)) else { throw WebError.notFound }
        let customer: Customer? = try await detail.customer.asyncMap { try await store.customer($0) } ?? nil
        guard Self.may(session.user, see: customer) else { throw WebError.notFound }
        return (detail, customer)
    }

    func proposalLines(_ message: InboundMessageID) async throws -> [ReplyView.ProposalLine] {
        var lines: [ReplyView.ProposalLine] = []
        for proposal in try await store.proposals(of: message) {
            lines.append(.init(proposal: proposal, item: try await store.item(number: proposal.itemNumber)
                .flatMap { $0.id == proposal.item ? $0 : nil }))
        }
        return lines
    }

    /// Accepts, corrects or rejects one proposal of the route's message.
    func decide(_ context: WebContext) async throws -> Response {
        let session = try Self.session(context)
        let (detail, _) = try await visibleMessage(context, session: session)
        guard let raw = context.form["proposal"].flatMap({ Int64($0) }),
              let proposal = try await store.proposal(ProposalID(raw)), proposal.message == detail.id else {
            throw WebError.notFound
        }
        let verdict: ProposalVerdict
        switch context.form["verdict"] {
        case "accept": verdict = .accept
        case "reject": verdict = .reject
        case "correct":
            let currency = try await store.item(number: proposal.itemNumber)?.amount.currency ?? "EUR"
            verdict = .correct(try correction(context.form, currency: currency))
        default: throw WebError.badRequest
        }
        do {
            try await store.decide(proposal.id, verdict, by: session.user.id, at: options.now())
        } catch let error as AgendaStoreError where error.code == .invalidState {
            throw WebError(status: .conflict, message: "This proposal was already decided or names no known item.")
        }
        let decision = switch verdict {
        case .accept: "accepted"
        case .reject: "rejected"
        case .correct: "corrected"
        }
        Counter(label: "ingestd_decisions_total", dimensions: [("decision", decision)]).increment()
        context.logger.info("proposal decided", metadata: ["proposal.id": "\(proposal.id)", "decision": "\(decision)",
                                                           "user.id": "\(session.user.id)"])
        return Responses.redirect("/replies/\(detail.id.rawValue)")
    }

    /// The corrected state from the correction form.
    func correction(_ form: FormData, currency: String) throws -> QualificationState {
        var state = QualificationState()
        if let text = form.nonEmpty("qualification") {
            guard let q = Qualification(rawValue: text) else { throw WebError.badRequest }
            state.qualification = q
        }
        if state.qualification == .promiseToPay, let text = form.nonEmpty("promise_date") {
            guard let day = Day(iso: text) else { throw WebError.badRequest }
            state.promiseDate = day
        }
        if [.dispute, .litigation, .disputeResolved].contains(state.qualification),
           let text = form.nonEmpty("dispute_reason") {
            guard let reason = DisputeReason(rawValue: text) else { throw WebError.badRequest }
            state.disputeReason = reason
        }
        if state.qualification != nil, let text = form.nonEmpty("amount") {
            guard let minor = Format.minorUnits(text, currency: currency) else { throw WebError.badRequest }
            state.amountMinor = minor
        }
        return state
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
