import Foundation

/// Writes header field values for outgoing mail: RFC 2047 encoded words for non-ASCII text (UTF-8, "B" encoding),
/// RFC 5322 phrases and quoted strings for display names, and folding (RFC 5322 section 2.2.3) so that lines stay
/// within 78 characters where white space allows and never exceed 998.
enum HeaderEncoder {
    /// Longest line written (RFC 5322 section 2.1.1 recommends 78).
    static let softLimit = 78

    /// `Name: value` for unstructured text (Subject): as is when it is printable ASCII without `=?`, else encoded
    /// words; folded. Ends without CRLF.
    static func unstructured(_ name: String, _ value: String) -> String {
        let clean = value.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " ")
        if isPlainASCII(clean) && !clean.contains("=?") {
            return fold(name + ": " + clean)
        }
        return name + ": " + encodedWords(clean, firstLineUsed: name.count + 2)
    }

    /// A list of mailboxes, folded after commas.
    static func addressList(_ name: String, _ addresses: [MailAddress]) -> String {
        var line = name + ":"
        var lines: [String] = []
        for (index, address) in addresses.enumerated() {
            let piece = " " + mailbox(address, used: 0) + (index < addresses.count - 1 ? "," : "")
            if line.count + piece.count > softLimit, line.count > name.count + 1 {
                lines.append(line)
                line = ""
            }
            line += piece
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// `phrase <local@domain>`, or the bare address when there is no name.
    static func mailbox(_ address: MailAddress, used: Int) -> String {
        guard let name = address.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            return address.address
        }
        return phrase(name) + " <" + address.address + ">"
    }

    /// A display name: atoms as is, other ASCII as a quoted string, non-ASCII as encoded words (RFC 2047 section 5(3)).
    static func phrase(_ text: String) -> String {
        let clean = text.replacing("\r", with: " ").replacing("\n", with: " ")
        if isPlainASCII(clean) && !clean.contains("=?") {
            let atext = clean.unicodeScalars.allSatisfy { isAtext($0) || $0 == " " }
            if atext { return clean }
            var quoted = "\""
            for scalar in clean.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { quoted += "\\" }
                quoted.unicodeScalars.append(scalar)
            }
            return quoted + "\""
        }
        return encodedWords(clean, firstLineUsed: 0)
    }

    /// UTF-8 "B" encoded words of at most 75 characters each (RFC 2047 section 2), split on character boundaries,
    /// joined by folding white space (which decoders drop between adjacent encoded words, section 6.2).
    static func encodedWords(_ text: String, firstLineUsed: Int) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        // 60 base64 characters + 12 of `=?UTF-8?B??=` = 72 on a continuation line (after its space); the first
        // word shares its line with `Name: `.
        func maxBytes() -> Int {
            let room = words.isEmpty ? HeaderEncoder.softLimit - firstLineUsed - 12 : 60
            return max(3, min(60, room) / 4 * 3)
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes(), !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Base64Encoder.encode(bytes) + "?="
    }

    /// Folds a line at spaces so that each piece stays within the soft limit where possible.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > softLimit else { return line }
        var out: [String] = []
        var current = ""
        for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let piece = index == 0 ? String(word) : " " + word
            if current.count + piece.count > softLimit, !current.trimmingCharacters(in: .whitespaces).isEmpty,
               !word.isEmpty {
                out.append(current)
                current = piece
            } else {
                current += piece
            }
        }
        out.append(current)
        return out.joined(separator: "\r\n")
    }

    /// Printable ASCII and tab only.
    static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value < 0x7F) || $0 == "\t" }
    }

    /// RFC 5322 atext.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
        }
    }

    /// A plain ASCII `local@domain` without spaces, brackets or control characters (no SMTPUTF8).
    static func isValidAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        return address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }
}
