import Foundation

/// One message read from a file source (an .eml file, a Maildir entry, one message of an mbox file).
struct MailFile: Sendable {
    /// The message's bytes, as stored (mbox escaping undone).
    var raw: Data
    /// Where it was read, for progress and error lines: a path, or `path#n` for the n-th message of an mbox file.
    /// Never message text.
    var origin: String
    /// When it arrived, when the source says so: the file's modification time (Maildir, .eml) or the date of the
    /// mbox "From " line.
    var arrival: Date?
}

/// What `ingestd ingest` does with one command-line path.
enum MailInput: Sendable, Hashable {
    /// A whole RFC 5322 message in one file.
    case eml(URL)
    /// A Maildir (a folder holding `cur/` and `new/`).
    case maildir(URL)
    /// An mbox file (mboxo or mboxrd).
    case mbox(URL)
    /// A file inside a searched folder that is not a message file (README, index files...).
    case skipped(URL)
    /// A path that does not exist or cannot be listed.
    case missing(URL)

    /// The inputs of the paths given, in order: a Maildir as one input; other folders searched recursively (sorted)
    /// for Maildirs, `*.eml` and `*.mbox`/`*.mbx` files, anything else skipped; a file named on the command line is
    /// an mbox file when it ends in `.mbox`/`.mbx` or starts with `From `, else a message.
    static func resolve(_ paths: [String]) -> [MailInput] {
        paths.flatMap { path -> [MailInput] in
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [.missing(url)] }
            if !isDirectory.boolValue { return [MboxReader.looksLikeMbox(url) ? .mbox(url) : .eml(url)] }
            return search(url)
        }
    }

    private static func search(_ folder: URL) -> [MailInput] {
        if MaildirReader.isMaildir(folder) { return [.maildir(folder)] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [.missing(folder)] }
        return names.filter { !$0.hasPrefix(".") || MaildirReader.isMaildir(folder.appendingPathComponent($0)) }
            .sorted().flatMap { name -> [MailInput] in
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
                if isDirectory.boolValue { return search(url) }
                switch url.pathExtension.lowercased() {
                case "eml": return [.eml(url)]
                case "mbox", "mbx": return [.mbox(url)]
                default: return [.skipped(url)]
                }
            }
    }

    /// The file's modification time.
    static func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}
