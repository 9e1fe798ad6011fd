import Foundation
import MailIngest
import WebUI

/// The original-message view over MailIngest: header fields with encoded words decoded (RFC 2047), the body the
/// customer's client showed as text (HTML turned into text by libxml2, never passed on as markup) and every
/// attachment leaf with its decoded bytes.
struct MailIngestMessageReader: OriginalMessageReader {
    /// Parse limits (the pipeline's defaults).
    var limits = ParseLimits.default

    func read(_ raw: Data) -> OriginalMessage {
        let analysis = MessageAnalyzer(limits: limits).analyze(raw)
        guard let message = analysis.message else {
            return PlainOriginalMessageReader().read(raw)
        }
        let headers = message.headers.fields.map { field in
            (name: field.name, value: EncodedWords.decode(field.rawValue).text)
        }
        var attachments: [OriginalMessage.Attachment] = []
        for part in message.root.allParts where part.isAttachment {
            guard let data = part.data else { continue }
            let type = "\(part.contentType.type)/\(part.contentType.subtype)"
            let name = part.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "part-\(part.path).bin"
            attachments.append(.init(filename: name, contentType: type, data: data))
        }
        return OriginalMessage(headers: headers, text: analysis.body.body.text, attachments: attachments)
    }
}
