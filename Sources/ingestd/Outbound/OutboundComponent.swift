import AgendaStore
import Foundation
import Logging
import ServiceLifecycle

/// The outbound part of `serve` (issue 7): every `interval_seconds` (default 60) one scheduler pass (due automatic
/// and confirmed actions sent, held or failed with their cause, actions to verify judged from the server's log when
/// configured) and a sweep of the stored bounces that the mail pollers' matching missed (``BounceMatcher``; the first
/// sweep after a start reads them all, which is safe: matching is idempotent and never fails a newer send).
/// Configured by the YAML section
/// ```yaml
/// outbound:
///   config: /etc/ingestd/outbound.json   # the file `ingestd send --config` reads
///   interval_seconds: 60
/// ```
/// No section, no scheduler.
enum OutboundComponent: DaemonComponent {
    static let name = "outbound"

    /// The `outbound:` section.
    struct Section: Decodable, Sendable {
        var config: String
        var intervalSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case config
            case intervalSeconds = "interval_seconds"
        }
    }

    static func services(in environment: DaemonEnvironment) async throws -> [any Service] {
        guard let section = try environment.configuration.section("outbound", as: Section.self) else { return [] }
        let interval = section.intervalSeconds ?? 60
        guard interval > 0 else { throw ConfigurationError("outbound.interval_seconds must be positive") }
        let configuration: OutboundConfiguration
        let channels: [Channel: any OutboundChannel]
        do {
            configuration = try OutboundConfiguration.load(path: section.config)
            channels = try SendCommand.channels(configuration)
        } catch let error as CommandError {
            throw ConfigurationError("outbound: \(error.description)")
        }
        let store = environment.store, logger = environment.logger
        let owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(Int(Date().timeIntervalSince1970))"
        let service = OutboundService(store: store, configuration: configuration,
                                      templates: OutboundTemplates(directory: configuration.templates,
                                                                   defaultLanguage: configuration.defaultLanguage ?? "en"),
                                      channels: channels, owner: ClaimOwner(owner))
        let matcher = BounceMatcher(store: store)
        let cursor = BounceCursor()
        logger.info("outbound scheduler", metadata: ["outbound.channels": "\(channels.keys.map(\.rawValue).sorted())",
                                                     "outbound.interval_seconds": "\(interval)"])
        return [PeriodicService(name: name, interval: .seconds(interval), logger: logger) {
            let swept = try await matcher.sweep(after: await cursor.value)
            await cursor.set(swept.cursor)
            let report = try await service.runPass()
            if report.claimed + report.toVerify + report.verifiedSent + report.verifiedNotSent + swept.bounced.count > 0 {
                logger.info("outbound pass", metadata: [
                    "outbound.claimed": "\(report.claimed)", "outbound.sent": "\(report.sent)",
                    "outbound.rejected": "\(report.rejected)", "outbound.retried": "\(report.retried)",
                    "outbound.held": "\(report.held)", "outbound.failed": "\(report.failedBeforeSend + report.gaveUp)",
                    "outbound.to_verify": "\(report.toVerify)", "outbound.bounced": "\(swept.bounced.count)",
                ])
            }
        }]
    }
}

/// The last stored bounce the sweep read (memory only: a restart sweeps from the start again).
actor BounceCursor {
    private(set) var value: InboundMessageID?
    func set(_ cursor: InboundMessageID?) { value = cursor }
}
