/// What a customer's reply says (DESIGN.md, "Intent").
public enum Intent: String, Sendable, Hashable, CaseIterable, Codable {
    case promiseToPay = "promise_to_pay"
    case paymentMade = "payment_made"
    case dispute
    case invoiceRequest = "invoice_request"
    case paymentPlan = "payment_plan"
    case wrongContact = "wrong_contact"
    case acknowledgement
    case autoReply = "auto_reply"
    case other
}

/// Why an item is disputed (DESIGN.md, "Qualification").
public enum DisputeReason: String, Sendable, Hashable, CaseIterable, Codable {
    case price, quality, delivery, administrative
}
