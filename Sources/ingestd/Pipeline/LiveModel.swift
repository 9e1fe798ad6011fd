import FeedbackClassifier
import Foundation
import Synchronization

/// The classifier model `serve` uses, replaced without a restart when the model file changes: after a promotion in
/// the operators' pages of this process (``reload()``), and when another process promoted one (`ingestd train`
/// writes the file; another daemon's promotion installs it there): ``refreshIfChanged()`` compares the file's
/// identity (inode, size, modification time; the writers replace it atomically) and reloads on a change. The
/// pipeline asks it once per batch, so a promotion is used from the next batch on. A file that no longer loads keeps
/// the model in use (logged by the caller through the returned error).
final class LiveModel: Sendable {
    /// What one batch uses: the interpreter and the version recorded with its analyses.
    struct Snapshot: Sendable {
        var interpreter: ReplyInterpreter?
        var version: String?
    }

    /// The identity of the file as last loaded.
    struct FileStamp: Sendable, Hashable {
        var inode: UInt64
        var size: UInt64
        var modified: Date
    }

    private struct State: Sendable {
        var snapshot: Snapshot
        var stamp: FileStamp?
    }

    /// The model file (`model:` of the configuration, else the usual places); nil when none was found.
    let path: String?
    private let state: Mutex<State>

    /// Loads the model at `explicit` (or the located one, ``ModelLocator``). Throws when a model file exists but
    /// cannot be read.
    init(explicit: String?) throws {
        path = ModelLocator.path(explicit: explicit)
        let stamp = path.flatMap(Self.stamp)
        let snapshot = try Self.load(path: path, explicit: explicit)
        state = Mutex(State(snapshot: snapshot, stamp: stamp))
    }

    /// A fixed model (tests, or a process without a model file).
    init(snapshot: Snapshot) {
        path = nil
        state = Mutex(State(snapshot: snapshot, stamp: nil))
    }

    /// The model in use now.
    var current: Snapshot { state.withLock { $0.snapshot } }

    /// Reloads when the file is not the one loaded last; returns true when the model changed.
    @discardableResult func refreshIfChanged() throws -> Bool {
        guard let path, let stamp = Self.stamp(path) else { return false }
        guard state.withLock({ $0.stamp }) != stamp else { return false }
        return try reload()
    }

    /// Reads the file again now (after this process installed a promoted version); returns true when the version
    /// changed.
    @discardableResult func reload() throws -> Bool {
        guard let path else { return false }
        let stamp = Self.stamp(path)
        let snapshot = try Self.load(path: path, explicit: path)
        return state.withLock { state in
            let changed = state.snapshot.version != snapshot.version
            state.snapshot = snapshot
            state.stamp = stamp
            return changed
        }
    }

    private static func load(path: String?, explicit: String?) throws -> Snapshot {
        guard path != nil else { return Snapshot(interpreter: nil, version: nil) }
        let interpreter = try ModelLocator.interpreter(explicit: path)
        return Snapshot(interpreter: interpreter, version: interpreter == nil ? nil : ModelLocator.version(explicit: path))
    }

    static func stamp(_ path: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return FileStamp(inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                         size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                         modified: attributes[.modificationDate] as? Date ?? .distantPast)
    }
}
