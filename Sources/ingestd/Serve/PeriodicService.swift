import Logging
import ServiceLifecycle

/// Runs `work` every `interval` until graceful shutdown; a failing pass is logged (its error type only) and the
/// next pass runs as planned. The first pass runs at once.
struct PeriodicService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> Void

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await work()
            } catch {
                logger.error("periodic task failed", metadata: ["task": "\(name)", "error.type": "\(type(of: error))"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return // cancelled or shutting down
            }
        }
    }
}
