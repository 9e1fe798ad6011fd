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
        return out + "\n"
    }
}
