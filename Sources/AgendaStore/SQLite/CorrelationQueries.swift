import Foundation
import GRDB

extension SQLiteAgendaStore: CorrelationStore {
    // MARK: Capture tokens

    public func captureToken(for customer: CustomerID) async throws -> String {
        try await pool.write { db in
            if let token = try String.fetchOne(db, sql: "SELECT token FROM captureToken WHERE customerId = ?",
                                               arguments: [customer.rawValue]) { return token }
            try Self.requireCustomer(db, customer)
            // A collision among 32^7 values is unlikely but possible: draw again.
            for _ in 0..<8 {
                let token = CaptureToken.generate()
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM captureToken WHERE token = ?", arguments: [token]) == nil {
                    try db.execute(sql: "INSERT INTO captureToken (token, customerId, createdAt) VALUES (?, ?, ?)",
                                   arguments: [token, customer.rawValue, Date()])
                    return token
                }
            }
            throw AgendaStoreError(.invalidState, "no free capture token after 8 draws")
        }
    }

    public func setCaptureToken(_ token: String, for customer: CustomerID) async throws {
        let token = token.lowercased()
        guard CaptureToken.isValid(token) else {
            throw AgendaStoreError(.invalidArgument, "capture token must be 3 to 32 characters a-z 0-9")
        }
        try await pool.write { db in
            try Self.requireCustomer(db, customer)
            if let owner = try Int64.fetchOne(db, sql: "SELECT customerId FROM captureToken WHERE token = ?",
                                              arguments: [token]), owner != customer.rawValue {
                throw AgendaStoreError(.invalidState, "capture token already used by customer \(owner)")
            }
            try db.execute(sql: "DELETE FROM captureToken WHERE customerId = ?", arguments: [customer.rawValue])
            try db.execute(sql: "INSERT INTO captureToken (token, customerId, createdAt) VALUES (?, ?, ?)",
                           arguments: [token, customer.rawValue, Date()])
        }
    }

    public func resolveCaptureToken(_ token: String) async throws -> CorrelationTarget? {
        let token = token.lowercased()
        guard CaptureToken.isValid(token) else { return nil }
        return try await pool.read { db in
            if let customer = try Int64.fetchOne(db, sql: "SELECT customerId FROM captureToken WHERE token = ?",
                                                 arguments: [token]) {
                return CorrelationTarget(customer: CustomerID(customer))
            }
            // Per-action tokens (`action.captureToken`) follow the same lower-case format.
            return try Row.fetchOne(db, sql: "SELECT id, customerId FROM action WHERE captureToken = ?",
                                    arguments: [token]).map(Self.target)
        }
    }

    // MARK: Sent messages

    public func recordSentMessage(messageID: String, action: ActionID?, customer: CustomerID) async throws {
        let id = Self.bareMessageID(messageID)
        guard !id.isEmpty, !id.contains(where: { $0 == "<" || $0 == ">" || $0 == " " }) else {
            throw AgendaStoreError(.invalidArgument, "not a Message-ID")
        }
        try await pool.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT actionId, customerId FROM sentMessage WHERE messageId = ?",
                                          arguments: [id]) {
                guard row["customerId"] == customer.rawValue, row["actionId"] == action?.rawValue else {
                    throw AgendaStoreError(.invalidState, "Message-ID already recorded for another action")
                }
                return
            }
            try Self.requireCustomer(db, customer)
            try db.execute(sql: "INSERT INTO sentMessage (messageId, actionId, customerId, recordedAt) VALUES (?, ?, ?, ?)",
                           arguments: [id, action?.rawValue, customer.rawValue, Date()])
        }
    }

    public func resolveSentMessage(_ messageIDs: [String]) async throws -> CorrelationTarget? {
        let ids = messageIDs.map(Self.bareMessageID).filter { !$0.isEmpty }
        guard !ids.isEmpty else { return nil }
        return try await pool.read { db in
            for id in ids {
                if let row = try Row.fetchOne(db, sql: "SELECT actionId AS id, customerId FROM sentMessage WHERE messageId = ?",
                                              arguments: [id]) {
                    return Self.target(row)
                }
                if let row = try Row.fetchOne(db, sql: "SELECT id, customerId FROM action WHERE outboundMessageId IN (?, ?)",
                                              arguments: [id, "<\(id)>"]) {
                    return Self.target(row)
                }
            }
            return nil
        }
    }

    // MARK: Contacts and items

    public func customers(contactAddress: String) async throws -> [CustomerID] {
        let address = contactAddress.trimmingCharacters(in: .whitespaces)
        guard address.contains("@") else { return [] }
        return try await pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT customerId FROM contact WHERE email = ? COLLATE NOCASE ORDER BY customerId LIMIT 10
                """, arguments: [address]).map(CustomerID.init)
        }
    }

    public func customers(contactDomain: String) async throws -> [CustomerID] {
        let domain = contactDomain.trimmingCharacters(in: .whitespaces).lowercased()
        guard !domain.isEmpty, !domain.contains("@") else { return [] }
        return try await pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT customerId FROM contact
                WHERE email IS NOT NULL AND \(AgendaSchema.contactDomain) = ? ORDER BY customerId LIMIT 10
                """, arguments: [domain]).map(CustomerID.init)
        }
    }

    public func itemOwners(_ numbers: [String]) async throws -> [String: CustomerID] {
        let keyed = numbers.map { ($0, ItemNumberKey.make($0)) }.filter { !$1.isEmpty }
        guard !keyed.isEmpty else { return [:] }
        return try await pool.read { db in
            var owners: [String: CustomerID] = [:]
            for (number, key) in keyed {
                if let customer = try Int64.fetchOne(db, sql: """
                    SELECT customerId FROM item WHERE \(AgendaSchema.itemNumberKey) = ? LIMIT 1
                    """, arguments: [key]) {
                    owners[number] = CustomerID(customer)
                }
            }
            return owners
        }
    }

    // MARK: Inbound messages with bounces

    public func storeInbound(_ message: InboundMessage, analysis: MessageAnalysis?, bounce: BounceInput?) async throws
        -> StoredInbound {
        let prepared = try SealedInbound(message, analysis: analysis)
        return try await pool.write { db in
            let stored = try Self.insertInbound(db, prepared)
            if stored.created, let bounce { try Self.insertBounce(db, message: stored.id, bounce) }
            return stored
        }
    }

    public func bounces(after: InboundMessageID?, limit: Int) async throws -> [StoredBounce] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.messageId, b.originalMessageId, m.receivedAt, m.customerId, m.actionId
                FROM bounce b JOIN inboundMessage m ON m.id = b.messageId
                WHERE b.messageId > ? ORDER BY b.messageId LIMIT ?
                """, arguments: [after?.rawValue ?? 0, max(0, limit)])
            return try rows.map { row in
                let id: Int64 = row["messageId"]
                let recipients = try Row.fetchAll(db, sql: """
                    SELECT * FROM bounceRecipient WHERE messageId = ? ORDER BY position
                    """, arguments: [id]).map { recipient in
                    BounceRecipient(address: recipient["address"], status: recipient["status"],
                                    replyCode: recipient["replyCode"], reason: recipient["reason"],
                                    hard: recipient["hard"], diagnostic: recipient["diagnostic"])
                }
                return StoredBounce(message: InboundMessageID(id), receivedAt: row["receivedAt"],
                                    customer: (row["customerId"] as Int64?).map(CustomerID.init),
                                    action: (row["actionId"] as Int64?).map(ActionID.init),
                                    originalMessageID: row["originalMessageId"], recipients: recipients)
            }
        }
    }

    // MARK: Queues

    public func inboundRecord(_ id: InboundMessageID) async throws -> InboundRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.recordSelect) WHERE m.id = ?", arguments: [id.rawValue])
                .map(Self.record)
        }
    }

    public func inboundQueue(_ queue: InboundQueue, limit: Int) async throws -> [InboundRecord] {
        let condition = switch queue {
        case .unmatched: "m.correlation = 'unmatched'"
        case .quarantined: "m.quarantineReason IS NOT NULL"
        }
        return try await pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.recordSelect) WHERE \(condition) ORDER BY m.receivedAt DESC, m.id DESC LIMIT ?",
                             arguments: [max(0, limit)]).map(Self.record)
        }
    }

    // MARK: Helpers

    /// The columns ``record(_:)`` reads: the message (`m`) and its auto-reply details.
    static let recordSelect = """
        SELECT m.*, a.messageId AS autoReplyId, a.returnDate AS autoReplyReturnDate,
            a.redirectContact AS autoReplyContact
        FROM inboundMessage m LEFT JOIN autoReply a ON a.messageId = m.id
        """

    static func record(_ row: Row) throws -> InboundRecord {
        let mailbox: String? = row["mailbox"]
        let source = mailbox.map { MailboxPosition(mailbox: $0, uidValidity: row["uidValidity"], uid: row["uid"]) }
        return InboundRecord(id: InboundMessageID(row["id"]), source: source,
                             kind: try Decode.required(MessageKind.self, row["kind"]), messageID: row["messageIdHeader"],
                             fromAddress: row["fromAddress"], subject: row["subject"], receivedAt: row["receivedAt"],
                             customer: (row["customerId"] as Int64?).map(CustomerID.init),
                             action: (row["actionId"] as Int64?).map(ActionID.init),
                             correlation: try Decode.required(Correlation.self, row["correlation"]),
                             quarantineReason: row["quarantineReason"],
                             autoReply: (row["autoReplyId"] as Int64?) == nil ? nil
                                 : AutoReplyDetails(returnDate: try Decode.day(row["autoReplyReturnDate"]),
                                                    redirectContact: row["autoReplyContact"]))
    }

    /// `<id@host>` and ` id@host ` give `id@host`.
    static func bareMessageID(_ raw: String) -> String {
        var id = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if id.hasPrefix("<"), id.hasSuffix(">"), id.count >= 2 { id = id.dropFirst().dropLast() }
        return String(id)
    }

    /// A target from a row with `id` (the action, may be NULL) and `customerId`.
    static func target(_ row: Row) -> CorrelationTarget {
        CorrelationTarget(customer: CustomerID(row["customerId"]), action: (row["id"] as Int64?).map(ActionID.init))
    }

    static func requireCustomer(_ db: Database, _ customer: CustomerID) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [customer.rawValue]) != nil
        else { throw AgendaStoreError(.notFound, "customer \(customer)") }
    }
}
