import AgendaStore
import Foundation
import HTTPTypes
import Logging

extension WebServer {
    /// The proof of payment of a customer page's POST, checked: at most `maxUploadBytes`, a PDF, PNG or JPEG by its
    /// content. Nil when the form carries no file.
    func proofOfPayment(_ context: WebContext) throws -> (file: UploadedFile, mediaType: String)? {
        guard let file = context.files.first(where: { $0.field == ProofOfPayment.field }), !file.data.isEmpty else {
            return nil
        }
        guard file.data.count <= options.maxUploadBytes else {
            throw WebError(status: .contentTooLarge, message: "The file is too large.")
        }
        guard let type = ProofOfPayment.mediaType(of: file.data) else {
            throw WebError(status: .unsupportedMediaType, message: "Send a PDF, PNG or JPEG file.")
        }
        return (file, type)
    }

    /// Stores the proof as an upload of the customer, linked to the page comment.
    func storeProof(_ proof: (file: UploadedFile, mediaType: String), customer: Customer,
                    message: InboundMessageID) async throws {
        let name = String(proof.file.filename.prefix(200))
        _ = try await collectorStore().storeUpload(UploadInput(
            customer: customer.id, message: message, filename: name.isEmpty ? "proof-of-payment" : name,
            contentType: proof.mediaType, data: proof.file.data, receivedAt: options.now()))
    }

    /// A page comment for an upload sent without any answer: kind `comment`, intent "payment made", no proposal (the
    /// collector checks the file and qualifies the items).
    func storeProofComment(customer: Customer, proof: (file: UploadedFile, mediaType: String)) async throws
        -> InboundMessageID {
        let now = options.now()
        let raw = "customer-page-upload \(customer.id) \(now.timeIntervalSince1970) \(proof.file.data.count) "
            + proof.file.filename
        let message = InboundMessage(raw: Data(raw.utf8), kind: .comment, subject: "Customer page",
                                     receivedAt: now, customer: customer.id, correlation: .captureToken)
        let analysis = MessageAnalysis(language: customer.language, visibleText: "Proof of payment: \(proof.file.filename)",
                                       intent: .paymentMade, confidence: 1,
                                       summary: "Customer page: proof of payment uploaded", modelVersion: "customer-page",
                                       proposals: [])
        return try await store.storeInbound(message, analysis: analysis).id
    }
}
