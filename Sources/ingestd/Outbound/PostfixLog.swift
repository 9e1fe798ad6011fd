import Foundation

/// What a Postfix mail log says about the messages it received, by Message-ID: Postfix's `cleanup` logs
/// `QUEUEID: message-id=<ID>` while it reads the message, and `qmgr` logs `QUEUEID: from=<...>, size=..., nrcpt=...`
/// once the message is safely queued (after the `250` that ends DATA, RFC 5321 section 4.1.1.4). A Message-ID whose
/// queue id reached `qmgr` was accepted; one that never appears was never received. Pure: text in, facts out.
struct PostfixLog: Sendable {
    /// Message-ID (bare) -> the queue ids `cleanup` gave it, in log order.
    private(set) var queueIDs: [String: [String]] = [:]
    /// Queue ids `qmgr` took: accepted and queued.
    private(set) var queued: Set<String> = []

    /// Reads a log's text (any of Postfix's timestamp formats; other programs' lines are skipped).
    init(_ text: Substring) {
        for line in text.split(whereSeparator: \.isNewline) {
            guard let program = line.range(of: " postfix") ?? line.range(of: " postfix/"),
                  let colon = line[program.upperBound...].range(of: "]: ") else { continue }
            let rest = line[colon.upperBound...]
            guard let idEnd = rest.firstIndex(of: ":") else { continue }
            let queueID = String(rest[..<idEnd])
            guard !queueID.isEmpty, queueID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { continue }
            let event = rest[rest.index(after: idEnd)...].drop { $0 == " " }
            if line[program.lowerBound...].hasPrefix(" postfix/cleanup["), event.hasPrefix("message-id=") {
                let value = event.dropFirst("message-id=".count)
                let bare = value.hasPrefix("<") ? value.dropFirst().prefix { $0 != ">" } : value.prefix { $0 != " " }
                queueIDs[String(bare), default: []].append(queueID)
            } else if line[program.lowerBound...].hasPrefix(" postfix/qmgr["), event.hasPrefix("from=<") {
                queued.insert(queueID)
            }
        }
    }

    /// The server's verdict on one Message-ID.
    enum Verdict: Sendable, Hashable {
        /// Queued under this queue id: the server accepted it.
        case accepted(queueID: String)
        /// Seen while receiving but never queued (the client went away during DATA).
        case notQueued
        /// Never received.
        case absent
    }

    /// What the log says about `messageID` (bare, no angle brackets).
    func verdict(_ messageID: String) -> Verdict {
        guard let ids = queueIDs[messageID] else { return .absent }
        if let accepted = ids.first(where: queued.contains) { return .accepted(queueID: accepted) }
        return .notQueued
    }
}
