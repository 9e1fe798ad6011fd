extension AgendaSchema {
    /// What auto-replies say (return date, alternative contact), one row per auto-reply that names one, and an index
    /// for the customer's last done action of a channel (linking a reply matched by sender or items to the email it
    /// answers).
    static let autoReplyDetails = """
        CREATE TABLE autoReply (
            messageId INTEGER PRIMARY KEY REFERENCES inboundMessage(id) ON DELETE CASCADE,
            returnDate TEXT CHECK (returnDate IS NULL OR returnDate GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            redirectContact TEXT CHECK (redirectContact IS NULL OR length(redirectContact) > 0),
            CHECK (returnDate IS NOT NULL OR redirectContact IS NOT NULL));
        CREATE INDEX action_done ON action(customerId, channel, doneDate) WHERE status = 'done';
        """
}
