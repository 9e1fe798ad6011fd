import AgendaStore
import ArgumentParser
import FeedbackClassifier
import Foundation
import MailIngest

/// `ingestd ingest`: one-off import of .eml files, Maildirs and mbox files through the same pipeline as the mailbox
/// poller (``InboundPipeline``).
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Import .eml files, Maildirs and mbox files into the agenda store through the reply pipeline.",
        discussion: """
            Each message is analysed, matched to a customer (capture token, In-Reply-To/References, sender \
            address, sender domain, invoice numbers), classified when it is a reply, and stored once: importing \
            the same files again stores nothing new. A message that is too large or cannot be parsed is stored in \
            quarantine with its reason. Messages are analysed in parallel and stored in batches (--batch-size, \
            default 200), one transaction each. In a Maildir, messages in new/ move to cur/ (flag S) once stored; tmp/ is \
            not read. A folder that is not a Maildir is searched for Maildirs, *.eml and *.mbox files.

            Exit status: 0 every input read and every message stored; 1 some input could not be read (the others \
            were imported); 3 the store could not be opened or written (the run stopped; what was stored stays, \
            Maildir messages not stored stay in new/); 64 bad usage.
            """
    )

    @Option(help: ArgumentHelp("The agenda store's SQLite file (created when missing).", valueName: "PATH"))
    var store: String?

    @Option(help: ArgumentHelp("The data folder; the store is DIR/agenda.sqlite (created when missing).", valueName: "DIR"))
    var dataDir: String?

    @Option(help: ArgumentHelp("The classifier's model file (default: $INGESTD_MODEL, else models/feedback.igdm here or above the executable).", valueName: "PATH"))
    var model: String?

    @Option(help: ArgumentHelp("An ISO-8601 instant used as every message's arrival time and to resolve relative dates (\"next Friday\"); default: each file's time and each message's Date.", valueName: "ISO"))
    var now: String?

    @Option(help: "Language of the one-line summaries (en, fr, de, es, it, nl, pt, pl, ro, sv, tr, hr, ja, zh).")
    var summaryLanguage = "en"

    @Flag(help: "Store replies without running the classifier (no intent, summary or proposals).")
    var noClassify = false

    @Option(help: ArgumentHelp("Messages stored per store transaction (analysed in parallel before it).", valueName: "N"))
    var batchSize = 200

    @Flag(help: "Print the summary as one JSON object instead of the readable report.")
    var json = false

    @Argument(help: ArgumentHelp("Message files (.eml), Maildirs, mbox files, or folders holding them.", valueName: "FILE_OR_DIR"))
    var paths: [String]

    /// The store file the options name.
    var storePath: String? { store ?? dataDir.map { URL(fileURLWithPath: $0).appendingPathComponent("agenda.sqlite").path } }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one FILE_OR_DIR") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if (store == nil) == (dataDir == nil) { throw ValidationError("give either --store PATH or --data-dir DIR") }
        if let now, ISO8601DateFormatter().date(from: now) == nil {
            throw ValidationError("--now is not an ISO-8601 date-time (e.g. 2026-11-24T09:00:00Z)")
        }
    }

    func run() async throws {
        MallocSettings.forMailJobs()
        let clock = now.flatMap { ISO8601DateFormatter().date(from: $0) }
        let interpreter = noClassify ? nil : try ModelLocator.interpreter(explicit: model, summaryLanguage: summaryLanguage)
        let agenda: SQLiteAgendaStore
        do {
            if let dataDir { try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true) }
            agenda = try SQLiteAgendaStore(path: storePath ?? "")
        } catch {
            stderr("ingestd: cannot open the store \(storePath ?? ""): \(error)\n")
            throw ExitCode(3)
        }
        let pipeline = InboundPipeline(store: agenda, configuration: InboundPipeline.Configuration(
            interpreter: interpreter, modelVersion: interpreter == nil ? nil : ModelLocator.version(explicit: model),
            referenceDate: clock))
        var run = IngestRun(pipeline: pipeline, clock: clock, batchSize: batchSize)
        do {
            try await run.ingest(MailInput.resolve(paths))
        } catch {
            run.progress.finish()
            output(run.summary)
            stderr("ingestd: the store failed after \(run.summary.read) messages: \(error)\n")
            throw ExitCode(3)
        }
        run.progress.finish()
        output(run.summary)
        if !run.summary.unreadable.isEmpty { throw ExitCode(1) }
    }

    private func output(_ summary: IngestSummary) {
        print(json ? summary.json().serialized() : summary.render(), terminator: json ? "\n" : "")
    }
}

/// One ingest run over resolved inputs: reads, hands the messages to the pipeline in batches (one store transaction
/// each), counts.
struct IngestRun {
    let pipeline: InboundPipeline
    /// The fixed arrival time (`--now`), or nil for each file's own.
    let clock: Date?
    /// Messages stored per transaction.
    var batchSize = 200
    var summary = IngestSummary()
    var progress = ProgressLine()
    /// Messages read and not yet handed to the pipeline (.eml files and mbox messages; a Maildir hands its own).
    private var pending: [MailFile] = []

    init(pipeline: InboundPipeline, clock: Date?, batchSize: Int = 200) {
        self.pipeline = pipeline
        self.clock = clock
        self.batchSize = max(1, batchSize)
    }

    /// Ingests every input; a store error stops the run and is rethrown.
    mutating func ingest(_ inputs: [MailInput]) async throws {
        for input in inputs {
            switch input {
            case .missing(let url):
                summary.unreadable.append(url.path)
            case .skipped:
                summary.skipped += 1
            case .eml(let url):
                guard let raw = try? Data(contentsOf: url) else { summary.unreadable.append(url.path); continue }
                try await add(MailFile(raw: raw, origin: url.path, arrival: MailInput.modificationDate(url)))
            case .mbox(let url):
                guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
                    summary.unreadable.append(url.path)
                    continue
                }
                for file in MboxReader.messages(in: data, path: url.path) { try await add(file) }
            case .maildir(let url):
                try await flush()
                let report = try await MaildirReader(root: url).read(batchSize: batchSize) { files in
                    try await handle(files)
                }
                summary.movedToCur += report.moved
                summary.unreadable += report.unreadable
            }
        }
        try await flush()
    }

    private mutating func add(_ file: MailFile) async throws {
        pending.append(file)
        if pending.count >= batchSize { try await flush() }
    }

    private mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let files = pending
        pending.removeAll(keepingCapacity: true)
        try await handle(files)
    }

    private mutating func handle(_ files: [MailFile]) async throws {
        let outcomes = try await pipeline.process(batch: files.map {
            (raw: $0.raw, source: nil, receivedAt: clock ?? $0.arrival ?? Date())
        })
        for outcome in outcomes { summary.add(outcome) }
        progress.update(summary)
    }
}

/// Progress on standard error for long runs: a line every two seconds once a run passes two seconds.
struct ProgressLine {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now
    private var shown = false

    mutating func update(_ summary: IngestSummary) {
        let now = ContinuousClock.now
        guard now - last >= .seconds(2) else { return }
        last = now
        shown = true
        stderr("ingest: \(summary.read) messages, \(summary.stored) stored, \(summary.duplicates) duplicates, "
               + "\(String(format: "%.0f", Double(summary.read) / max((now - start).seconds, 0.001))) msg/s\n")
    }

    func finish() {
        if shown { stderr("ingest: done\n") }
    }
}
