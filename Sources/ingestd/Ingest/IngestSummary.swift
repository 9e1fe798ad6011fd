import AgendaStore
import Foundation

/// The counts of one `ingestd ingest` run: ids and counts only, never message text.
struct IngestSummary: Sendable {
    /// Messages read from the inputs and handed to the pipeline.
    var read = 0
    /// Messages newly stored (quarantined ones included).
    var stored = 0
    /// Messages already in the store (same bytes): nothing written.
    var duplicates = 0
    /// Newly stored messages by kind (`reply`, `auto_reply`, `bounce`, ...).
    var byKind: [String: Int] = [:]
    /// Newly stored messages by correlation rule (`capture_token`, ..., `unmatched`).
    var byCorrelation: [String: Int] = [:]
    /// Newly stored messages in quarantine, by reason.
    var quarantined: [String: Int] = [:]
    /// Proposals written.
    var proposals = 0
    /// Maildir messages moved from new/ to cur/.
    var movedToCur = 0
    /// Paths that could not be read (missing, unreadable).
    var unreadable: [String] = []
    /// Files inside searched folders that are not message files.
    var skipped = 0

    /// Messages matched to a customer.
    var matched: Int { byCorrelation.filter { $0.key != Correlation.unmatched.rawValue }.values.reduce(0, +) }
    /// Messages in the unmatched queue.
    var unmatched: Int { byCorrelation[Correlation.unmatched.rawValue] ?? 0 }

    /// Counts one message the pipeline handled.
    mutating func add(_ outcome: InboundPipeline.Outcome) {
        read += 1
        guard outcome.stored.created else { duplicates += 1; return }
        stored += 1
        byKind[outcome.kind.rawValue, default: 0] += 1
        byCorrelation[outcome.correlation.rawValue, default: 0] += 1
        if let reason = outcome.quarantine { quarantined[reason.rawValue, default: 0] += 1 }
        proposals += outcome.stored.proposals.count
    }

    /// The readable report (standard output).
    func render() -> String {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var lines = [
            "read \(read)  stored \(stored)  duplicates \(duplicates)  quarantined \(quarantined.values.reduce(0, +))"
                + "  unreadable \(unreadable.count)  skipped \(skipped)",
            "kinds: \(list(byKind))",
            "matched \(matched)  unmatched \(unmatched)  (\(list(byCorrelation)))",
            "proposals \(proposals)",
        ]
        if !quarantined.isEmpty { lines.append("quarantine: \(list(quarantined))") }
        if movedToCur > 0 { lines.append("maildir: \(movedToCur) moved from new/ to cur/") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same counts as one JSON object.
    func json() -> JSONValue {
        func object(_ counts: [String: Int]) -> JSONValue {
            .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })
        }
        return .object([
            ("read", .integer(read)), ("stored", .integer(stored)), ("duplicates", .integer(duplicates)),
            ("quarantined", .integer(quarantined.values.reduce(0, +))), ("quarantine_reasons", object(quarantined)),
            ("kinds", object(byKind)), ("matched", .integer(matched)), ("unmatched", .integer(unmatched)),
            ("correlations", object(byCorrelation)), ("proposals", .integer(proposals)),
            ("moved_to_cur", .integer(movedToCur)), ("unreadable", .array(unreadable.map { .string($0) })),
            ("skipped", .integer(skipped)),
        ])
    }
}
