public import Foundation
import GRDB

extension SQLiteAgendaStore {
    public func storeInbound(_ message: InboundMessage, analysis: MessageAnalysis?) async throws -> StoredInbound {
        let prepared = try SealedInbound(message, analysis: analysis)
        return try await pool.write { db in try Self.insertInbound(db, prepared) }
    }

    /// Writes a prepared message inside the caller's write transaction (see `storeInbound`). With `advanceCursor`
    /// false the caller advances the mailbox cursor itself, in the same transaction (``advanceCursors(_:_:)``).
    static func insertInbound(_ db: Database, _ prepared: SealedInbound, advanceCursor: Bool = true) throws
        -> StoredInbound {
        var tallies = TallyCounts()
        let stored = try insertInbound(db, prepared, advanceCursor: advanceCursor, tallies: &tallies)
        try tallies.write(db)
        return stored
    }

    /// `insertInbound` counting the message and its history event into `tallies`, which the caller writes before
    /// its transaction ends (a batch writes them once).
    static func insertInbound(_ db: Database, _ prepared: SealedInbound, advanceCursor: Bool,
                              tallies: inout TallyCounts, statements: InboundStatements? = nil) throws
        -> StoredInbound {
        let statements = try statements ?? InboundStatements(db)
        let message = prepared.message, analysis = prepared.analysis
        // One proposal per item number: the count is known before the row is written, so the row is written once
        // with its final value (the tally counts it under that value).
        let proposalCount = Set(analysis?.proposals.map(\.itemNumber) ?? []).count
        let receivedAt = StoredDate.string(message.receivedAt)
        let hash = prepared.hash, compressed = prepared.compressed
        // Cached statements: a batch runs these once per message in one transaction. The insert skips a message
        // already stored (same bytes, or the same mailbox position: both UNIQUE), which is then looked up; new
        // messages, nearly all of them, cost no lookup.
        try DirectBindings.execute(statements.message, in: db) {
            $0.bind(hash)
            $0.bind(message.source?.mailbox)
            $0.bind(message.source?.uidValidity)
            $0.bind(message.source?.uid)
            $0.bind(message.kind.rawValue)
            $0.bind(message.messageID)
            $0.bind(message.fromAddress)
            $0.bind(message.subject)
            $0.bind(receivedAt)
            $0.bind(message.customer?.rawValue)
            $0.bind(message.action?.rawValue)
            $0.bind(message.correlation.rawValue)
            $0.bind(message.quarantineReason)
            $0.bind(proposalCount)
        }
        guard db.changesCount > 0 else {
            return StoredInbound(id: try existingInbound(db, hash: hash, source: message.source), created: false,
                                 proposals: [])
        }
        let id = db.lastInsertedRowID
        if let customer = message.customer?.rawValue, message.kind == .reply || message.kind == .comment {
            // The Replies & Comments tab of the customer's collector.
            try db.cachedStatement(sql: """
                INSERT INTO inboundByCollector (collectorId, receivedAt, id, customerId, kind, openProposals)
                SELECT collectorId, ?, ?, ?, ?, ? FROM customer WHERE id = ? AND collectorId IS NOT NULL
                """).execute(arguments: [receivedAt, id, customer, message.kind.rawValue, proposalCount, customer])
        }
        try DirectBindings.execute(statements.raw, in: db) {
            $0.bind(id)
            $0.bind(compressed == nil ? "none" : "zstd")
            $0.bind(message.raw.count)
            $0.bind(compressed ?? message.raw)
        }
        var proposals: [ProposalID] = []
        if let analysis {
            try db.cachedStatement(sql: """
                INSERT INTO analysis (messageId, language, visibleText, intent, confidence, disputeReason, summary,
                    modelVersion) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, analysis.language, analysis.visibleText, analysis.intent?.rawValue,
                                 analysis.confidence, analysis.disputeReason?.rawValue, analysis.summary,
                                 analysis.modelVersion])
            var seen = Set<String>()
            for proposal in analysis.proposals where seen.insert(proposal.itemNumber).inserted {
                var item: Int64?
                if let customer = message.customer {
                    item = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM item WHERE number = ? AND customerId = ?"),
                                              arguments: [proposal.itemNumber, customer.rawValue])
                }
                let state = proposal.proposed
                try db.cachedStatement(sql: """
                    INSERT INTO proposal (messageId, itemId, itemNumber, qualification, promiseDate, amountMinor,
                        disputeReason, confidence, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [id, item, proposal.itemNumber, state.qualification?.rawValue,
                                     state.promiseDate?.iso, state.amountMinor, state.disputeReason?.rawValue,
                                     proposal.confidence, proposal.evidence])
                proposals.append(ProposalID(db.lastInsertedRowID))
            }
        }
        if advanceCursor, let source = message.source {
            // The mailbox cursor advances in the same transaction that stored the message (DESIGN.md).
            try Self.advanceCursor(db, source, at: message.receivedAt)
        }
        // The detail's values are vocabulary codes and a count: written directly, without JSONSerialization (a
        // visible cost once per message in a batch).
        tallies.countInbound(receivedAt: receivedAt, kind: message.kind.rawValue, openProposals: proposalCount)
        try History.append(db, at: message.receivedAt, entity: "inbound_message", entityID: id, event: "received",
                           customer: message.customer?.rawValue,
                           detailJSON: #"{"correlation":"\#(message.correlation.rawValue)","kind":"\#(message.kind.rawValue)","proposals":\#(proposals.count)}"#,
                           tallies: &tallies, insert: statements.history, stamp: receivedAt)
        return StoredInbound(id: InboundMessageID(id), created: true, proposals: proposals)
    }

