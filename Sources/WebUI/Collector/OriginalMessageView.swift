import AgendaStore
import Foundation

/// The original message: its header fields, its text as plain text (never markup), its attachments and the files
/// the customer uploaded, each offered for download only.
enum OriginalMessageView {
    static func page(session: Session, detail: InboundDetail, customer: Customer?, message: OriginalMessage?,
                     uploads: [UploadInfo]) -> HTML {
        let id = detail.id.rawValue
        let customerLink: HTML = customer.map { "<a href=\"/customers/\($0.id.rawValue)\">\($0.name)</a>" }
            ?? "<span class=\"muted\">unmatched</span>"
        var body: HTML = """
            <p><a href="/replies/\(id)">← The reply</a></p>
            <h1>Original message from \(customerLink)</h1>
            """
        guard let message else {
            return Layout.page(title: "Original message", session: session,
                               body: body + "<p class=\"muted\">The raw message is not stored.</p>")
        }
        let headers = message.headers.map { "<tr><th>\($0.name)</th><td>\($0.value)</td></tr>" as HTML }
        let attachments = message.attachments.enumerated().map { index, attachment -> HTML in
            """
            <li><a href="/replies/\(id)/attachments/\(index)" download>\(attachment.filename)</a> \
            <span class="muted">\(attachment.contentType), \(size(attachment.data.count))</span></li>
            """
        }
        let files = uploads.map { upload -> HTML in
            """
            <li><a href="/uploads/\(upload.id.rawValue)" download>\(upload.filename)</a> \
            <span class="muted">\(upload.contentType), \(size(upload.size)), sent \(Format.instant(upload.receivedAt))</span></li>
            """
        }
        body = body + """
            <h2>Header fields</h2>
            <table class="headers"><tbody>\(headers)</tbody></table>
            <h2>Text</h2>
            <pre class="original">\(message.text)</pre>
            <h2>Attachments</h2>
            \(attachments.isEmpty ? "<p class=\"muted\">No attachments.</p>" as HTML : "<ul>\(attachments)</ul>")
            """
        if !files.isEmpty || detail.kind == .comment {
            body = body + """
                <h2>Files uploaded from the customer's page</h2>
                \(files.isEmpty ? "<p class=\"muted\">None.</p>" as HTML : "<ul>\(files)</ul>")
                """
        }
        return Layout.page(title: "Original message", session: session, body: body)
    }

    /// A byte count for people.
    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KiB" : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
