public import Foundation

/// One logged-in IMAP connection as the mailbox poller uses it (RFC 9051). Calls block and must run on a thread of
/// their own, never on the cooperative pool; every call is bounded by the session's timeout and throws
/// ``IMAPError`` on failure. Not thread-safe: one session is used by one thread at a time.
///
/// This protocol is the contract between the libetpan-backed session (`Sources/MailIngest/IMAP`) and the sync driver
/// (`Sources/ingestd/Mail`); keep it small and stable.
public protocol IMAPMailboxSession: AnyObject {
    /// Capabilities announced after login, upper-cased (e.g. "IDLE", "CONDSTORE", "QRESYNC", "MOVE", "UIDPLUS").
    var capabilities: Set<String> { get }
    /// SELECT (or EXAMINE when `readOnly`) with CONDSTORE when offered (RFC 7162).
    func select(_ mailbox: String, readOnly: Bool) throws -> IMAPMailboxStatus
    /// `UID SEARCH UID first:*`: the UIDs at or above `first`, ascending (the server may answer the highest UID for an
    /// empty range; callers filter).
    func searchUIDs(from first: UInt32) throws -> [UInt32]
    /// `UID FETCH` of `BODY.PEEK[]`, INTERNALDATE and RFC822.SIZE for `uids` in one command; results ascending by UID.
    /// UIDs that no longer exist are simply absent.
    func fetch(uids: [UInt32]) throws -> [IMAPFetchedMessage]
    /// `UID STORE +FLAGS.SILENT` (a keyword such as `$Captured`, or `\Seen`).
    func addFlags(_ flags: [String], uids: [UInt32]) throws
    /// Moves messages to `mailbox`: MOVE (RFC 6851) when offered, else COPY + `\Deleted` + UID EXPUNGE (RFC 4315).
    func move(uids: [UInt32], to mailbox: String) throws
    /// IDLE (RFC 2177) until the server reports a change (returns true) or `timeout` passes (returns false).
    func idle(timeout: Duration) throws -> Bool
    /// LOGOUT and close; never throws.
    func logout()
}

/// What SELECT reports about a mailbox.
public struct IMAPMailboxStatus: Sendable, Hashable {
    /// UIDVALIDITY (RFC 9051 section 2.3.1.1).
    public var uidValidity: UInt32
    /// UIDNEXT, when the server sent it.
    public var uidNext: UInt32?
    /// HIGHESTMODSEQ (RFC 7162), when CONDSTORE is enabled.
    public var highestModSeq: UInt64?
    /// EXISTS: the number of messages.
    public var messageCount: Int

    /// Makes a status.
    public init(uidValidity: UInt32, uidNext: UInt32?, highestModSeq: UInt64?, messageCount: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.highestModSeq = highestModSeq
        self.messageCount = messageCount
    }
}

/// One message as fetched.
public struct IMAPFetchedMessage: Sendable, Hashable {
    /// Its UID.
    public var uid: UInt32
    /// The whole message, `BODY.PEEK[]`.
    public var raw: Data
    /// INTERNALDATE, when sent.
    public var internalDate: Date?
    /// RFC822.SIZE, when sent.
    public var size: Int?

    /// Makes a fetched message.
    public init(uid: UInt32, raw: Data, internalDate: Date?, size: Int?) {
        self.uid = uid
        self.raw = raw
        self.internalDate = internalDate
        self.size = size
    }
}

/// Why an IMAP step failed. Carries codes and the server's status words, never message text.
public enum IMAPError: Error, Sendable, Hashable {
    /// TCP connect failed or the connection was cut.
    case connection(String)
    /// A step took longer than the configured timeout.
    case timeout(step: String)
    /// The server's certificate was refused (reason from verification), or TLS failed.
    case tls(String)
    /// LOGIN/AUTHENTICATE refused: bad credentials.
    case authentication(String)
    /// The server answered NO or BAD to a command.
    case command(name: String, response: String)
    /// The server closed the session (BYE), e.g. after a UIDVALIDITY change.
    case bye(String)
    /// A capability the configuration needs is missing.
    case unsupported(String)
}
