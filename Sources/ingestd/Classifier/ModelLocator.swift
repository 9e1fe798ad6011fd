import FeedbackClassifier
import Foundation

/// Finds and loads the classifier's model file: an explicit path, else `$INGESTD_MODEL`, else
/// `models/feedback.igdm` in the working folder or in a folder above the executable (a source checkout).
enum ModelLocator {
    static let defaultRelativePath = "models/feedback.igdm"

    /// The path that would be used, or nil when none exists.
    static func path(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["INGESTD_MODEL"], !env.isEmpty { return env }
        let fm = FileManager.default
        if fm.fileExists(atPath: defaultRelativePath) { return defaultRelativePath }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(defaultRelativePath).path
            if fm.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The interpreter over the located model; nil (with a note on standard error) when there is none and none was
    /// asked for. A model that was asked for but cannot be read is an error.
    static func interpreter(explicit: String?, summaryLanguage: String = "en") throws -> ReplyInterpreter? {
        guard let path = path(explicit: explicit) else {
            stderr("ingestd: no classifier model found (\(defaultRelativePath) or INGESTD_MODEL); classification skipped. "
                   + "Run `ingestd train` to build one.\n")
            return nil
        }
        do {
            return ReplyInterpreter(model: try FeedbackModel(contentsOf: URL(fileURLWithPath: path)), summaryLanguage: summaryLanguage)
        } catch {
            throw CommandError("cannot read the classifier model \(path): \(error)")
        }
    }
}
