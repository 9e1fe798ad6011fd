extension AgendaSchema {
    /// Files customers upload from their page (proof of payment, issue #8): stored in the database, outside any
    /// served folder, linked to the page comment they came with.
    static let collectorUploads = """
        CREATE TABLE upload (
            id INTEGER PRIMARY KEY,
            customerId INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            messageId INTEGER REFERENCES inboundMessage(id) ON DELETE CASCADE,
            filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
            contentType TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            data BLOB NOT NULL,
            receivedAt TEXT NOT NULL);
        CREATE INDEX upload_message ON upload(messageId);
        """
}
