extension AgendaSchema {
    /// Send bookkeeping of outbound actions (one row per action ever claimed): the claim (owner, time, the status it
    /// was claimed from), attempts and the next attempt time after temporary failures, the server's acceptance
    /// (time, queue id) and its last reply, and why an action is held back.
    static let outbound = """
        CREATE TABLE outboundSend (
            actionId INTEGER PRIMARY KEY REFERENCES action(id) ON DELETE CASCADE,
            claimOwner TEXT,
            claimedAt TEXT,
            claimedFrom TEXT CHECK (claimedFrom IN ('planned','confirmed')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            nextAttemptAt TEXT,
            sentAt TEXT,
            queueId TEXT,
            lastReply TEXT,
            heldReason TEXT);
        CREATE INDEX outboundSend_claimed ON outboundSend(claimedAt) WHERE claimOwner IS NOT NULL;
        CREATE INDEX action_sending ON action(status) WHERE status = 'sending';
        """
}
