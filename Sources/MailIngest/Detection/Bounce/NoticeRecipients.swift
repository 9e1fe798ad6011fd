import Foundation

/// Finds failed recipients in the human-readable text of a bounce, for the many MTAs that send no RFC 3464 part
/// (qmail, Exim, Postfix's text, Sendmail transcripts, Gmail, Yahoo, carriers): each recipient with the block of
/// text that speaks of it.
enum NoticeRecipients {
    /// A recipient found in the notice and the lines about it.
    struct Found: Sendable, Hashable {
        var address: String
        var block: String
    }

    /// Prefixes, lower-cased, after which an address on a line names a recipient.
    static let leadIns: [String] = [
        "rcpt to:", "rcpt to: ", "to:", "to: ", "recipient:", "recipient address:", "recipients:",
        "original-recipient:", "final-recipient:", "original recipient:", "failed recipient:", "address:",
        "destinataire :", "destinataire:", "empfänger:", "email address:", "e-mail address:", "failed address:",
        "unknown address:", "user:", "mailbox:", "original-recipient: rfc822;", "final-recipient: rfc822;",
        "final-recipient: rfc822; ", "original-recipient: rfc822; ", "rcpt to:<", "your message to",
        "delivery to", "could not be delivered to", "couldn't be delivered to", "not delivered to",
        "failed to deliver to", "unable to deliver to", "delivery failed for", "undeliverable to",
        "message to", "sent to", "mail to", "recipient address rejected:",
    ]

    /// ``leadIns`` without their surrounding white space, as a text before an address is compared to them.
    static let trimmedLeadIns: [String] = leadIns.map { $0.trimmingCharacters(in: .whitespaces) }

    /// Recipients found in `notice`, excluding `excluded` addresses (lower-cased: the bounce's own From and To,
    /// the original sender, daemons).
    static func find(in notice: String, excluding excluded: Set<String>) -> [Found] {
        let lines = TextLines.all(notice, omittingEmpty: false).map(String.init)
        var starts: [(line: Int, address: String)] = []
        for (number, line) in lines.enumerated() {
            for hit in AddressScanner.scan(line) where isRecipientPosition(line, hit) {
                let address = hit.address
                guard !excluded.contains(address.lowercased()), !isDaemon(address) else { continue }
                starts.append((number, address))
                break
            }
        }
        var found: [Found] = []
        for (index, start) in starts.enumerated() {
            let next = index + 1 < starts.count ? starts[index + 1].line : lines.count
            var end = max(next, start.line + 1)
            end = min(end, start.line + 25)
            if let header = (start.line + 1 ..< end).first(where: { startsReturnedHeaders(lines[$0]) }) {
                end = header
            }
            // Sendmail's one-line verdicts ("554 <a@b>... Host unknown") end at the next coded line.
            if startsWithReplyCode(lines[start.line]),
               let next = (start.line + 1 ..< end).first(where: { startsWithReplyCode(lines[$0]) }) {
                end = next
            }
            // Blocks of one line followed directly by the next address share the text after the list.
            let block = lines[start.line..<end].joined(separator: "\n")
            if let existing = found.firstIndex(where: { $0.address.lowercased() == start.address.lowercased() }) {
                found[existing].block += "\n" + block
            } else {
                found.append(Found(address: start.address, block: block))
            }
        }
        return found
    }

    /// True when the address stands where reports put recipients: alone on its line (maybe in brackets, with a
    /// colon or `...`), at the line start followed by an error, or after a lead-in such as `RCPT TO:`.
    static func isRecipientPosition(_ line: String, _ hit: AddressScanner.Hit) -> Bool {
        if hit.start == 0 { return true }
        var line = line
        if let ascii = line.withUTF8({ asciiIsRecipientPosition(UnsafeBufferPointer(rebasing: $0[0..<hit.start])) }) {
            return ascii
        }
        let bytes = Array(line.utf8)
        let before = String(decoding: bytes[0..<hit.start], as: UTF8.self)
        let trimmedBefore = before.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "<\"'([*-•"))
            .trimmingCharacters(in: .whitespaces)
        if trimmedBefore.isEmpty { return true }
        let lower = trimmedBefore.lowercased()
        if trimmedLeadIns.contains(where: { lower.hasSuffix($0) }) { return true }
        // "550 5.1.1 <user@host>... User unknown", "550-5.1.1 user@host: ...": an SMTP reply whose text starts
        // with the address.
        if lower.allSatisfy({ $0.isNumber || $0 == " " || $0 == "." || $0 == "-" || $0 == "#" || $0 == "<" }) {
            return true
        }
        return false
    }

    /// ``isRecipientPosition(_:_:)`` over the bytes before the address when they are ASCII without CR, else nil.
    /// There each byte is one character and one scalar: white space (Zs and tab) is space and tab, "•" cannot
    /// occur, lower-casing and `isNumber` are ASCII's, and no lead-in with non-ASCII letters can end the text.
    static func asciiIsRecipientPosition(_ before: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard CharacterPrefix.isASCII(before), !before.contains(0x0D) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isOpener(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "["),
                 UInt8(ascii: "*"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
        var start = 0, end = before.count
        while start < end, isSpace(before[start]) { start += 1 }
        while end > start, isSpace(before[end - 1]) { end -= 1 }
        while start < end, isOpener(before[start]) { start += 1 }
        while end > start, isOpener(before[end - 1]) { end -= 1 }
        while start < end, isSpace(before[start]) { start += 1 }
        while end > start, isSpace(before[end - 1]) { end -= 1 }
        if start == end { return true }
        let trimmed = UnsafeBufferPointer(rebasing: before[start..<end])
        if asciiLeadIns.contains(where: { leadIn in
            leadIn.count <= trimmed.count && zip(trimmed[(trimmed.count - leadIn.count)...], leadIn).allSatisfy {
                ASCIIFold.fold($0) == $1
            }
        }) {
            return true
        }
        return trimmed.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "<")
        }
    }

    /// The ASCII ``trimmedLeadIns``, as bytes.
    static let asciiLeadIns: [[UInt8]] = trimmedLeadIns.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// True when the line starts with an SMTP reply code and a space ("550 ...").
    static func startsWithReplyCode(_ line: String) -> Bool {
        let bytes = Array(line.utf8.prefix(4))
        return bytes.count == 4 && (bytes[0] == 52 || bytes[0] == 53) && bytes[1] >= 48 && bytes[1] <= 57
            && bytes[2] >= 48 && bytes[2] <= 57 && bytes[3] == 32
    }

    /// Header names that only a returned copy of the original message has in a notice.
    static func startsReturnedHeaders(_ line: String) -> Bool {
        returnedHeaderPrefixes.contains { ASCIIFold.hasPrefix(line, $0) } && line.utf8.contains(UInt8(ascii: ":"))
    }

    /// Lower-case beginnings of the header fields ``startsReturnedHeaders(_:)`` looks for, as UTF-8.
    static let returnedHeaderPrefixes: [[UInt8]] = [
        "received:", "return-path:", "dkim-signature:", "x-", "content-type:", "content-transfer-encoding:",
        "mime-version:", "message-id:", "authentication-results:", "arc-", "delivered-to:",
    ].map { Array($0.utf8) }

    /// Local parts of the addresses systems send bounces from.
    static func isDaemon(_ address: String) -> Bool {
        let local = address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return ["mailer-daemon", "postmaster", "mailerdaemon", "mail-daemon", "root", "noreply", "no-reply",
                "bounce", "bounces", "daemon", "poostmaster", "double-bounce", "nobody"].contains(local)
    }
}
