import AgendaStore
import Foundation
import Logging

/// The one training or evaluation job the operators' page may run at a time, in a task of its own so the request that
/// started it returns at once; the page shows how it stands. The result is registered in the model registry.
actor ModelJobs {
    /// How the last job stands.
    enum State: Sendable, Hashable {
        case idle
        case running(kind: String, since: Date)
        case finished(kind: String, version: String, at: Date)
        case failed(kind: String, reason: String, at: Date)
    }

    private(set) var state: State = .idle
    private var task: Task<Void, Never>?

    /// Starts `work` unless a job is running; returns false when one is. `work` returns the version to register.
    func start(kind: String, now: Date, store: any WebStore, clock: @escaping @Sendable () -> Date, logger: Logger,
               work: @escaping @Sendable () async throws -> TrainedModel) -> Bool {
        if case .running = state { return false }
        state = .running(kind: kind, since: now)
        task = Task {
            let outcome: State
            do {
                let model = try await work()
                guard try await !store.models().contains(where: { $0.version == model.version }) else {
                    self.finish(.failed(kind: kind, reason: "version \(model.version) is already registered", at: clock()))
                    return
                }
                _ = try await store.registerModel(version: model.version, metrics: model.metrics, at: clock())
                logger.info("model job finished", metadata: ["model.job": "\(kind)", "model.version": "\(model.version)"])
                outcome = .finished(kind: kind, version: model.version, at: clock())
            } catch {
                // The error's text may name files; the page gets a fixed sentence, the log the error's type only.
                logger.error("model job failed", metadata: ["model.job": "\(kind)", "error.type": "\(type(of: error))"])
                outcome = .failed(kind: kind, reason: "the job failed (see the daemon's log)", at: clock())
            }
            self.finish(outcome)
        }
        return true
    }

    private func finish(_ outcome: State) { state = outcome }

    /// Waits for the running job, if any (tests; the page never waits).
    func wait() async { await task?.value }
}
