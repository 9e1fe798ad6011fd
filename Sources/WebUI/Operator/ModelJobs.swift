import AgendaStore
import Foundation
import Logging

/// The one training or evaluation job the operators' page may run at a time, in a task of its own so the request that
/// started it returns at once; the page shows how it stands. The result is registered in the model registry. Each
/// state is also written to the store (``WebStateStore/saveModelJob(_:)``): after a restart the page shows the last
/// job, a job that was running then as interrupted.
actor ModelJobs {
    /// How the last job stands.
    enum State: Sendable, Hashable {
        case idle
        case running(kind: String, since: Date)
        case finished(kind: String, version: String, at: Date)
        case failed(kind: String, reason: String, at: Date)
        /// Running when the daemon stopped: it will not finish.
        case interrupted(kind: String, since: Date)
    }

    private(set) var state: State = .idle
    private var task: Task<Void, Never>?

    /// The state of this process's job, else the last one the store remembers (a running one as interrupted: no
    /// process runs it any more).
    func current(store: any WebStateStore) async -> State {
        guard case .idle = state, let record = try? await store.lastModelJob() else { return state }
        switch record.phase {
        case .running: return .interrupted(kind: record.kind, since: record.startedAt)
        case .finished: return .finished(kind: record.kind, version: record.version ?? "?",
                                         at: record.endedAt ?? record.startedAt)
        case .failed: return .failed(kind: record.kind, reason: record.reason ?? "the job failed",
                                     at: record.endedAt ?? record.startedAt)
        }
    }

    /// Starts `work` unless a job is running; returns false when one is. `work` returns the version to register.
    func start(kind: String, now: Date, store: any WebStore, clock: @escaping @Sendable () -> Date, logger: Logger,
               work: @escaping @Sendable () async throws -> TrainedModel) async -> Bool {
        if case .running = state { return false }
        state = .running(kind: kind, since: now)
        let id = RandomToken.make()
        await Self.save(ModelJobRecord(id: id, kind: kind, phase: .running, startedAt: now), in: store, logger: logger)
        task = Task {
            let outcome: State
            do {
                let model = try await work()
                guard try await !store.models().contains(where: { $0.version == model.version }) else {
                    await self.finish(.failed(kind: kind, reason: "version \(model.version) is already registered",
                                              at: clock()), id: id, started: now, store: store, logger: logger)
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
            await self.finish(outcome, id: id, started: now, store: store, logger: logger)
        }
        return true
    }

    private func finish(_ outcome: State, id: String, started: Date, store: any WebStateStore, logger: Logger) async {
        state = outcome
        var record = ModelJobRecord(id: id, kind: "", phase: .failed, startedAt: started)
        switch outcome {
        case .finished(let kind, let version, let at):
            record.kind = kind; record.phase = .finished; record.version = version; record.endedAt = at
        case .failed(let kind, let reason, let at):
            record.kind = kind; record.reason = reason; record.endedAt = at
        default: return
        }
        await Self.save(record, in: store, logger: logger)
    }

    private static func save(_ record: ModelJobRecord, in store: any WebStateStore, logger: Logger) async {
        do { try await store.saveModelJob(record) } catch {
            logger.error("model job state not stored", metadata: ["error.type": "\(type(of: error))"])
        }
    }

    /// Waits for the running job, if any (tests; the page never waits).
    func wait() async { await task?.value }
}
