/// How an item stands (DESIGN.md, "Qualification").
public enum Qualification: String, Sendable, Hashable, CaseIterable, Codable {
    case ongoing
    case promiseToPay = "promise_to_pay"
    case dispute
    case disputeResolved = "dispute_resolved"
    case litigation
}

/// A proposed qualification for one item, with the sentence that justifies it.
public struct ItemProposal: Sendable, Hashable {
    /// The open item's number (or the reference as written when it names no open item).
    public var number: String
    /// Nil when the reply says nothing that qualifies the item (a copy request, a wrong contact).
    public var qualification: Qualification?
    public var promiseDate: LocalDate?
    /// A partial amount; nil when the whole open amount is meant or none is said.
    public var amount: Money?
    public var disputeReason: DisputeReason?
    /// Calibrated probability of the intent behind the qualification.
    public var confidence: Float
    /// The sentence of the reply that says so.
    public var evidence: String
    /// The intent behind the qualification.
    public var intent: Intent
}

/// Everything the classifier says about one reply.
public struct ReplyInterpretation: Sendable, Hashable {
    /// ISO 639-1 code, or nil when unknown.
    public var language: String?
    public var intent: IntentPrediction
    /// The dispute reason when the reply disputes.
    public var disputeReason: DisputeReason?
    /// One proposal per item the reply is about (every open item when it names none).
    public var items: [ItemProposal]
    /// One line for the collector.
    public var summary: String
    /// Another address to write to (wrong contact, out of office).
    public var redirectContact: String?
    /// When an absent person is back (auto-replies).
    public var returnDate: LocalDate?
}
