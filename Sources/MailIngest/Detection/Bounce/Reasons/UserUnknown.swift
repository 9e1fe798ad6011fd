extension ReasonRule {
    /// The mailbox does not exist at the destination (RFC 3463 X.1.1, X.1.3; X.2.1 in some MTAs' words).
    static let userUnknown = ReasonRule(.userUnknown, [
        "user unknown", "unknown user", "user_unknown", "unknown recipient", "recipient unknown", "unknown local part",
        "unknown local-part", "no such user", "no such mailbox", "no such recipient", "no such address",
        "no such account", "no mailbox here by that name", "mailbox not found", "mailbox unavailable",
        "mailbox does not exist", "mailbox doesn't exist", "mailbox is not valid", "mailbox name not allowed",
        "user not found", "recipient not found", "address not found", "recipientnotfound", "recipnotfound",
        "user does not exist", "user doesn't exist", "user doesn't have a", "recipient does not exist",
        "address does not exist", "account does not exist", "email account that you tried to reach does not exist",
        "account that you tried to reach does not exist", "does not exist here", 
        "invalid recipient", "invalid mailbox", "invalid user", "invalid address", "invalid e-mail address",
        "is not a valid mailbox", "not a valid recipient", "no valid recipients", "bad recipient",
        "recipient rejected", "unrouteable address", "unknown address",
        "addressee unknown", "address unknown", "unknown or illegal alias", "no mailbox", "not our customer",
        "user invalid", "undeliverable address", "unknown e-mail address", "destination mailbox address invalid",
        "recipient is not local", "no account by that name", "mailbox name invalid",
        "user is unknown", "this user doesn't have a", "is unknown to", "not listed in", "no one here by that name",
        "adresse d au moins un destinataire invalide", "destinataire invalide", "utilisateur inconnu",
        "benutzer unbekannt", "unbekannter empf", "the recipient's mailbox is unknown", "no such local user",
        "address lookup failure", "email address could not be found",
        "this account is not allowed", "user account not found",
            "invalid final delivery userid", "no such user here", "email account that you tried to reach does not exist",
            "recipient address rejected: access denied", "user not exist", "not exist",
    ])
}

extension ReasonRule {
    /// Postfix's bare "Recipient address rejected." with nothing after it, tried after the status code (the phrase
    /// also prefixes every other restriction's message).
    static let userUnknownVague = ReasonRule(.userUnknown, ["recipient address rejected"])
}
