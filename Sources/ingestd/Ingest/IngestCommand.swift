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
            quarantine with its reason. In a Maildir, messages in new/ move to cur/ (flag S) once stored; tmp/ is \
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

    @Flag(help: "Print the summary as one JSON object instead of the readable report.")
    var json = false

    @Argument(help: ArgumentHelp("Message files (.eml), Maildirs, mbox files, or folders holding them.", valueName: "FILE_OR_DIR"))
    var paths: [String]

    /// The store file the options name.
    var storePath: String? { store ?? dataDir.map { URL(fileURLWithPath: $0).appendingPathComponent("agenda.sqlite").path } }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one FILE_OR_DIR") }
        if (store == nil) == (dataDir == nil) { throw ValidationError("give either --store PATH or --data-dir DIR") }
        if let now, ISO8601DateFormatter().date(from: now) == nil {
            throw ValidationError("--now is not an ISO-8601 date-time (e.g. 2026-11-24T09:00:00Z)")
        }
    }

    func run() async throws {
        let clock = now.flatMap { ISO8601DateFormatter().date(from: $0) }
        let interpreter = try ModelLocator.interpreter(explicit: model, summaryLanguage: summaryLanguage)
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
        var run = IngestRun(pipeline: pipeline, clock: clock)
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

/// One ingest run over resolved inputs: reads, hands each message to the pipeline, counts.
struct IngestRun {
    let pipeline: InboundPipeline
    /// The fixed arrival time (`--now`), or nil for each file's own.
    let clock: Date?
    var summary = IngestSummary()
    var progress = ProgressLine()

    init(pipeline: InboundPipeline, clock: Date?) {
        self.pipeline = pipeline
        self.clock = clock
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
                try await handle(MailFile(raw: raw, origin: url.path, arrival: MailInput.modificationDate(url)))
            case .mbox(let url):
                guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
                    summary.unreadable.append(url.path)
                    continue
                }
                for file in MboxReader.messages(in: data, path: url.path) { try await handle(file) }
            case .maildir(let url):
                let report = try await MaildirReader(root: url).read { file in try await handle(file) }
                summary.movedToCur += report.moved
                summary.unreadable += report.unreadable
            }
        }
    }

    private mutating func handle(_ file: MailFile) async throws {
        let outcome = try await pipeline.process(raw: file.raw, source: nil, receivedAt: clock ?? file.arrival ?? Date())
        summary.add(outcome)
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
