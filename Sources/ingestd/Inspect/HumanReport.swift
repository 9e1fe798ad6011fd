import MailIngest

/// The readable form of an inspect row, for people at a terminal.
enum HumanReport {
    static func render(file: String, row: JSONValue, analysis: MessageAnalysis?) -> String {
        var out = "== \(file)\n"
        guard let analysis else {
            if case .object(let pairs) = row, let error = pairs.first(where: { $0.0 == "error" })?.1,
               case .string(let text) = error {
                out += "error: \(text)\n\n"
            }
            return out
        }
        if let message = analysis.message {
            if let from = message.from {
                out += "From:    \(from.name.map { "\($0) " } ?? "")<\(from.address)>\n"
            }
            if let subject = message.subject { out += "Subject: \(subject)\n" }
            if let date = message.date { out += "Date:    \(date)\n" }
            out += "Parts:\n"
            for part in message.root.leaves {
                let charset = part.contentType.charset.map { "; charset=\($0)" } ?? ""
                let name = part.filename.map { " \"\($0)\"" } ?? ""
                out += "  \(part.path)  \(part.contentType.mimeType)\(charset)  \(part.data?.count ?? 0) bytes\(name)\n"
            }
        }
        out += "Kind:    \(analysis.kind.rawValue)\n"
        out += "Defects: \(analysis.defects.isEmpty ? "none" : analysis.defects.map(\.description).joined(separator: ", "))\n"
        let reply = analysis.reply
        out += "--- visible\n\(reply.visible)\n"
        if !reply.quoted.isEmpty { out += "--- quoted (\(reply.quoted.split(separator: "\n").count) lines)\n" }
        if !reply.signature.isEmpty { out += "--- signature\n\(reply.signature)\n" }
        out += classification(row)
        return out + "\n"
    }

    /// Language, intent, summary and proposals, read back from the row.
    private static func classification(_ row: JSONValue) -> String {
        guard case .object(let pairs) = row else { return "" }
        let fields = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        var out = ""
        if case .string(let language)? = fields["language"] { out += "Language: \(language)\n" }
        if case .object(let c)? = fields["classification"] {
            let values = Dictionary(c, uniquingKeysWith: { first, _ in first })
            if case .string(let intent)? = values["intent"], case .number(let confidence)? = values["confidence"] {
                var line = "Intent:  \(intent) (\(Int((confidence * 100).rounded()))%)"
                if case .bool(true)? = values["abstained"] { line += ", unsure: for a person to check" }
                out += line + "\n"
            }
        }
        if case .string(let summary)? = fields["summary"] { out += "Summary: \(summary)\n" }
        if case .array(let items)? = fields["items"], !items.isEmpty {
            out += "Proposals:\n"
            for case .object(let item) in items {
                let v = Dictionary(item, uniquingKeysWith: { first, _ in first })
                func text(_ key: String) -> String? { if case .string(let s)? = v[key] { return s }; return nil }
                var line = "  \(text("number") ?? "?")  \(text("qualification") ?? "no qualification")"
                if let date = text("promise_date") { line += " on \(date)" }
                if let amount = text("amount") { line += " \(amount)\(text("currency").map { " \($0)" } ?? "")" }
                if let reason = text("dispute_reason") { line += " (\(reason))" }
                if let evidence = text("evidence") { line += "  \"\(evidence.prefix(90))\"" }
                out += line + "\n"
            }
        }
        return out
    }
}
