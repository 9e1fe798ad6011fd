import Foundation

/// The fields of one message/delivery-status body (RFC 3464 §2): the per-message group and one group per recipient.
struct DeliveryStatusFields: Sendable, Hashable {
    /// One per-recipient group (RFC 3464 §2.3).
    struct Recipient: Sendable, Hashable {
        /// Final-Recipient (or Original-Recipient, or X-Actual-Recipient) address, without its address type.
        var address: String
        /// Action: failed, delayed, delivered, relayed, expanded (lower-cased), or "".
        var action: String
        /// Status, e.g. `5.1.1`, or "".
        var status: String
        /// Diagnostic-Code text without its type (`smtp; `), or "".
        var diagnostic: String
        /// Remote-MTA without its type, or "".
        var remoteMTA: String
    }

    /// The recipient groups, in order.
    var recipients: [Recipient]

    /// Parses `text`. Groups are separated by blank lines; folded lines are unfolded. Fields outside any recipient
    /// group are ignored. Tolerates groups glued together (a second Final-Recipient starts a new recipient).
    init(_ text: String) {
        var out: [Recipient] = []
        var current = Recipient(address: "", action: "", status: "", diagnostic: "", remoteMTA: "")
        var named = false
        var finalSeen = false
        func flush() {
            if !current.address.isEmpty || !current.status.isEmpty || !current.diagnostic.isEmpty,
               named || !current.status.isEmpty {
                out.append(current)
            }
            current = Recipient(address: "", action: "", status: "", diagnostic: "", remoteMTA: "")
            named = false
            finalSeen = false
        }
        for field in Self.fields(text) {
            guard let (name, value) = field else {
                flush()
                continue
            }
            switch name {
            case "final-recipient", "original-recipient", "x-actual-recipient":
                // Groups glued without a blank line: a second Final-Recipient starts the next recipient.
                if name == "final-recipient" && finalSeen { flush() }
                if name == "final-recipient" { finalSeen = true }
                if current.address.isEmpty || name == "final-recipient" { current.address = Self.stripType(value) }
                named = true
            case "action":
                current.action = value.lowercased().split(separator: " ").first.map(String.init) ?? ""
            case "status":
                current.status = StatusCode.first(in: value) ?? ""
            case "diagnostic-code":
                current.diagnostic = Self.stripType(value)
            case "remote-mta":
                current.remoteMTA = Self.stripType(value)
            default:
                break
            }
        }
        flush()
        // Per-message fields (Reporting-MTA, Arrival-Date) form a group with no recipient; a group with a status
        // but no address is kept only when no group names a recipient.
        let namedOnes = out.filter { !$0.address.isEmpty }
        recipients = namedOnes.isEmpty ? out : namedOnes
    }

    /// The loop body of ``fields(_:)`` for a line of ASCII without CR, where each byte is one character: white
    /// space (Zs and tab) is space and tab, a letter is A to Z in either case.
    static func appendASCII(_ line: Substring, to out: inout [(String, String)?]) {
        let bytes = line.utf8
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        if bytes.first.map(isBlank) ?? true {
            if bytes.allSatisfy(isBlank) {
                out.append(nil)
            } else if let last = out.last, let (name, value) = last {
                out[out.count - 1] = (name, value + " " + trimmingWhitespace(line))
            }
            // A line starting with white space and no field before it: its name would hold a space, no field.
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              bytes[..<colon].allSatisfy({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "-") })
        else { return }
        out.append((line[..<colon].lowercased(), trimmingWhitespace(line[line.index(after: colon)...])))
    }

    /// `rfc822; a@b` -> `a@b` (the address or diagnostic type of RFC 3464 §2.3), angle brackets dropped.
    static func stripType(_ value: String) -> String {
        var rest = Substring(value)
        if let semi = rest.firstIndex(of: ";"), rest[..<semi].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            rest = rest[rest.index(after: semi)...]
        }
        var trimmed = trimmingWhitespace(rest)
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">") { trimmed = String(trimmed.dropFirst().dropLast()) }
        return trimmed
    }

    /// `text` without `CharacterSet.whitespaces` (Zs and tab) at either end; ASCII text is trimmed over its bytes.
    static func trimmingWhitespace(_ text: Substring) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: .whitespaces) }
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
            start = bytes.index(after: start)
        }
        while end > start {
            let before = bytes.index(before: end)
            guard bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Unfolded fields as lower-cased name and value; nil marks a blank line (group separator).
    static func fields(_ text: String) -> [(String, String)?] {
        var out: [(String, String)?] = []
        for raw in TextLines.all(text, omittingEmpty: false) {
            if !raw.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
                appendASCII(raw, to: &out)
                continue
            }
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            // An ASCII first byte other than space or tab is not white space (CharacterSet.whitespaces is Zs and tab).
            let startsWithText = line.utf8.first.map { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            if startsWithText != true, line.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(nil)
            } else if line.first == " " || line.first == "\t", let last = out.last, let (name, value) = last {
                out[out.count - 1] = (name, value + " " + trimmingWhitespace(line))
            } else if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy({ $0.isLetter || $0 == "-" }) {
                let name = line[..<colon].lowercased()
                out.append((name, trimmingWhitespace(line[line.index(after: colon)...])))
            }
        }
        return out
    }
}
