import Foundation

/// Enhanced mail system status codes (RFC 3463) and SMTP reply codes (RFC 5321 §4.2) found in text, and the
/// reason each code implies when the server's words say nothing more precise.
enum StatusCode {
    /// The first `class.subject.detail` code (class 2, 4 or 5) in `text` that is not part of a longer dotted number
    /// such as an IP address, or nil.
    static func first(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "2") || byte == UInt8(ascii: "4") || byte == UInt8(ascii: "5"),
               index + 4 < bytes.count, bytes[index + 1] == UInt8(ascii: "."),
               index == 0 || !(isDigit(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: ".")
                               || isLetter(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "_")
                               || (bytes[index - 1] == UInt8(ascii: "-") && index >= 2 && !isDigit(bytes[index - 2]))) {
                var cursor = index + 2
                let subjectStart = cursor
                while cursor < bytes.count, isDigit(bytes[cursor]), cursor - subjectStart < 3 { cursor += 1 }
                if cursor > subjectStart, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                    cursor += 1
                    let detailStart = cursor
                    while cursor < bytes.count, isDigit(bytes[cursor]), cursor - detailStart < 3 { cursor += 1 }
                    let endsClean = cursor == bytes.count
                        || !(isDigit(bytes[cursor]) || (bytes[cursor] == UInt8(ascii: ".") && cursor + 1 < bytes.count
                                                        && isDigit(bytes[cursor + 1])))
                    if cursor > detailStart, endsClean {
                        return String(decoding: bytes[index..<cursor], as: UTF8.self)
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// The first SMTP reply code (4xx or 5xx) standing as its own word at a line start, after `said:`, or before a
    /// status code or dash, or nil.
    static func replyCode(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 2 < bytes.count {
            let byte = bytes[index]
            if (byte == UInt8(ascii: "4") || byte == UInt8(ascii: "5")), isDigit(bytes[index + 1]),
               isDigit(bytes[index + 2]), index == 0 || !isWordByte(bytes[index - 1]) {
                let next = index + 3 < bytes.count ? bytes[index + 3] : UInt8(ascii: " ")
                if next == UInt8(ascii: " ") || next == UInt8(ascii: "-") || next == UInt8(ascii: "\n")
                    || next == UInt8(ascii: "\t") {
                    // A code is followed by a status code or text, not by a number/unit ("550 MB", "400 days").
                    let tail = String(decoding: bytes[(index + 3)..<min(bytes.count, index + 12)], as: UTF8.self)
                        .trimmingPrefix { $0 == " " || $0 == "-" }
                    let code = String(decoding: bytes[index..<(index + 3)], as: UTF8.self)
                    let plausible = bytes[index + 1] <= UInt8(ascii: "5")
                    if plausible, !tail.hasPrefix("days"), !tail.hasPrefix("hours"), !tail.hasPrefix("bytes") {
                        return code
                    }
                }
            }
            index += 1
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 97 && byte | 0x20 <= 122 }
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: "-")
    }

    /// The reason an enhanced status code implies on its own (RFC 3463 §3, RFC 5248 registry), or nil when the
    /// code alone is too vague (X.0.0, X.7.1 and the like).
    static func reason(for status: String) -> BounceReason? {
        let parts = status.split(separator: ".")
        guard parts.count == 3, let subject = Int(parts[1]), let detail = Int(parts[2]) else { return nil }
        switch (subject, detail) {
        case (1, 1), (1, 3), (1, 10): return .userUnknown
        case (1, 2): return .hostUnknown
        case (1, 6): return .hasMoved
        case (1, 7), (1, 8): return .rejected
        case (2, 1): return .suspend
        case (2, 2): return .mailboxFull
        case (2, 3): return .mesgTooBig
        case (2, 4): return .mailerError
        case (3, 0), (3, 3), (3, 5): return .systemError
        case (3, 1): return .systemFull
        case (3, 2): return .notAccept
        case (3, 4): return .mesgTooBig
        case (4, 0), (4, 1), (4, 2), (4, 6): return .networkError
        case (4, 3): return .systemError
        case (4, 4): return .hostUnknown
        case (4, 5): return .toomanyConn
        case (4, 7): return .expired
        case (5, 3): return .toomanyConn
        case (5, 1), (5, 2), (5, 4), (5, 5): return .syntaxError
        case (6, _): return .contentError
        case (7, 13), (7, 17), (7, 18): return .suspend
        case (7, 20), (7, 21), (7, 22), (7, 23), (7, 24), (7, 26), (7, 29): return .authFailure
        case (7, 25): return .requirePTR
        case (7, 27): return .notAccept
        case (7, 28): return .blocked
        case (7, 3), (7, 4), (7, 5), (7, 6), (7, 7), (7, 8), (7, 9), (7, 10), (7, 14), (7, 30): return .securityError
        case (7, 2): return .filtered
        default: return nil
        }
    }

    /// The reason of a status code that means one thing whatever the text says (the text of such bounces often
    /// repeats a generic "Recipient address rejected"), or nil.
    static func definitiveReason(for status: String) -> BounceReason? {
        let parts = status.split(separator: ".")
        guard parts.count == 3, parts[0] == "5" || parts[0] == "4",
              let subject = Int(parts[1]), let detail = Int(parts[2]) else { return nil }
        switch (subject, detail) {
        case (1, 2): return .hostUnknown
        case (1, 6): return .hasMoved
        case (1, 8): return .rejected
        case (2, 2): return .mailboxFull
        case (3, 4): return .mesgTooBig
        case (4, 6): return .networkError
        case (6, 0): return .contentError
        case (7, 13): return .suspend
        case (7, 25): return .requirePTR
        case (7, 26): return .authFailure
        default: return nil
        }
    }

    /// The reason an SMTP reply code implies on its own (RFC 5321 §4.2.2, RFC 7504), or nil.
    static func reason(forReplyCode code: String) -> BounceReason? {
        switch code {
        case "552": return .mailboxFull
        case "551": return .hasMoved
        case "553": return .userUnknown
        case "521", "556": return .notAccept
        case "452": return .systemFull
        case "451": return .systemError
        case "421": return .blocked
        case "500", "501", "502", "503", "504": return .syntaxError
        default: return nil
        }
    }
}
