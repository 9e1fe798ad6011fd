import AgendaStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics

extension WebServer {
    /// The customers' interactive page at `/c/<signed token>`. Without a server key the page does not exist.
    func addCustomerPageRoutes(to router: Router<WebContext>) {
        router.get("/c/:token") { request, context -> Response in
            let (token, customer) = try await pageCustomer(context)
            let sent = FormData(request.uri.query ?? "")["sent"] == "1"
            return try await customerPage(customer, token: token, sent: sent)
        }
        router.post("/c/:token") { _, context -> Response in
            let (token, customer) = try await pageCustomer(context)
            let items = try await openItems(customer)
            var lines: [PageSubmission.Line] = []
            for item in items {
                let id = item.id.rawValue
                let comment = String((context.form["comment_\(id)"] ?? "").trimmingWhitespace().prefix(2000))
                var answer: PageSubmission.Answer?
                switch context.form["answer_\(id)"] ?? "" {
                case "paid": answer = .paid
                case "promise":
                    guard let day = context.form.nonEmpty("date_\(id)").flatMap(Day.init(iso:)) else {
                        throw WebError(status: .badRequest, message: "A promise needs a date.")
                    }
                    answer = .promise(day)
                case "dispute": answer = .dispute(context.form.nonEmpty("reason_\(id)").flatMap(DisputeReason.init(rawValue:)))
                case "": answer = nil
                default: throw WebError.badRequest
                }
                if answer != nil || !comment.isEmpty { lines.append(.init(item: item, answer: answer, comment: comment)) }
            }
            let proof = try proofOfPayment(context)
            if !lines.isEmpty || proof != nil {
                let id: InboundMessageID
                if let proof, lines.isEmpty {
                    id = try await storeProofComment(customer: customer, proof: proof)
                } else {
                    id = try await submissions.accept(PageSubmission(customer: customer, lines: lines,
                                                                     receivedAt: options.now()))
                }
                if let proof { try await storeProof(proof, customer: customer, message: id) }
                Counter(label: "ingestd_page_submissions_total").increment()
                context.logger.info("customer page submission", metadata: ["customer.id": "\(customer.id)",
                                                                           "message.id": "\(id)",
                                                                           "items": "\(lines.count)",
                                                                           "upload": "\(proof != nil)"])
            }
            return Responses.redirect("/c/\(token)?sent=1")
        }
    }

    /// The customer of an authentic, unexpired token; a plain 404 otherwise (the same for every failure).
    func pageCustomer(_ context: WebContext) async throws -> (String, Customer) {
        guard let signer = linkSigner, let token = context.parameters.get("token"),
              let id = signer.verify(token, now: options.now()),
              let customer = try await store.customer(id) else { throw WebError.notFound }
        return (token, customer)
    }

    func openItems(_ customer: Customer) async throws -> [Item] {
        try await store.items(of: customer.id).filter { $0.openAmount.minorUnits > 0 }
    }

    func customerPage(_ customer: Customer, token: String, sent: Bool) async throws -> Response {
        guard let signer = linkSigner else { throw WebError.notFound }
        var response = Responses.html(CustomerPageView.page(customer: customer, items: try await openItems(customer),
                                                            token: token, formToken: signer.formToken(for: token),
                                                            sent: sent, uploadMegabytes: options.maxUploadBytes / 1_048_576))
        // The token is in the URL: never send it on as a referrer.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
