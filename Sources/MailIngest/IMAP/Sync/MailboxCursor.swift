/// What the store remembers about one IMAP mailbox between passes (RFC 9051 section 2.3.1.1; RFC 7162 for
/// HIGHESTMODSEQ). MailIngest's own copy of the store's sync state, so the sync logic needs no store.
public struct MailboxCursor: Sendable, Hashable {
    /// UIDVALIDITY the UIDs below belong to.
    public var uidValidity: UInt32
    /// Highest UID stored (0 when none yet).
    public var lastUID: UInt32
    /// HIGHESTMODSEQ seen at the end of the last complete pass, when the server has CONDSTORE.
    public var highestModSeq: UInt64?

    /// Makes a cursor.
    public init(uidValidity: UInt32, lastUID: UInt32, highestModSeq: UInt64? = nil) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
        self.highestModSeq = highestModSeq
    }
}

/// How a message is marked on the server once it is stored. Nothing is ever deleted, except that a move without the
/// MOVE extension is COPY + `\Deleted` + UID EXPUNGE of exactly the moved UIDs (RFC 6851, RFC 4315).
public enum MarkMode: Sendable, Hashable {
    /// Add a keyword (RFC 9051 section 2.3.2), e.g. `$Captured`.
    case keyword(String)
    /// Set `\Seen`.
    case seen
    /// Move the message to another mailbox.
    case move(to: String)

    /// The default: the keyword `$Captured`.
    public static let `default` = MarkMode.keyword("$Captured")

    /// True when a marked message leaves the mailbox, so whatever stays at or below the cursor still needs marking.
    public var removesFromMailbox: Bool {
        if case .move = self { return true }
        return false
    }
}
