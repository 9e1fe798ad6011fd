import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// The IMAP pollers' status as Prometheus gauges, refreshed every 15 s from the ``MailboxStatusBoard``:
/// `ingestd_mailbox_lag_seconds` (from the server's INTERNALDATE of the newest stored message to its storing),
/// `ingestd_mailbox_last_success_age_seconds` (since the last complete pass) and
/// `ingestd_mailbox_consecutive_failures`, each per `mailbox` (`account/mailbox`).
enum MailboxLagGauges {
    static func service(board: MailboxStatusBoard, logger: Logger) -> PeriodicService {
        PeriodicService(name: "mailbox-gauges", interval: .seconds(15), logger: logger) {
            let now = Date()
            for status in await board.all() {
                let mailbox = [("mailbox", status.key)]
                if let lag = status.lastMessageLag {
                    Gauge(label: "ingestd_mailbox_lag_seconds", dimensions: mailbox)
                        .record(Double(lag.components.seconds) + Double(lag.components.attoseconds) / 1e18)
                }
                if let last = status.lastSuccess {
                    Gauge(label: "ingestd_mailbox_last_success_age_seconds", dimensions: mailbox)
                        .record(now.timeIntervalSince(last))
                }
                Gauge(label: "ingestd_mailbox_consecutive_failures", dimensions: mailbox)
                    .record(status.consecutiveFailures)
            }
        }
    }
}
