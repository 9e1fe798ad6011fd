/// What an automatic reply (RFC 3834) tells about its author: when they are back and whom to write to meanwhile.
public struct AutoReplyInfo: Sendable, Hashable {
    /// The day the absence ends, `YYYY-MM-DD`, resolved against the message date; nil when the text gives none.
    public var returnDate: String?
    /// An address the text gives as the alternative contact (never the sender's own), or nil.
    public var redirectContact: String?

    public init(returnDate: String? = nil, redirectContact: String? = nil) {
        self.returnDate = returnDate
        self.redirectContact = redirectContact
    }
}
