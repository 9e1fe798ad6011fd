import Foundation

/// Amazon SES notifications delivered as JSON by mail (SNS email subscriptions): `notificationType` `Bounce`,
/// `Complaint` or `Delivery` with per-recipient `emailAddress`, `action`, `status`, `diagnosticCode`.
/// Read with plain string scanning: the JSON is often a string inside another JSON document, escaped once.
enum SESNotification {
    /// The JSON key every SES notification has, searched as bytes.
    static let notificationType = BytePattern("notificationType")

    /// The notification's type and recipients, or nil when `text` is not an SES notification.
    static func parse(_ text: String) -> (kind: MessageAnalysis.Kind, report: BounceReport)? {
        guard notificationType.occurs(in: text) else { return nil }
        let json = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        guard let type = value(of: "notificationType", in: json[...]) else { return nil }
        switch type.lowercased() {
        case "bounce":
            var recipients: [BouncedRecipient] = []
            var rest = json[...]
            while let range = rest.range(of: "\"emailAddress\"") {
                let end = rest[range.upperBound...].firstIndex(of: "}") ?? rest.endIndex
                let object = rest[range.lowerBound..<end]
                let address = value(of: "emailAddress", in: object) ?? ""
                let status = value(of: "status", in: object).flatMap(StatusCode.first(in:)) ?? ""
                let diagnostic = value(of: "diagnosticCode", in: object) ?? ""
                let replyCode = StatusCode.replyCode(in: DeliveryStatusFields.stripType(diagnostic)) ?? ""
                let reason = ReasonClassifier.reason(ReasonClassifier.Evidence(
                    diagnostic: diagnostic, block: "", status: status, replyCode: replyCode,
                    action: value(of: "action", in: object)?.lowercased() ?? "failed", notice: ""))
                recipients.append(BouncedRecipient(address: address, status: status, replyCode: replyCode,
                                                   reason: reason, diagnostic: diagnostic))
                rest = rest[end...]
            }
            return recipients.isEmpty ? nil : (.bounce, BounceReport(recipients: recipients))
        case "delivery":
            let response = value(of: "smtpResponse", in: json[...]) ?? ""
            let addresses = list(of: "recipients", in: json)
            let recipients = (addresses.isEmpty ? [""] : addresses).map {
                BouncedRecipient(address: $0, status: StatusCode.first(in: response) ?? "",
                                 replyCode: StatusCode.replyCode(in: response) ?? "", reason: .delivered,
                                 diagnostic: response)
            }
            return (.bounce, BounceReport(recipients: recipients))
        case "complaint":
            var addresses: [String] = []
            var rest = json[...]
            while let range = rest.range(of: "\"emailAddress\"") {
                if let address = value(of: "emailAddress", in: rest[range.lowerBound...]) { addresses.append(address) }
                rest = rest[range.upperBound...]
            }
            let recipients = (addresses.isEmpty ? [""] : addresses).map { BouncedRecipient(address: $0, reason: .feedback) }
            return (.feedbackReport, BounceReport(recipients: recipients))
        default:
            return nil
        }
    }

    /// The string value of `"key" : "value"` in `text`, or nil.
    static func value(of key: String, in text: Substring) -> String? {
        guard let keyRange = text.range(of: "\"\(key)\"") else { return nil }
        var rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" }
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    /// The strings of `"key":["a","b"]` in `text`.
    static func list(of key: String, in text: String) -> [String] {
        guard let keyRange = text.range(of: "\"\(key)\""),
              let open = text[keyRange.upperBound...].firstIndex(of: "["),
              let close = text[open...].firstIndex(of: "]") else { return [] }
        return text[text.index(after: open)..<close].split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \n"))
        }.filter { !$0.isEmpty }
    }
}
