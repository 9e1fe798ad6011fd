extension ReasonRule {
    /// The message breaks the receiving organisation's policy (attachments, content type, destination rules).
    static let policyViolation = ReasonRule(.policyViolation, [
        "policy violation", "violates policy", "violation of", "policy rejection", "local policy",
        "organization policy", "organisation policy", "by policy", "message policy", "prohibited attachment",
        "attachment type", "file type", "not allowed by policy", "because of its content", "content policy",
        "policy reasons", "you have no permission", "delivery policy", "rejected by policy",
            "header error", "content presents a potential", "host network not allowed", "denied by policy",
    ])
}
