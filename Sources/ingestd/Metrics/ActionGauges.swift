import AgendaStore
import Foundation
import Logging
import Metrics

/// Sends and errors as Prometheus gauges read from the store every minute (whoever sent them: `serve`'s scheduler or
/// `ingestd send`): `ingestd_actions{channel,status}` and `ingestd_action_errors{channel,cause}` (actions in error by
/// cause), so `ingestd_actions{status="done"}` counts the sends per channel.
enum ActionGauges {
    static func service(store: any CollectorStore, logger: Logger) -> PeriodicService {
        PeriodicService(name: "action-gauges", interval: .seconds(60), logger: logger) {
            try await record(store.actionOutcomeCounts())
        }
    }

    /// Sets the gauges from `counts` (every channel and status, 0 when absent, so a series never goes stale).
    static func record(_ counts: [ActionOutcomeCount]) {
        var byStatus: [String: Int] = [:], byCause: [String: Int] = [:]
        for count in counts {
            byStatus["\(count.channel.rawValue)|\(count.status.rawValue)", default: 0] += count.count
            if let cause = count.cause { byCause["\(count.channel.rawValue)|\(cause.rawValue)", default: 0] += count.count }
        }
        for channel in Channel.allCases {
            for status in ActionStatus.allCases {
                Gauge(label: "ingestd_actions", dimensions: [("channel", channel.rawValue), ("status", status.rawValue)])
                    .record(byStatus["\(channel.rawValue)|\(status.rawValue)"] ?? 0)
            }
            for cause in ErrorCause.allCases {
                Gauge(label: "ingestd_action_errors", dimensions: [("channel", channel.rawValue), ("cause", cause.rawValue)])
                    .record(byCause["\(channel.rawValue)|\(cause.rawValue)"] ?? 0)
            }
        }
    }
}
