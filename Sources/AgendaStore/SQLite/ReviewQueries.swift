public import Foundation
import GRDB

extension SQLiteAgendaStore: ReviewStore {
    public func customer(_ id: CustomerID) async throws -> Customer? {
        guard let key = try await pool.read({ db in
            try String.fetchOne(db, sql: "SELECT externalKey FROM customer WHERE id = ?", arguments: [id.rawValue])
        }) else { return nil }
        return try await customer(externalKey: key)
    }

    public func inboundDetail(_ id: InboundMessageID) async throws -> InboundDetail? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT m.*, a.id AS analysisId, a.language, a.visibleText, a.intent, a.confidence, a.disputeReason,
                       a.summary, a.modelVersion
                FROM inboundMessage m LEFT JOIN analysis a ON a.messageId = m.id WHERE m.id = ?
                """, arguments: [id.rawValue]) else { return nil }
            var analysis: MessageAnalysis?
            if (row["analysisId"] as Int64?) != nil {
                let proposals = try Row.fetchAll(db, sql: "SELECT * FROM proposal WHERE messageId = ? ORDER BY id",
                                                 arguments: [id.rawValue]).map { p in
                    ProposalInput(itemNumber: p["itemNumber"], proposed: try Self.proposedState(p),
                                  confidence: p["confidence"], evidence: p["evidence"])
                }
                analysis = MessageAnalysis(language: row["language"], visibleText: row["visibleText"],
                                           intent: try Decode.value(Intent.self, row["intent"]),
                                           confidence: row["confidence"],
                                           disputeReason: try Decode.value(DisputeReason.self, row["disputeReason"]),
                                           summary: row["summary"], modelVersion: row["modelVersion"],
                                           proposals: proposals)
            }
            return InboundDetail(id: id, kind: try Decode.required(MessageKind.self, row["kind"]),
                                 messageID: row["messageIdHeader"], fromAddress: row["fromAddress"],
                                 subject: row["subject"], receivedAt: row["receivedAt"],
                                 customer: (row["customerId"] as Int64?).map(CustomerID.init),
                                 action: (row["actionId"] as Int64?).map(ActionID.init),
                                 correlation: try Decode.required(Correlation.self, row["correlation"]),
                                 quarantineReason: row["quarantineReason"], openProposals: row["openProposals"],
                                 analysis: analysis)
        }
    }

    public func proposal(_ id: ProposalID) async throws -> Proposal? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT p.*, d.decision FROM proposal p LEFT JOIN decision d ON d.proposalId = p.id WHERE p.id = ?
                """, arguments: [id.rawValue]).map { row in
                Proposal(id: id, message: InboundMessageID(row["messageId"]),
                         item: (row["itemId"] as Int64?).map(ItemID.init), itemNumber: row["itemNumber"],
                         proposed: try Self.proposedState(row), confidence: row["confidence"],
                         evidence: row["evidence"], decision: try Decode.value(Decision.self, row["decision"]))
            }
        }
    }

    public func oldestUnreviewed(collector: UserID?) async throws -> Date? {
        try await pool.read { db in
            if let collector {
                return try Date.fetchOne(db, sql: """
                    SELECT min(m.receivedAt) FROM customer c JOIN inboundMessage m ON m.customerId = c.id
                    WHERE c.collectorId = ? AND m.kind IN ('reply','comment') AND m.openProposals > 0
                    """, arguments: [collector.rawValue])
            }
            return try Date.fetchOne(db, sql: """
                SELECT min(receivedAt) FROM inboundMessage WHERE kind IN ('reply','comment') AND openProposals > 0
                """)
        }
    }

    static func proposedState(_ row: Row) throws -> QualificationState {
        QualificationState(try Decode.value(Qualification.self, row["qualification"]),
                           promiseDate: try Decode.day(row["promiseDate"]), amountMinor: row["amountMinor"],
                           disputeReason: try Decode.value(DisputeReason.self, row["disputeReason"]))
    }
}
