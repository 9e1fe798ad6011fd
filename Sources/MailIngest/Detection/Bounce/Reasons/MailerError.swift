extension ReasonRule {
    /// A local delivery program (pipe, procmail, command) failed.
    static let mailerError = ReasonRule(.mailerError, [
        "mailer error", "command died", "command failed", "exit status", "exited with", "pipe to |",
        "pipe to", "procmail", "program terminated", "x-unix", "unknown mailer error", "local delivery failed",
        "child process", "command output", "delivery program", "mail.local", "error in sieve",
    ])
}
