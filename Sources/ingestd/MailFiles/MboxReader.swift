import Foundation

/// Reads an mbox file (RFC 4155; the mboxo and mboxrd variants): messages follow a `From ` separator line that
/// starts the file or follows an empty line; the empty line before a separator belongs to the format, not to the
/// message; body lines matching `^>+From ` lose one `>` (mboxrd unescaping, which is also right for mboxo's
/// `>From `). CRLF and LF line ends both work. The file is memory-mapped and its messages handed out one at a time.
struct MboxReader: Sendable {
    /// The mbox file.
    let url: URL

    /// True when the file ends in `.mbox`/`.mbx` or its first bytes are `From `.
    static func looksLikeMbox(_ url: URL) -> Bool {
        if ["mbox", "mbx"].contains(url.pathExtension.lowercased()) { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 5)) ?? Data()
        return head == Data("From ".utf8)
    }

    /// Hands every message to `handle`, in file order; returns how many. Reading the file or `handle` may throw;
    /// an error stops the pass and is rethrown.
    func read(_ handle: (MailFile) async throws -> Void) async throws -> Int {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        var count = 0
        for file in Self.messages(in: data, path: url.path) {
            try await handle(file)
            count += 1
        }
        return count
    }

    /// The messages of an mbox file's bytes, unescaped one at a time as the sequence is walked; origins are
    /// `path#1`, `path#2`, ...
    static func messages(in data: Data, path: String) -> LazyMapSequence<EnumeratedSequence<[Entry]>, MailFile> {
        split(data).enumerated().lazy.map { index, entry in
            MailFile(raw: unescape(data[entry.body]), origin: "\(path)#\(index + 1)",
                     arrival: date(ofSeparator: data[entry.separator]))
        }
    }

    /// One message of an mbox file: its `From ` line and its bytes (still escaped), as ranges of the file.
    struct Entry: Sendable, Hashable {
        var separator: Range<Int>
        var body: Range<Int>
    }

    /// The messages of an mbox file. Bytes before the first separator (not an mbox) are ignored.
    static func split(_ data: Data) -> [Entry] {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Entry] in
            let bytes = raw.bindMemory(to: UInt8.self)
            let base = data.startIndex
            var entries: [Entry] = []
            var current: (separator: Range<Int>, start: Int)?
            var lineStart = 0
            var previousEmpty = true  // the file's start counts as following an empty line
            func finish(at end: Int) {
                guard let open = current else { return }
                var stop = end
                // The empty line written before the next separator (or at the end) is the format's, not the message's.
                if stop - open.start >= 2, bytes[stop - 1] == 0x0A {
                    let lineEnd = stop >= 2 && bytes[stop - 2] == 0x0D ? 2 : 1
                    let before = stop - lineEnd
                    if before > open.start, bytes[before - 1] == 0x0A { stop = before }
                }
                entries.append(Entry(separator: (base + open.separator.lowerBound)..<(base + open.separator.upperBound),
                                     body: (base + open.start)..<(base + max(open.start, stop))))
            }
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let next = min(lineEnd + 1, bytes.count)
                let isSeparator = previousEmpty && lineEnd - lineStart >= 5 && bytes[lineStart] == 0x46
                    && bytes[lineStart + 1] == 0x72 && bytes[lineStart + 2] == 0x6F && bytes[lineStart + 3] == 0x6D
                    && bytes[lineStart + 4] == 0x20
                if isSeparator {
                    finish(at: lineStart)
                    current = (lineStart..<lineEnd, next)
                }
                let length = lineEnd - lineStart
                previousEmpty = length == 0 || (length == 1 && bytes[lineStart] == 0x0D)
                lineStart = next
            }
            finish(at: bytes.count)
            return entries
        }
    }

    /// The message with mboxrd escaping undone: one `>` removed from each line matching `^>+From `.
    static func unescape(_ message: Data) -> Data {
        let escaped = Data("\n>".utf8)
        guard message.starts(with: Data(">".utf8)) || message.range(of: escaped) != nil else { return Data(message) }
        var out = Data()
        out.reserveCapacity(message.count)
        var lineStart = message.startIndex
        while lineStart < message.endIndex {
            let lineEnd = message[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? message.endIndex
            let line = message[lineStart..<lineEnd]
            let quotes = line.prefix { $0 == 0x3E }.count
            if quotes > 0, line.dropFirst(quotes).starts(with: Data("From ".utf8)) {
                out.append(line.dropFirst())
            } else {
                out.append(line)
            }
            lineStart = lineEnd
        }
        return out
    }

    /// The date of a `From sender Tue Nov 24 08:00:12 2026` line (asctime, UTC), or nil.
    static func date(ofSeparator line: Data) -> Date? {
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\r" })
        guard words.count >= 7 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        return formatter.date(from: words[2...6].joined(separator: " "))
    }
}
