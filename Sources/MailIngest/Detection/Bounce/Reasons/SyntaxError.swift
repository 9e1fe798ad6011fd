extension ReasonRule {
    /// The sending side spoke bad SMTP (RFC 5321 500, 501, 503 and RFC 3463 X.5.x).
    static let syntaxError = ReasonRule(.syntaxError, [
        "syntax error", "command unrecognized", "command not recognized", "bad command sequence",
        "unrecognized command", "bad sequence of commands", "invalid command", "command not implemented",
        "line too long", "parameter not", "unknown command",
    ])
}
