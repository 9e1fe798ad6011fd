import AgendaStore
import Foundation
import GRDB

/// Bulk rows the agenda would hold after months of use (actions, their history, replies), written with plain SQL on
/// a second connection: the store's API writes one transaction per message or decision, which is the right shape
/// for production and the wrong one for building a million rows.
struct Seeder {
    let path: String
    let customers: Int
    let actions: Int
    let replies: Int
    let collectors: Int
    let today: Day

    func seed() throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var random = SplitMix(state: 42)
        try queue.write { db in
            let customerIDs = try Int64.fetchAll(db, sql: "SELECT id FROM customer ORDER BY id")
            let collectorOf = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, collectorId FROM customer")
                .map { ($0[0] as Int64, $0[1] as Int64?) })
            // Qualifications: 3% disputes, 3% promises (half of them already broken), on open items.
            try db.execute(sql: """
                UPDATE item SET qualification = 'dispute', disputeReason = 'quality' WHERE openAmountMinor > 0 AND id % 33 = 0;
                UPDATE item SET qualification = 'promise_to_pay', promiseDate = CASE WHEN id % 2 = 0 THEN ? ELSE ? END
                    WHERE openAmountMinor > 0 AND id % 33 = 1;
                """, arguments: [today.adding(days: 10).iso, today.adding(days: -5).iso])
            let action = try db.makeStatement(sql: """
                INSERT INTO action (customerId, origin, channel, mode, status, errorCause, plannedDate, doneDate,
                                    assigneeId, createdAt) VALUES (?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let history = try db.makeStatement(sql: """
                INSERT INTO history (at, entity, entityId, event, customerId, channel, status, detail)
                VALUES (?, 'action', ?, 'status_changed', ?, ?, ?, '{}')
                """)
            let channels = ["email", "email", "email", "sms", "letter", "call"]
            for n in 0..<actions {
                let customer = customerIDs[n % customerIDs.count]
                let open = Int.random(in: 0..<100, using: &random) < 15
                let modeRoll = Int.random(in: 0..<10, using: &random)
                let mode = modeRoll < 4 ? "manual" : modeRoll < 8 ? "automatic" : "automatic_with_confirmation"
                let channel = mode == "manual" ? "call" : channels[Int.random(in: 0..<5, using: &random)]
                var status = "done", cause: String?
                var planned = today.adding(days: -Int.random(in: 1...365, using: &random))
                if open {
                    planned = today.adding(days: Int.random(in: -30...30, using: &random))
                    let roll = Int.random(in: 0..<100, using: &random)
                    status = roll < 10 ? "error" : (roll < 40 && mode == "automatic_with_confirmation") ? "confirmed" : "planned"
                    if status == "error" { cause = "bounced" }
                }
                let done = status == "done" ? planned.iso : nil
                let at = "\(planned.iso) 09:\(String(format: "%02d", n % 60)):00.000"
                try action.execute(arguments: [customer, channel, mode, status, cause, planned.iso, done,
                                               collectorOf[customer] ?? nil, at])
                try history.execute(arguments: [at, db.lastInsertedRowID, customer, channel, status])
            }
            let message = try db.makeStatement(sql: """
                INSERT INTO inboundMessage (contentHash, kind, fromAddress, subject, receivedAt, customerId,
                                            correlation, openProposals) VALUES (?, ?, ?, 'Re: reminder', ?, ?, 'in_reply_to', ?)
                """)
            let raw = try db.makeStatement(sql: """
                INSERT INTO inboundRaw (messageId, compression, rawSize, raw) VALUES (?, 'none', ?, ?)
                """)
            let analysis = try db.makeStatement(sql: """
                INSERT INTO analysis (messageId, language, visibleText, intent, confidence, summary)
                VALUES (?, 'fr', 'Nous payons la facture le 15.', 'promise_to_pay', 0.9, 'Promise to pay')
                """)
            let proposal = try db.makeStatement(sql: """
                INSERT INTO proposal (messageId, itemNumber, qualification, promiseDate, confidence)
                VALUES (?, ?, 'promise_to_pay', ?, 0.9)
                """)
            let body = Data(String(repeating: "Bonjour, nous payons la facture F-1 le 15. Cordialement.\r\n",
                                   count: 10).utf8)
            for n in 0..<replies {
                let customer = customerIDs[Int.random(in: 0..<customerIDs.count, using: &random)]
                let pending = n % 10 == 0 ? 1 : 0
                var hash = [UInt8](repeating: 0, count: 32)
                withUnsafeBytes(of: UInt64(n).bigEndian) { hash.replaceSubrange(0..<8, with: $0) }
                hash[31] = 0xA5
                let received = "\(today.adding(days: -Int.random(in: 0...365, using: &random)).iso) 10:00:00.000"
                try message.execute(arguments: [Data(hash), n % 25 == 0 ? "comment" : "reply", "c\(customer)@example.com",
                                                received, customer, pending])
                let id = db.lastInsertedRowID
                try raw.execute(arguments: [id, body.count, body])
                try analysis.execute(arguments: [id])
                if pending == 1 { try proposal.execute(arguments: [id, "F-\(n)", today.adding(days: 15).iso]) }
            }
        }
    }
}
