extension ReasonRule {
    /// Authentication or transport security required or failed (RFC 4954 530/535, RFC 3207 STARTTLS).
    static let securityError = ReasonRule(.securityError, [
        "authentication required", "authentication is required", "authentication failed",
        "authentication failure", "not authenticated", "must issue a starttls", "starttls", "tls required",
        "encryption required", "must use tls", "certificate", "smtp auth", "insecure", "5.7.0 authentication",
        "user not authenticated", "sender is not authenticated", "submission requires authentication",
        "security policy", "authentication credentials invalid", "login required",
            "delivery not authorized",
    ])
}
