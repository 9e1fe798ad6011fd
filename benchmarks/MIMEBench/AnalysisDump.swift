// A textual dump of everything `MessageAnalyzer.analyze` returns (tree, headers, decoded bytes, body lines,
// defects), so that a speed change can be checked for identical behaviour: `MIME_BENCH_DUMP=1 mime-bench 0 FILE...`
// before and after, then diff. Bytes are summarised by length and an FNV-1a digest (no message text is printed
// except header names and body lines, which are the fixtures' own).
import Foundation
import MailIngest

enum AnalysisDump {
    /// The dump of one input's analysis.
    static func dump(_ analysis: MessageAnalysis) -> String {
        var out = ""
        if let message = analysis.message {
            out += "message defects: \(message.defects.map(\.description))\n"
            out += "subject: \(message.subject ?? "-") from: \(String(describing: message.from)) to: \(message.to) "
                + "cc: \(message.cc) date: \(String(describing: message.date)) id: \(message.messageID ?? "-") "
                + "refs: \(message.references) header defects: \(message.headerDefects.map(\.description))\n"
            part(message.root, into: &out)
        }
        out += "body from \(analysis.body.sourcePaths) type \(analysis.body.sourceType ?? "-")\n"
        out += "body defects: \(analysis.body.defects.map(\.description))\n"
        for line in analysis.body.body.lines {
            out += "\(line.quoted ? "q" : "-")\(line.signature ? "s" : "-")|\(line.text)\n"
        }
        out += "defects: \(analysis.defects.map(\.description))\n"
        return out
    }

    private static func part(_ part: MIMEPart, into out: inout String) {
        let parameters = part.contentType.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        out += "part \(part.path) \(part.contentType.mimeType) \(parameters) cte=\(part.transferEncoding) "
            + "disp=\(part.disposition ?? "-") file=\(part.filename ?? "-") text=\(part.isText) att=\(part.isAttachment)\n"
        for field in part.headers { out += "  h \(field.name): \(digest(Array(field.rawValue.utf8)))\n" }
        switch part.body {
        case .leaf(let data):
            out += "  leaf \(data.count) \(digest(Array(data)))\n"
            if let text = part.decodedText() {
                out += "  text \(digest(Array(text.text.utf8))) \(text.defects.map(\.description))\n"
            }
        case .multipart(let parts, let preamble, let epilogue):
            out += "  multipart \(parts.count) pre=\(preamble.map { digest(Array($0.utf8)) } ?? "-") "
                + "epi=\(epilogue.map { digest(Array($0.utf8)) } ?? "-")\n"
            for child in parts { self.part(child, into: &out) }
        case .message(let inner):
            out += "  message\n"
            self.part(inner, into: &out)
        }
        out += "  data=\(part.data.map { "\($0.count)" } ?? "nil") children=\(part.children.count) "
            + "all=\(part.allParts.count) leaves=\(part.leaves.count) hash=\(part == part)\n"
    }

    /// Length and 64-bit FNV-1a of `bytes`.
    private static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return "\(bytes.count):\(String(hash, radix: 16))"
    }
}
