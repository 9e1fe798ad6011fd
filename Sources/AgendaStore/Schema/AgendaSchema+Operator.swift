extension AgendaSchema {
    /// The operators' pages (issue #8): what was done with a quarantined message, the labels operators give to
    /// replies the classifier was unsure of, and an index that finds the quarantine without reading every message.
    static let operatorLabels = """
        CREATE TABLE quarantineDisposition (
            messageId INTEGER PRIMARY KEY REFERENCES inboundMessage(id) ON DELETE CASCADE,
            disposition TEXT NOT NULL CHECK (disposition IN ('released','discarded')),
            userId INTEGER NOT NULL REFERENCES user(id),
            at TEXT NOT NULL);
        CREATE INDEX inboundMessage_quarantine ON inboundMessage(id) WHERE quarantineReason IS NOT NULL;
        CREATE TABLE replyLabel (
            messageId INTEGER PRIMARY KEY REFERENCES inboundMessage(id) ON DELETE CASCADE,
            intent TEXT NOT NULL CHECK (intent IN ('promise_to_pay','payment_made','dispute','invoice_request',
                                                   'payment_plan','wrong_contact','acknowledgement','auto_reply','other')),
            disputeReason TEXT CHECK (disputeReason IN (\(reasons))),
            userId INTEGER NOT NULL REFERENCES user(id),
            labelledAt TEXT NOT NULL,
            CHECK (disputeReason IS NULL OR intent = 'dispute'));
        CREATE INDEX replyLabel_at ON replyLabel(labelledAt);
        """
}
