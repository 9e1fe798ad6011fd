/// What the agenda knows when a reply comes in (DESIGN.md, "context file").
public struct ReplyContext: Sendable, Hashable {
    /// One open item of the customer.
    public struct OpenItem: Sendable, Hashable {
        public var number: String
        public var amount: Money?
        public var due: LocalDate?

        public init(number: String, amount: Money? = nil, due: LocalDate? = nil) {
            self.number = number
            self.amount = amount
            self.due = due
        }
    }

    /// The day relative dates resolve against.
    public var today: LocalDate
    /// The customer's language when the agenda knows it (else identified from the text).
    public var language: String?
    public var openItems: [OpenItem]

    public init(today: LocalDate, language: String? = nil, openItems: [OpenItem] = []) {
        self.today = today
        self.language = language
        self.openItems = openItems
    }

    /// The currency of the open items when they share one.
    var currency: String? {
        let currencies = Set(openItems.compactMap(\.amount?.currency))
        return currencies.count == 1 ? currencies.first : nil
    }
}
