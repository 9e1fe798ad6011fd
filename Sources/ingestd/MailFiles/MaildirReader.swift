import Foundation

/// Reads a Maildir (cr.yp.to/proto/maildir.html): messages in `new/` and `cur/`; `tmp/` (deliveries in progress) is
/// never read. A message from `new/` is moved to `cur/` with the info `:2,S` (seen) only after the handler returned,
/// that is, after the sink stored it: a crash in between leaves it in `new/`, read again next time and stored once
/// (same bytes). Messages already in `cur/` keep their name.
struct MaildirReader: Sendable {
    /// What one pass did.
    struct Report: Sendable, Hashable {
        /// Messages handed to the handler.
        var read = 0
        /// Messages moved from `new/` to `cur/`.
        var moved = 0
        /// Entries that could not be read (permissions, vanished): their paths.
        var unreadable: [String] = []
        /// Messages stored but not moved to `cur/` (rename failed): their paths. They are read again next pass.
        var unmoved: [String] = []
    }

    /// The Maildir folder.
    let root: URL

    /// True when `folder` holds `cur/` and `new/` folders.
    static func isMaildir(_ folder: URL) -> Bool {
        ["cur", "new"].allSatisfy { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path,
                                                  isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The name a message from `new/` gets in `cur/`: its unique part, then `:2,` and its flags with `S` added
    /// (flags in ASCII order, as the Maildir convention asks).
    static func seenName(_ name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return name + ":2,S" }
        let info = name[name.index(after: colon)...]
        let flags = info.hasPrefix("2,") ? Set(info.dropFirst(2)) : []
        return name[..<colon] + ":2," + String(flags.union(["S"]).sorted())
    }

    /// Hands every message of `new/` (and of `cur/` when `includeCur`) to `handle`, in name order, `new/` first.
    /// An error thrown by `handle` stops the pass and is rethrown; the message stays where it was.
    func read(includeCur: Bool = true, _ handle: (MailFile) async throws -> Void) async throws -> Report {
        try await read(includeCur: includeCur, batchSize: 1) { files in
            for file in files { try await handle(file) }
        }
    }

    /// Hands the messages to `handle` in batches of at most `batchSize` (in name order, `new/` first, a batch never
    /// mixing the two folders); the messages of a batch from `new/` move to `cur/` only after `handle` returned for
    /// the whole batch. An error thrown by `handle` stops the pass and is rethrown; that batch stays where it was.
    func read(includeCur: Bool = true, batchSize: Int, _ handle: ([MailFile]) async throws -> Void) async throws
        -> Report {
        var report = Report()
        // Both listings are taken first: messages moved from new/ during the pass must not be read again in cur/.
        let folders = (includeCur ? ["new", "cur"] : ["new"]).map { folder in
            (folder, ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted())
        }
        for (folder, names) in folders {
            let directory = root.appendingPathComponent(folder)
            var batch: [(name: String, file: MailFile)] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                try await handle(batch.map(\.file))
                report.read += batch.count
                if folder == "new" {
                    for (name, file) in batch {
                        let target = root.appendingPathComponent("cur").appendingPathComponent(Self.seenName(name))
                        // rename(2): atomic within the Maildir's file system.
                        if rename(file.origin, target.path) == 0 { report.moved += 1 } else { report.unmoved.append(file.origin) }
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            for name in names {
                let url = directory.appendingPathComponent(name)
                let raw: Data
                do {
                    raw = try Data(contentsOf: url)
                } catch {
                    report.unreadable.append(url.path)
                    continue
                }
                batch.append((name, MailFile(raw: raw, origin: url.path, arrival: MailInput.modificationDate(url))))
                if batch.count >= max(1, batchSize) { try await flush() }
            }
            try await flush()
        }
        return report
    }
}
