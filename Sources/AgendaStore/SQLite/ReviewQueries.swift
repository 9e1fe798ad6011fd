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
                // Oldest first in the collector's range of `inboundByCollector`: stops at the first one to review.
                return try Date.fetchOne(db, sql: """
                    SELECT m.receivedAt FROM inboundByCollector m
                    WHERE m.collectorId = ? AND m.kind IN ('reply','comment') AND m.openProposals > 0
                    ORDER BY m.receivedAt LIMIT 1
                    """, arguments: [collector.rawValue])
            }
            return try Date.fetchOne(db, sql: """
                SELECT min(receivedAt) FROM inboundMessage WHERE kind IN ('reply','comment') AND openProposals > 0
                """)
        }
    }

    public func replyIntentCounts(collector: UserID?) async throws -> [Intent?: Int] {
        try await pool.read { db in
            let join = collector == nil ? "" : "JOIN customer c ON c.id = m.customerId AND c.collectorId = ?"
            var counts: [Intent?: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.intent, count(*) AS n FROM inboundMessage m \(join)
                LEFT JOIN analysis a ON a.messageId = m.id WHERE m.kind IN ('reply','comment') GROUP BY a.intent
                """, arguments: StatementArguments(collector.map { [$0.rawValue] } ?? [])) {
                counts[try Decode.value(Intent.self, row["intent"]), default: 0] += row["n"] as Int
            }
            return counts
        }
    }

    public func decisionCounts(collector: UserID?) async throws -> (decided: [Decision: Int], open: Int) {
        try await pool.read { db in
            let join = collector == nil ? "" : "JOIN customer c ON c.id = m.customerId AND c.collectorId = ?"
            let arguments = StatementArguments(collector.map { [$0.rawValue] } ?? [])
            var decided: [Decision: Int] = [:]
            var open = 0
            for row in try Row.fetchAll(db, sql: """
                SELECT d.decision, count(*) AS n FROM proposal p JOIN inboundMessage m ON m.id = p.messageId \(join)
                LEFT JOIN decision d ON d.proposalId = p.id GROUP BY d.decision
                """, arguments: arguments) {
                if let decision = try Decode.value(Decision.self, row["decision"]) {
                    decided[decision] = row["n"]
                } else {
                    open = row["n"]
                }
            }
            return (decided, open)
        }
    }

    public func actionCounts(collector: UserID?) async throws -> [ActionCount] {
        try await pool.read { db in
            let filter = collector == nil ? "" : "WHERE assigneeId = ?"
            return try Row.fetchAll(db, sql: """
                SELECT channel, status, sum(n) AS n FROM actionTally \(filter) GROUP BY channel, status
                HAVING sum(n) > 0 ORDER BY channel, status
                """, arguments: StatementArguments(collector.map { [$0.rawValue] } ?? [])).map { row in
                ActionCount(channel: try Decode.required(Channel.self, row["channel"]),
                            status: try Decode.required(ActionStatus.self, row["status"]), count: row["n"])
            }
        }
    }

    static func proposedState(_ row: Row) throws -> QualificationState {
        QualificationState(try Decode.value(Qualification.self, row["qualification"]),
                           promiseDate: try Decode.day(row["promiseDate"]), amountMinor: row["amountMinor"],
                           disputeReason: try Decode.value(DisputeReason.self, row["disputeReason"]))
    }
}
