/// A reply of an SMTP server (RFC 5321 section 4.2): the three-digit code and the text, as the server wrote it.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// Reply code, e.g. 250, 450, 550.
    public var code: Int
    /// Text after the code (enhanced status code included, RFC 3463), lines joined by a space.
    public var text: String

    /// Makes a reply.
    public init(code: Int, text: String) {
        self.code = code
        self.text = text
    }

    /// Positive completion (2yz).
    public var isPositive: Bool { (200..<300).contains(code) }
    /// Transient negative completion (4yz): the same command may succeed later.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// Permanent negative completion (5yz).
    public var isPermanent: Bool { (500..<600).contains(code) }

    /// `code text`: the server's words, as shown to collectors.
    public var description: String { text.isEmpty ? String(code) : "\(code) \(text)" }

    /// The queue id a server names in its reply to the end of DATA, if any: Postfix and Sendmail write
    /// `queued as ID`, Exim `id=ID`, others `<ID> Queued mail for delivery` or `Ok: ID`. Nil when none is recognised.
    public var queueID: String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            if lower == "as", index > 0, words[index - 1].lowercased() == "queued", index + 1 < words.count {
                return Self.clean(words[index + 1])
            }
            if lower.hasPrefix("id=") { return Self.clean(String(word.dropFirst(3))) }
        }
        if let first = words.first(where: { $0.hasPrefix("<") && $0.hasSuffix(">") && $0.count > 2 }),
           text.lowercased().contains("queued") {
            return Self.clean(first)
        }
        return nil
    }

    private static func clean(_ word: String) -> String? {
        let trimmed = word.trimmingCharacters(in: "<>()[],;.\"'")
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
