import Foundation
import MailIngest

/// One benchmark input, loaded and prepared before any timing: the raw bytes, the body reply extraction sees and,
/// for whole messages, the parsed message detection sees.
struct PreparedInput {
    /// The input's format, as `ingestd inspect --format` would be given it.
    var format: MessageAnalysis.InputFormat
    /// The path under the fixtures folder (`replies/...`, `bounces/...`), for the per-input breakdown.
    var path: String
    /// The file's bytes, for the end-to-end stage.
    var bytes: Data
    /// The body as the product prepares it (`MessageAnalyzer`): text files `BodyText(plain:)` and HTML files
    /// `HTMLText.convert`, both through `BodyChooser` (which caps lines at `ParseLimits.maxLineLength`); messages
    /// `MessageParser` + `BodyChooser`.
    var body: BodyText
    /// The parsed message (eml only).
    var message: ParsedMessage?
    /// The sender's display name as a signature hint (eml only), as `MessageAnalyzer` passes it.
    var hints: ReplyHints

    init(format: MessageAnalysis.InputFormat, path: String, bytes: Data) {
        self.format = format
        self.path = path
        self.bytes = bytes
        let analysis = MessageAnalyzer().analyze(bytes, format: format)
        body = analysis.body.body
        message = analysis.message
        hints = ReplyHints(senderName: analysis.message?.from?.name)
    }

    /// Loads every reply input (`replies/**/*.txt|html|eml`) or bounce-set message (`bounces/**/*.eml`) under
    /// `fixtures`, sorted by path so every implementation sees the same order.
    static func load(_ fixtures: URL, folder: String) throws -> [PreparedInput] {
        let root = fixtures.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var paths: [URL] = []
        for case let url as URL in walker where ["txt", "html", "eml"].contains(url.pathExtension) {
            paths.append(url)
        }
        return try paths.sorted { $0.path < $1.path }.map { url in
            let format: MessageAnalysis.InputFormat = switch url.pathExtension {
            case "txt": .text
            case "html": .html
            default: .eml
            }
            let path = folder + url.path.dropFirst(root.path.count)
            return PreparedInput(format: format, path: path, bytes: try Data(contentsOf: url))
        }
    }
}
