extension ReasonRule {
    /// The mailbox exists but is disabled, suspended or inactive (RFC 3463 X.2.1).
    static let suspend = ReasonRule(.suspend, [
        "mailbox disabled", "mailbox has been disabled", "mailbox is disabled", "account disabled",
        "account has been disabled", "account is disabled", "account has been suspended", "account is suspended",
        "account suspended", "mailbox suspended", "mailbox is suspended", "mailbox currently suspended",
        "user suspended", "is suspended", "has been suspended", "temporarily disabled", "account inactive",
        "account is inactive", "mailbox is inactive", "mailbox inactive", "inactive account", "inactive user",
        "is not active", "account expired", "account has expired", "account is locked", "account locked",
        "account has been locked", "mailbox is frozen", "account frozen", "boite du destinataire archivee",
        "boite du destinataire fermee", "recipient suspend", "disabled recipient", "user account is unavailable",
        "mailbox not active", "is a deactivated mailbox", "deactivated", "user is inactive", "not active",
        "this mailbox is closed", "account has been temporarily",
            "tried to reach is disabled", "tried to reach is inactive", "compte du destinataire est bloque", "recipient account is blocked", "account is blocked",
    ])
}
