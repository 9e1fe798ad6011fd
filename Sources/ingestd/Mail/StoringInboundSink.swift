import AgendaStore
import Foundation
import MailIngest

/// The minimal sink of `ingestd poll` (tests, crash rounds, the IMAP benchmark); `serve` uses the whole
/// ``InboundPipeline`` (correlation, classification) instead. It parses each message and detects its kind (bounce,
/// auto-reply, reply; ``MessageAnalyzer/detect(_:)``, no body reading) and stores the raw bytes with the mailbox
/// position, no classifier analysis. Unparseable input is stored, never dropped.
struct StoringInboundSink: InboundSink {
    /// The store, once open.
    private let store: @Sendable () async throws -> any AgendaStore & InboundPipelineStore
    /// Run MIME analysis and detection (kind, Message-ID, sender, subject); when false only the raw bytes are stored.
    var analyze = true

    init(store: any AgendaStore & InboundPipelineStore, analyze: Bool = true) {
        self.store = { store }
        self.analyze = analyze
    }

    /// A sink over a store still being opened: analysis starts at once, the first write waits for the store.
    init(opening: OpeningStore, analyze: Bool = true) {
        self.store = { try await opening.store }
        self.analyze = analyze
    }

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        try await store().storeInbound(message((raw: raw, source: source, receivedAt: receivedAt)), analysis: nil)
    }

    func accept(batch items: [InboundDelivery]) async throws -> [StoredInbound] {
        try await stage(batch: items).store()
    }

    func stage(batch items: [InboundDelivery]) async -> StagedInboundBatch {
        // Analysis is pure and CPU-bound: split the batch over the cores; the store is one transaction for all.
        let messages = await withTaskGroup(of: (Int, [InboundMessage]).self) { group in
            // A few chunks per core, so a core that is also storing the previous batch gets fewer of them.
            let chunk = max(1, (items.count + Self.cores * 4 - 1) / (Self.cores * 4))
            for start in stride(from: 0, to: items.count, by: chunk) {
                let slice = Array(items[start..<min(start + chunk, items.count)])
                group.addTask { (start, slice.map(message)) }
            }
            var parts: [(Int, [InboundMessage])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        // Hash and compress now too, so the store's turn is the write alone; a refused entry is refused by the store.
        let store = self.store, entries = messages.map { InboundBatchEntry(message: $0) }
        let sealed = try? await SealedInboundBatch.seal(entries)
        return StagedInboundBatch {
            if let sealed { return try await store().storeInboundBatch(sealed: sealed) }
            return try await store().storeInboundBatch(entries)
        }
    }

    /// Analyses and seals ``RehearsalMessages`` and rehearses their write (rolled back) once the store is open.
    func warmUp() async {
        let entries = RehearsalMessages.all.map {
            InboundBatchEntry(message: message((raw: $0, source: nil, receivedAt: Date(timeIntervalSince1970: 0))))
        }
        guard let sealed = try? await SealedInboundBatch.seal(entries) else { return }
        try? await store().rehearseInboundBatch(sealed: sealed)
    }

    private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    private func message(_ item: InboundDelivery) -> InboundMessage {
        var message = InboundMessage(raw: item.raw, source: item.source, kind: .other, receivedAt: item.receivedAt)
        if analyze {
            let detected = MessageAnalyzer().detect(item.raw)
            message.kind = MessageKind(rawValue: detected.detection.kind.rawValue) ?? .other
            message.messageID = detected.message.messageID
            message.fromAddress = detected.sender?.address
            message.subject = detected.message.subject
        }
        return message
    }
}

/// The agenda store opened in the background, so `ingestd poll` connects to its mailboxes meanwhile (about 6 ms
/// of a one-shot poll's start); every use waits for the opening and fails with its error.
struct OpeningStore: Sendable {
    private let task: Task<SQLiteAgendaStore, any Error>

    init(path: String) { task = Task.detached { try SQLiteAgendaStore(path: path) } }

    /// The open store; throws the opening's error.
    var store: SQLiteAgendaStore { get async throws { try await task.value } }

    /// The opening's error, once it has ended; nil when the store opened.
    var failure: (any Error)? {
        get async {
            if case .failure(let error) = await task.result { return error }
            return nil
        }
    }
}

extension OpeningStore: MailboxStateStore {
    func cursor(of mailbox: String) async throws -> MailboxCursor? { try await store.cursor(of: mailbox) }

    func advance(_ mailbox: String, to cursor: MailboxCursor, at: Date) async throws {
        try await store.advance(mailbox, to: cursor, at: at)
    }
}
