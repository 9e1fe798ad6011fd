/// A reply body cut into the customer's new words, the quoted history and the signature.
///
/// Each part is the body's own lines joined with LF, with blank lines at its edges removed.
public struct ExtractedReply: Sendable, Hashable {
    /// The new text the sender wrote (for interleaved replies, the new lines between the quotes).
    public var visible: String
    /// Quoted history: `>` quoted lines, attribution headers ("On ... wrote:"), Outlook header blocks and
    /// everything under them, forwarded messages, mailing-list footers.
    public var quoted: String
    /// Sign-off block with the sender's details, `-- ` signature (RFC 3676 section 4.3), "Sent from my ..."
    /// lines and legal disclaimers.
    public var signature: String

    public init(visible: String, quoted: String = "", signature: String = "") {
        self.visible = visible
        self.quoted = quoted
        self.signature = signature
    }
}

/// What the caller knows about the message; all optional. Extraction never needs them: every language's
/// patterns are always tried on every message.
public struct ReplyHints: Sendable, Hashable {
    /// ISO 639-1 code of the message language, when known. Not used by the current rules, which are
    /// language-independent; kept so that callers pass it once and later rules may rank patterns by it.
    public var language: String?
    /// Display name of the sender (RFC 5322 From): a trailing line equal to it, followed by contact details,
    /// starts the signature even without a closing ("Ann Lee" / "+44 20 7946 0321").
    public var senderName: String?
    /// Decoded Subject of the message. Not used by the current rules (see `language`).
    public var subject: String?

    public init(language: String? = nil, senderName: String? = nil, subject: String? = nil) {
        self.language = language
        self.senderName = senderName
        self.subject = subject
    }
}
