import Foundation
import Mustache
import Synchronization

/// Parsed Mustache templates by file, shared by every render of one ``OutboundTemplates``: a send pass renders the
/// same few files thousands of times, and reading and parsing them was a tenth of the CPU of a send. Each lookup
/// still checks the file (one `stat`): a template edited, added or removed while the daemon runs is used at once.
final class TemplateCache: Sendable {
    /// A parsed file and what identified its version.
    private struct Entry {
        var modified: timespec
        var size: Int
        var template: MustacheTemplate
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The template in `path` (parsed with `prefix` before its text), or nil when the file does not exist or
    /// cannot be read. Throws when the file does not parse.
    func template(at path: String, prefix: String = "") throws -> MustacheTemplate? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            entries.withLock { _ = $0.removeValue(forKey: path) }
            return nil
        }
        let size = Int(info.st_size), modified = info.st_mtim
        if let entry = entries.withLock({ $0[path] }), entry.size == size,
           entry.modified.tv_sec == modified.tv_sec, entry.modified.tv_nsec == modified.tv_nsec {
            return entry.template
        }
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let template = try MustacheTemplate(string: prefix + source)
        entries.withLock { $0[path] = Entry(modified: modified, size: size, template: template) }
        return template
    }
}
