import Foundation

/// The Message-ID of the message that bounced, read from what the bounce returned of it (RFC 3462
/// text/rfc822-headers, a message/rfc822 part, or a copy pasted after the notice).
enum OriginalMessageID {
    /// The returned Message-ID without angle brackets, or nil.
    static func find(in report: ReportText) -> String? {
        if let id = report.returnedMessageID.flatMap(clean) { return id }
        var found: String?
        TextLines.forEach(in: report.returnedHeaders) { line in
            if ASCIIFold.hasPrefix(line, messageID) || ASCIIFold.hasPrefix(line, messageIDSpaced) {
                found = clean(String(line.drop { $0 != ":" }.dropFirst()))
            }
            return found != nil
        }
        return found
    }

    private static let messageID = Array("message-id:".utf8)
    private static let messageIDSpaced = Array("message-id :".utf8)

    /// `<id@host>` -> `id@host`; nil when empty.
    static func clean(_ value: String) -> String? {
        var text = Substring(value)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            text = text[text.index(after: open)..<close]
        }
        let id = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        return id.isEmpty ? nil : id
    }
}