    /// The message already stored with the same bytes, else at the same mailbox position.
    static func existingInbound(_ db: Database, hash: Data, source: MailboxPosition?) throws -> InboundMessageID {
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM inboundMessage WHERE contentHash = ?"),
                                             arguments: [hash]) {
            return InboundMessageID(existing)
        }
        if let source, let existing = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM inboundMessage WHERE mailbox = ? AND uidValidity = ? AND uid = ?
            """), arguments: [source.mailbox, source.uidValidity, source.uid]) {
            return InboundMessageID(existing)
        }
        throw AgendaStoreError(.invalidState, "inbound message refused by a uniqueness rule")
    }

    /// Moves a mailbox's cursor to `source` (kept at the highest UID of one UIDVALIDITY; a new UIDVALIDITY starts
    /// over and forgets HIGHESTMODSEQ).
    static func advanceCursor(_ db: Database, _ source: MailboxPosition, at: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO mailboxSync (mailbox, uidValidity, lastUid, updatedAt) VALUES (?, ?, ?, ?)
            ON CONFLICT (mailbox) DO UPDATE SET
                lastUid = CASE WHEN excluded.uidValidity <> uidValidity THEN excluded.lastUid
                               ELSE max(lastUid, excluded.lastUid) END,
                highestModSeq = CASE WHEN excluded.uidValidity <> uidValidity THEN NULL ELSE highestModSeq END,
                uidValidity = excluded.uidValidity, updatedAt = excluded.updatedAt
            """).execute(arguments: [source.mailbox, source.uidValidity, source.uid, at])
    }

    /// The cursor moves of a batch's newly stored messages, in batch order, with one statement per mailbox where
    /// they share one UIDVALIDITY: the highest UID and the last arrival time give the row that one move per message
    /// would have left (a move keeps the highest UID and overwrites the time). Mixed UIDVALIDITYs move one by one.
    static func advanceCursors(_ db: Database, _ created: [(source: MailboxPosition, at: Date)]) throws {
        var order: [String] = []
        var byMailbox: [String: [(source: MailboxPosition, at: Date)]] = [:]
        for entry in created {
            if byMailbox[entry.source.mailbox] == nil { order.append(entry.source.mailbox) }
            byMailbox[entry.source.mailbox, default: []].append(entry)
        }
        for mailbox in order {
            let moves = byMailbox[mailbox] ?? []
            guard let last = moves.last else { continue }
            if moves.allSatisfy({ $0.source.uidValidity == last.source.uidValidity }),
               let highest = moves.max(by: { $0.source.uid < $1.source.uid }) {
                try advanceCursor(db, highest.source, at: last.at)
            } else {
                for move in moves { try advanceCursor(db, move.source, at: move.at) }
            }
        }
    }

    public func rawMessage(_ id: InboundMessageID) async throws -> Data? {
        let stored = try await pool.read { db -> (compression: String, size: Int, raw: Data)? in
            try Row.fetchOne(db, sql: "SELECT compression, rawSize, raw FROM inboundRaw WHERE messageId = ?",
                             arguments: [id.rawValue]).map { ($0["compression"], $0["rawSize"], $0["raw"]) }
        }
        guard let stored else { return nil }
        let data: Data? = switch stored.compression {
        case "none": stored.raw
        case "zstd": Zstd.decompress(stored.raw, size: stored.size)
        default: Deflate.decompress(stored.raw, size: stored.size)  // rows written before migration 13
        }
        guard let data else {
            throw AgendaStoreError(.invalidState, "raw bytes of message \(id) do not decompress")
        }
        return data
    }

    public func proposals(of message: InboundMessageID) async throws -> [Proposal] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.*, d.decision FROM proposal p LEFT JOIN decision d ON d.proposalId = p.id
                WHERE p.messageId = ? ORDER BY p.id
                """, arguments: [message.rawValue]).map { row in
                Proposal(id: ProposalID(row["id"]), message: message, item: (row["itemId"] as Int64?).map(ItemID.init),
                         itemNumber: row["itemNumber"],
                         proposed: QualificationState(try Decode.value(Qualification.self, row["qualification"]),
                                                      promiseDate: try Decode.day(row["promiseDate"]),
                                                      amountMinor: row["amountMinor"],
                                                      disputeReason: try Decode.value(DisputeReason.self,
                                                                                      row["disputeReason"])),
                         confidence: row["confidence"], evidence: row["evidence"],
                         decision: try Decode.value(Decision.self, row["decision"]))
            }
        }
    }

    public func decide(_ proposal: ProposalID, _ verdict: ProposalVerdict, by user: UserID, at: Date) async throws {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM proposal WHERE id = ?",
                                             arguments: [proposal.rawValue]) else {
                throw AgendaStoreError(.notFound, "proposal \(proposal)")
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM decision WHERE proposalId = ?",
                                    arguments: [proposal.rawValue]) == nil else {
                throw AgendaStoreError(.invalidState, "proposal \(proposal) already decided")
            }
            let proposed = QualificationState(try Decode.value(Qualification.self, row["qualification"]),
                                              promiseDate: try Decode.day(row["promiseDate"]),
                                              amountMinor: row["amountMinor"],
                                              disputeReason: try Decode.value(DisputeReason.self, row["disputeReason"]))
            let item: Int64? = row["itemId"]
            var before = QualificationState(), after = QualificationState()
            if let item, let itemRow = try Row.fetchOne(db, sql: "SELECT * FROM item WHERE id = ?", arguments: [item]) {
                before = try Decode.qualification(itemRow)
                after = before
            }
            let decision: Decision
            switch verdict {
            case .accept: decision = .accepted; after = proposed
            case .correct(let state): decision = .corrected; after = state
            case .reject: decision = .rejected
            }
            if decision != .rejected {
                guard let item else {
                    throw AgendaStoreError(.invalidState, "proposal \(proposal) names no known item; only reject applies")
                }
                try Qualifier.apply(db, item: item, state: after, source: "proposal", user: user.rawValue, at: at)
            }
            try db.execute(sql: """
                INSERT INTO decision (proposalId, decision, userId, decidedAt, before, after) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [proposal.rawValue, decision.rawValue, user.rawValue, at, Snapshot.encode(before),
                                 Snapshot.encode(after)])
            let message: Int64 = row["messageId"]
            try db.execute(sql: "UPDATE inboundMessage SET openProposals = openProposals - 1 WHERE id = ?",
                           arguments: [message])
            let customer = try Int64.fetchOne(db, sql: "SELECT customerId FROM inboundMessage WHERE id = ?",
                                              arguments: [message])
            try History.append(db, at: at, entity: "proposal", entityID: proposal.rawValue, event: "decided",
                               customer: customer, user: user.rawValue,
                               detail: ["decision": decision.rawValue, "item": item as Any,
                                        "from": before.qualification?.rawValue ?? "none",
                                        "to": after.qualification?.rawValue ?? "none"])
        }
    }

    public func recordMailboxState(_ state: MailboxSyncState, at: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO mailboxSync (mailbox, uidValidity, lastUid, highestModSeq, updatedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (mailbox) DO UPDATE SET
                    lastUid = CASE WHEN excluded.uidValidity <> uidValidity THEN excluded.lastUid
                                   ELSE max(lastUid, excluded.lastUid) END,
                    highestModSeq = excluded.highestModSeq,
                    uidValidity = excluded.uidValidity, updatedAt = excluded.updatedAt
                """, arguments: [state.mailbox, state.uidValidity, state.lastUID,
                                 state.highestModSeq.map { Int64(bitPattern: $0) }, at])
        }
    }

    public func mailboxState(_ mailbox: String) async throws -> MailboxSyncState? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM mailboxSync WHERE mailbox = ?", arguments: [mailbox]).map { row in
                MailboxSyncState(mailbox: row["mailbox"], uidValidity: row["uidValidity"], lastUID: row["lastUid"],
                                 highestModSeq: (row["highestModSeq"] as Int64?).map { UInt64(bitPattern: $0) })
            }
        }
    }
}

/// The statements written for every inbound message (message row, raw bytes, history event), looked up in the
/// connection's statement cache once: a batch passes them to each ``SQLiteAgendaStore/insertInbound`` instead of
/// hashing the SQL three times a message.
struct InboundStatements {
    let message: Statement
    let raw: Statement
    let history: Statement

    init(_ db: Database) throws {
        message = try db.cachedStatement(sql: """
            INSERT INTO inboundMessage (contentHash, mailbox, uidValidity, uid, kind, messageIdHeader,
                fromAddress, subject, receivedAt, customerId, actionId, correlation, quarantineReason, openProposals)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        raw = try db.cachedStatement(sql: """
            INSERT INTO inboundRaw (messageId, compression, rawSize, raw) VALUES (?, ?, ?, ?)
            """)
        history = try History.insertStatement(db)
    }
}
