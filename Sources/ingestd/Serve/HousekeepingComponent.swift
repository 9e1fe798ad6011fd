import AgendaStore
import Foundation
import Logging
import ServiceLifecycle

/// Daily work of the agenda: plan today's scenario actions, raise broken promises and alert rules. Runs at start and
/// every 15 minutes (each operation is idempotent for a day).
enum HousekeepingComponent: DaemonComponent {
    static let name = "housekeeping"

    static func services(in environment: DaemonEnvironment) async throws -> [any Service] {
        let store = environment.store, logger = environment.logger
        return [PeriodicService(name: name, interval: .seconds(15 * 60), logger: logger) {
            let now = Date()
            let today = Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
            let report = try await store.plan(on: today, at: now)
            let broken = try await store.checkBrokenPromises(on: today, at: now)
            let alerts = try await store.evaluateAlertRules(on: today, at: now)
            logger.info("housekeeping", metadata: ["actions.created": "\(report.created)",
                                                   "alerts.broken_promises": "\(broken.count)",
                                                   "alerts.raised": "\(alerts.count)"])
        }]
    }
}
