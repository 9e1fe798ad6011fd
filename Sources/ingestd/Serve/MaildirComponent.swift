import AgendaStore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// The `maildirs:` section of the configuration: Maildirs `serve` polls (users without IMAP, the demo). Each entry:
/// `name` (for logs and metrics), `path`, `interval_seconds` (default 5), `batch_size` (default 200).
struct MaildirSection: Sendable, Decodable, Equatable {
    /// One polled Maildir.
    struct Entry: Sendable, Decodable, Equatable {
        var name: String
        var path: String
        var intervalSeconds: Int?
        var batchSize: Int?

        enum CodingKeys: String, CodingKey {
            case name, path, intervalSeconds = "interval_seconds", batchSize = "batch_size"
        }
    }

    var entries: [Entry]

    init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
    }
}

/// The Maildir part of `serve`: one ``MaildirSource`` per entry of `maildirs:`, every message through the
/// ``InboundPipeline`` (the same path as the IMAP pollers and `ingestd ingest`), metered per Maildir.
enum MaildirComponent: DaemonComponent {
    static let name = "maildirs"

    static func services(in environment: DaemonEnvironment) async throws -> [any Service] {
        guard let section = try environment.configuration.section("maildirs", as: MaildirSection.self) else {
            return []
        }
        let pipeline = try environment.pipeline()
        var services: [any Service] = []
        for entry in section.entries {
            guard !entry.name.isEmpty, !entry.path.isEmpty else { throw ConfigurationError("maildirs: name and path are required") }
            let interval = entry.intervalSeconds ?? 5, batch = entry.batchSize ?? 200
            guard interval > 0, batch > 0 else {
                throw ConfigurationError("maildirs.\(entry.name): interval_seconds and batch_size must be positive")
            }
            let root = URL(fileURLWithPath: entry.path)
            for sub in ["new", "cur", "tmp"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            var source = MaildirSource(root: root)
            source.interval = .seconds(interval)
            source.batchSize = batch
            let metered = MeteredInboundSink(pipeline: pipeline, mailbox: "maildir/" + entry.name)
            // DSNs delivered to a Maildir turn their outbound action to `bounced`, as from the IMAP pollers.
            let sink = BounceMatchingSink(pipeline: metered, matcher: BounceMatcher(store: environment.store),
                                          logger: environment.logger)
            services.append(MaildirService(name: entry.name, label: metered.mailbox, source: source, sink: sink,
                                           logger: environment.logger))
        }
        return services
    }
}

/// Polls one Maildir until graceful shutdown; logs each pass that read something (counts only) and keeps the
/// `ingestd_mailbox_last_success_age_seconds` gauge (time since the last complete pass).
struct MaildirService: Service {
    let name: String
    /// The metrics label (`maildir/NAME`).
    let label: String
    let source: MaildirSource
    let sink: BounceMatchingSink
    let logger: Logger

    func run() async throws {
        let name = self.name, logger = self.logger, label = self.label
        let lag = Gauge(label: "ingestd_mailbox_last_success_age_seconds", dimensions: [("mailbox", label)])
        let lastPass = LastPass()
        try await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await source.run(into: sink) { result in
                        switch result {
                        case .success(let report):
                            lastPass.mark()
                            lag.record(0)
                            if report.read > 0 {
                                logger.info("maildir pass", metadata: ["maildir": "\(name)", "messages": "\(report.read)",
                                                                       "moved": "\(report.moved)"])
                            }
                        case .failure(let error):
                            Counter(label: "ingestd_mailbox_errors_total", dimensions: [("mailbox", label)]).increment()
                            logger.error("maildir pass failed", metadata: ["maildir": "\(name)",
                                                                          "error.type": "\(type(of: error))"])
                        }
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(15))
                        if let last = lastPass.value { lag.record(Date().timeIntervalSince(last)) }
                    }
                }
                _ = await group.next()
                group.cancelAll()
            }
        }
    }
}

/// The time of the last complete pass, shared between the poller and the lag gauge.
final class LastPass: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var last: Date?

    func mark() { lock.withLock { last = Date() } }
    var value: Date? { lock.withLock { last } }
}
