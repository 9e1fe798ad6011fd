extension ReasonRule {
    /// A local delivery program (pipe, procmail, command) failed.
    static let mailerError = ReasonRule(.mailerError, [
        "mailer error", "command died", "command failed", "pipe to |",
        "procmail", "program terminated", "x-unix", "unknown mailer error", "local delivery failed",
        "delivery program", "mail.local", "error in sieve",
            "procmail:", "mailer error", "command died with status",
    ])
}
