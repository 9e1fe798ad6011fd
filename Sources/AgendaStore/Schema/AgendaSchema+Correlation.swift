extension AgendaSchema {
    /// The key an item number is matched on when a reply names it (`F 118`, `f-118`, `F/118` all give `F118`):
    /// ASCII upper case without separators. The same expression indexes the column and queries it, so SQLite uses
    /// the index; ``ItemNumberKey/make(_:)`` computes it in Swift.
    static let itemNumberKey = """
        upper(replace(replace(replace(replace(replace(replace(number, ' ', ''), '-', ''), '/', ''), '.', ''), \
        '_', ''), '#', ''))
        """

    /// The domain of a contact's email address, lower-cased (`anne@Acme.Example` gives `acme.example`).
    static let contactDomain = "lower(substr(email, instr(email, '@') + 1))"

    /// Reply correlation (DESIGN.md, "Reply capture"): per-customer capture tokens, the Message-IDs of sent emails,
    /// the recipients of bounces, expression indexes for matching by item number and by sender domain, and partial
    /// indexes for the unmatched and quarantine queues.
    static let replyCorrelation = """
        CREATE TABLE captureToken (
            token TEXT PRIMARY KEY
                CHECK (length(token) BETWEEN 3 AND 32 AND token = lower(token) AND token NOT GLOB '*[^a-z0-9]*'),
            customerId INTEGER NOT NULL UNIQUE REFERENCES customer(id) ON DELETE CASCADE,
            createdAt TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE sentMessage (
            messageId TEXT PRIMARY KEY CHECK (length(messageId) > 0 AND messageId NOT GLOB '*[<> ]*'),
            actionId INTEGER REFERENCES action(id) ON DELETE SET NULL,
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            recordedAt TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX sentMessage_action ON sentMessage(actionId);
        CREATE TABLE bounce (
            messageId INTEGER PRIMARY KEY REFERENCES inboundMessage(id) ON DELETE CASCADE,
            originalMessageId TEXT);
        CREATE INDEX bounce_original ON bounce(originalMessageId);
        CREATE TABLE bounceRecipient (
            messageId INTEGER NOT NULL REFERENCES bounce(messageId) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            address TEXT NOT NULL,
            status TEXT NOT NULL,
            replyCode TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(reason) > 0),
            hard INTEGER NOT NULL CHECK (hard IN (0,1)),
            diagnostic TEXT NOT NULL,
            PRIMARY KEY (messageId, position)) WITHOUT ROWID;
        CREATE INDEX bounceRecipient_address ON bounceRecipient(address COLLATE NOCASE);
        CREATE INDEX item_number_key ON item(\(itemNumberKey));
        CREATE INDEX contact_email_domain ON contact(\(contactDomain)) WHERE email IS NOT NULL;
        CREATE INDEX inboundMessage_unmatched ON inboundMessage(receivedAt) WHERE correlation = 'unmatched';
        CREATE INDEX inboundMessage_quarantined ON inboundMessage(receivedAt) WHERE quarantineReason IS NOT NULL;
        """
}
