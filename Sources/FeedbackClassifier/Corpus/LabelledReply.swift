/// One labelled example of `corpus/replies/<lang>.jsonl` (DESIGN.md, "Corpus format"; corpus/LABELS.md).
public struct LabelledReply: Sendable, Hashable, Codable {
    /// One item the reply says something about.
    public struct Item: Sendable, Hashable, Codable {
        public var number: String
        public var qualification: String?
        public var promiseDate: String?
        public var amount: String?
        public var disputeReason: DisputeReason?

        enum CodingKeys: String, CodingKey {
            case number, qualification, amount
            case promiseDate = "promise_date"
            case disputeReason = "dispute_reason"
        }
    }

    /// One open item of the customer when the reply came.
    public struct OpenItem: Sendable, Hashable, Codable {
        public var number: String
        public var amount: String?
        public var currency: String?
        public var due: String?
    }

    public var id: String
    public var lang: String
    /// The visible reply only.
    public var text: String
    public var intent: Intent
    public var intents: [Intent]?
    public var disputeReason: DisputeReason?
    public var items: [Item]?
    public var openItems: [OpenItem]?
    public var now: String?
    public var returnDate: String?
    public var redirectContact: String?
    /// `written`, `generated` or `decision`.
    public var source: String?
    /// `train` or `test`.
    public var split: String?

    enum CodingKeys: String, CodingKey {
        case id, lang, text, intent, intents, items, now, source, split
        case disputeReason = "dispute_reason"
        case openItems = "open_items"
        case returnDate = "return_date"
        case redirectContact = "redirect_contact"
    }
}
