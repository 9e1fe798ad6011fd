extension ReasonRule {
    /// The recipient's mailbox is over its quota (RFC 3463 X.2.2).
    static let mailboxFull = ReasonRule(.mailboxFull, [
        "mailbox full", "mailbox is full", "mailbox*is full", "mailbox has exceeded", "mailbox size limit",
        "mailbox quota", "quota exceeded", "quota exceed", "over quota", "overquota", "over the quota",
        "exceeded storage allocation", "exceeds storage", "storage quota", "disk quota", "exceeded the quota",
        "exceeded its quota", "exceed the quota", "exceeds the quota", "user is over", "account is full",
        "account is over", "mail box full", "mailfolder is full", "mail folder is full", "full mailbox",
        "not enough storage space", "insufficient disk space in mailbox", "too much mail data",
        "recipient's mailbox is full", "inbox is full", "inbox full", "mailbox exceeded", "out of storage",
        "boite pleine", "boîte pleine", "postfach voll", "is over its storage", "has exceeded its allowed storage",
        "maildir over quota", "delivery failed: over quota", "quota_exceeded", "quota violation",
        "size of the mailbox", "would exceed", "exceeds the available storage",
    ])
}
