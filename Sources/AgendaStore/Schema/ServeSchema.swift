extension AgendaSchema {
    /// Password hashes of the web UI's local users (issue #8): one row per user, the bcrypt string only.
    static let serveCredentials = """
        CREATE TABLE userCredential (
            userId INTEGER PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,
            passwordHash TEXT NOT NULL CHECK (substr(passwordHash, 1, 1) = '$' AND length(passwordHash) >= 59),
            updatedAt TEXT NOT NULL);
        """
}
