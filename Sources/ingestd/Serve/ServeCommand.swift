import AgendaStore
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals
import WebUI

/// `ingestd serve`: the HTTP server and the daemon's other parts in one service group, stopped gracefully on
/// SIGTERM or SIGINT (swift-service-lifecycle).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: web UI, agenda housekeeping and the mail parts, until SIGTERM or SIGINT."
    )

    @Option(name: .long, help: "YAML configuration file (see config/ingestd.example.yaml); defaults without it.")
    var config: String?

    func run() async throws {
        MallocSettings.forMailJobs()
        DescriptorLimit.keepUnderSelectLimit()
        let file: ConfigurationFile
        do {
            file = try ConfigurationFile.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        let serve = file.serve
        let level = Logger.Level(rawValue: serve.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "ingestd")

        try FileManager.default.createDirectory(atPath: serve.dataDirectory, withIntermediateDirectories: true)
        let store = try SQLiteAgendaStore(path: serve.databasePath)
        try await AdminBootstrap.ensureAdmin(file: file, store: store, logger: logger)

        var signer: PageLinkSigner?
        if let key = try file.secret(file: serve.sessionKeyFile, env: serve.sessionKeyEnv) {
            guard let made = PageLinkSigner(key: Array(key.utf8)) else {
                throw ValidationError("the server key must have at least 32 bytes")
            }
            signer = made
        } else {
            logger.notice("no server key (session_key_file/session_key_env): the customers' pages are off")
        }
        var environment = DaemonEnvironment(configuration: file, store: store, logger: logger)
        let model = try LiveModel(explicit: serve.model)
        environment.model = model
        // What customers submit on their page goes through the same classify step as email replies.
        let pageSink = ClassifyingPageSubmissionSink(pipeline: try environment.pipeline())
        var web = WebServer(store: store, options: Self.webOptions(serve.web),
                            metricsText: { registry.emitToString() },
                            health: { (try? await store.appliedMigrations()) != nil }, linkSigner: signer,
                            submissions: pageSink,
                            operatorServices: OperatorBridge.make(environment: environment))
        web.messageReader = MailIngestMessageReader()
        let app = Application(router: web.router(),
                              configuration: .init(address: .hostname(serve.listen.host, port: serve.listen.port),
                                                   serverName: "ingestd"),
                              logger: logger)
        var services: [any Service] = [app]
        services.append(PeriodicService(name: "sessions", interval: .seconds(600), logger: logger) { [web] in
            _ = await web.purgeSessions()
        })
        services.append(ActionGauges.service(store: store, logger: logger))
        // A model promoted by another process (`ingestd train`, another daemon) is noticed here even when no mail
        // arrives; the pipelines also check before each batch.
        services.append(PeriodicService(name: "model", interval: .seconds(30), logger: logger) {
            let before = model.current.version
            if try model.refreshIfChanged() {
                logger.notice("classifier model reloaded", metadata: ["model.before": "\(before ?? "none")",
                                                                      "model.version": "\(model.current.version ?? "none")"])
            }
        })
        services.append(PeriodicService(name: "reply-backlog", interval: .seconds(60), logger: logger) {
            let oldest = try await store.oldestUnreviewed(collector: nil)
            Gauge(label: "ingestd_reply_backlog_age_seconds").record(oldest.map { Date().timeIntervalSince($0) } ?? 0)
        })
        for component in DaemonComponents.all {
            let added = try await component.services(in: environment)
            logger.info("component", metadata: ["component": "\(component.name)", "services": "\(added.count)"])
            services += added
        }
        logger.info("serve starting", metadata: ["http.host": "\(serve.listen.host)", "http.port": "\(serve.listen.port)",
                                                 "store.schema": "\(AgendaStoreInfo.schemaVersion)"])
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
        logger.info("serve stopped")
    }

    /// The web UI's options from the configuration.
    static func webOptions(_ web: ServeConfiguration.Web) -> WebOptions {
        var options = WebOptions()
        options.secureCookies = web.secureCookies
        options.sessionLifetime = TimeInterval(web.sessionLifetimeMinutes * 60)
        options.bcryptCost = UInt8(web.bcryptCost)
        options.loginAttempts = web.loginAttempts
        options.loginWindow = TimeInterval(web.loginWindowMinutes * 60)
        options.confidentThreshold = web.confidentThreshold
        options.pageSize = web.pageSize
        return options
    }
}
