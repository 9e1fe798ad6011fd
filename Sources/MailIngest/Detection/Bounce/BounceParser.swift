import Foundation

/// Turns a bounce into a ``BounceReport``: RFC 3464 recipient groups when present, the recipients named in the
/// notice text otherwise, each with its codes and reason.
enum BounceParser {
    /// Most recipients reported for one bounce; a real DSN names a handful, a hostile one thousands.
    static let maxRecipients = 50
    /// Longest text read for one recipient's reason (its block) and for the last-resort notice, in characters.
    static let maxBlockCharacters = 4_000
    static let maxNoticeCharacters = 16_000

    /// The report for `report`, which ``BounceSignals`` found to be a bounce.
    static func parse(_ report: ReportText) -> BounceReport {
        let excluded = excludedAddresses(report)
        let found = Array(NoticeRecipients.find(in: report.notice, excluding: excluded).prefix(maxRecipients))
        let dsn = Array(report.deliveryStatus.flatMap { DeliveryStatusFields($0).recipients }.prefix(maxRecipients))
        var recipients: [BouncedRecipient] = []
        // Recipients that share the same evidence share one classification (the whole notice is often the block).
        var classified: [String: BouncedRecipient] = [:]
        func make(address: String, dsnDiagnostic: String, block: String, status: String, action: String,
                  notice: String) -> BouncedRecipient {
            let key = [dsnDiagnostic, block, status, action].joined(separator: "\u{0}")
            if var known = classified[key] {
                known.address = address
                return known
            }
            // CharacterPrefix: the same prefixes, without breaking every text into characters.
            let result = Self.make(address: address,
                                   dsnDiagnostic: CharacterPrefix.string(dsnDiagnostic, characters: maxBlockCharacters),
                                   block: CharacterPrefix.string(block, characters: maxBlockCharacters), status: status,
                                   action: action, notice: CharacterPrefix.string(notice, characters: maxNoticeCharacters))
            classified[key] = result
            return result
        }
        if !dsn.isEmpty {
            for entry in dsn {
                // The notice's words about this recipient; when they name no one, the DSN's own status code is more
                // precise than the whole notice, which is only the last resort.
                let block = found.first { $0.address.caseInsensitiveCompare(entry.address) == .orderedSame }?.block
                    ?? (found.count == 1 ? found[0].block : entry.diagnostic.isEmpty && entry.status.isEmpty
                        ? report.notice : "")
                recipients.append(make(address: entry.address, dsnDiagnostic: entry.diagnostic, block: block,
                                       status: entry.status, action: entry.action, notice: report.subject + "\n" + report.notice))
            }
        } else if !found.isEmpty {
            for entry in found {
                recipients.append(make(address: entry.address, dsnDiagnostic: "", block: entry.block, status: "",
                                       action: "", notice: report.subject + "\n" + report.notice))
            }
        } else {
            let address = fallbackAddress(report, excluded: excluded)
            recipients.append(make(address: address, dsnDiagnostic: "", block: report.notice, status: "",
                                   action: "", notice: report.subject + "\n" + report.notice))
        }
        return BounceReport(recipients: recipients, originalMessageID: OriginalMessageID.find(in: report))
    }

    /// One recipient from its DSN fields (maybe empty) and its block of notice text.
    static func make(address: String, dsnDiagnostic: String, block: String, status dsnStatus: String, action: String,
                     notice: String) -> BouncedRecipient {
        // A DSN's generic X.0.0 gives way to the precise code the server's own reply carries (RFC 3463 §3.1).
        let fromText = StatusCode.first(in: dsnDiagnostic) ?? StatusCode.first(in: block)
        let generic = dsnStatus.isEmpty || dsnStatus.hasSuffix(".0.0")
        let status = generic && fromText.map({ !$0.hasSuffix(".0.0") && $0.first == dsnStatus.first
                                              || dsnStatus.isEmpty }) == true
            ? fromText ?? dsnStatus : dsnStatus
        let replyCode = StatusCode.replyCode(in: dsnDiagnostic) ?? StatusCode.replyCode(in: block) ?? ""
        let reason = ReasonClassifier.reason(ReasonClassifier.Evidence(
            diagnostic: dsnDiagnostic, block: block, status: status, replyCode: replyCode, action: action,
            notice: notice))
        let diagnostic = dsnDiagnostic.isEmpty ? block : dsnDiagnostic
        return BouncedRecipient(address: address, status: status, replyCode: replyCode, reason: reason,
                                diagnostic: DiagnosticText.collapse(CharacterPrefix.string(diagnostic, characters: 2000)))
    }

    /// Returned header fields naming the original sender, lower-case UTF-8.
    static let senderFields: [[UInt8]] = ["from:", "return-path:", "sender:", "reply-to:"].map { Array($0.utf8) }

    /// Addresses that are not recipients: the bounce's sender and addressee, the original sender, daemons.
    static func excludedAddresses(_ report: ReportText) -> Set<String> {
        var out: Set<String> = []
        for name in ["From", "To", "Return-Path", "Reply-To", "Sender"] {
            for value in report.headers.all(name) {
                AddressScanner.scan(value).forEach { out.insert($0.address.lowercased()) }
            }
        }
        for line in TextLines.prefix(report.returnedHeaders, 200) {
            if senderFields.contains(where: { ASCIIFold.hasPrefix(line, $0) }) {
                AddressScanner.scan(String(line)).forEach { out.insert($0.address.lowercased()) }
            }
        }
        return out
    }

    /// The address to report when the notice names none: X-Failed-Recipients, else the returned message's To.
    static func fallbackAddress(_ report: ReportText, excluded: Set<String>) -> String {
        if let failed = report.headers.first("X-Failed-Recipients"), let address = AddressScanner.first(failed) {
            return address
        }
        for line in TextLines.prefix(report.returnedHeaders, 200)
        where ASCIIFold.hasPrefix(line, Array("to:".utf8)) {
            if let address = AddressScanner.first(String(line)) { return address }
        }
        if let any = AddressScanner.scan(report.notice).first(where: {
            !excluded.contains($0.address.lowercased()) && !NoticeRecipients.isDaemon($0.address)
        }) {
            return any.address
        }
        return ""
    }
}
