import AgendaStore
import Logging
import ServiceLifecycle

/// What every long-running part of `ingestd serve` gets: the configuration file (its own section in it), the store
/// and a logger. Parts never open their own database.
struct DaemonEnvironment: Sendable {
    /// The loaded configuration file.
    let configuration: ConfigurationFile
    /// The store (SQLite in the data directory).
    let store: SQLiteAgendaStore
    /// The daemon's logger; a part adds its own metadata (`imap.mailbox`, ...).
    let logger: Logger
    /// The mail pollers' status, shared with the operators' pages.
    var board = MailboxStatusBoard()
    /// The classifier model every pipeline of the daemon reads, replaced on promotion without a restart; nil: each
    /// part loads the configured model itself (tests).
    var model: LiveModel?

    /// The daemon's live model, or one loaded now from the configured `model:`.
    func liveModel() throws -> LiveModel {
        try model ?? LiveModel(explicit: configuration.serve.model)
    }

    /// A pipeline over the daemon's store reading the live model.
    func pipeline() throws -> InboundPipeline {
        var configuration = InboundPipeline.Configuration()
        configuration.live = try liveModel()
        return InboundPipeline(store: store, configuration: configuration)
    }
}

/// A part of the daemon (IMAP pollers, the outbound scheduler, ...): from the environment, the services it runs in
/// the daemon's `ServiceGroup`. A service's `run()` returns when its work is done or on graceful shutdown
/// (`gracefulShutdown()` / `cancelWhenGracefulShutdown`, swift-service-lifecycle); it must never end the group by
/// returning early, so long-running loops check `Task.isShuttingDownGracefully`.
protocol DaemonComponent: Sendable {
    /// A name for logs.
    static var name: String { get }
    /// The services to run; an empty list when the configuration does not ask for this part.
    static func services(in environment: DaemonEnvironment) async throws -> [any Service]
}

/// The parts `serve` starts besides the HTTP server. The IMAP poller, the pipeline and the outbound scheduler add
/// themselves here when they land (the lead wires them).
enum DaemonComponents {
    static let all: [any DaemonComponent.Type] = [HousekeepingComponent.self, MailComponent.self,
                                                  MaildirComponent.self, OutboundComponent.self]
}
