/// Finds e-mail addresses in a reply (the contact to write to instead).
public enum ContactExtractor {
    /// Addresses in text order, lower-cased, without duplicates.
    public static func addresses(in text: String) -> [String] {
        var out: [String] = []
        let chars = Array(text)
        for (i, c) in chars.enumerated() where c == "@" {
            var start = i
            while start > 0, isLocal(chars[start - 1]) { start -= 1 }
            var end = i + 1
            while end < chars.count, isDomain(chars[end]) { end += 1 }
            while end > i + 1, chars[end - 1] == "." || chars[end - 1] == "-" { end -= 1 }
            guard start < i, end > i + 1 else { continue }
            let domain = chars[(i + 1)..<end]
            guard domain.contains("."), domain.last?.isLetter == true else { continue }
            var local = chars[start..<i]
            while local.first == "." { local = local.dropFirst() }
            let address = (String(local) + "@" + String(domain)).lowercased()
            if !out.contains(address) { out.append(address) }
        }
        return out
    }

    private static func isLocal(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c))
    }

    private static func isDomain(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || ".-".contains(c))
    }
}
