import AgendaStore
import Foundation
import Logging
import ServiceLifecycle

/// The mail part of `serve`: one IMAP poller per mailbox of the configuration's `mailboxes:` section (the same keys
/// as `ingestd poll`'s file), every message through the ``InboundPipeline`` (analysis, detection, correlation,
/// classification with the configured model, proposals) into the daemon's store, DSNs matched to the outbound
/// actions they answer (``BounceMatchingSink``). No section, no pollers.
enum MailComponent: DaemonComponent {
    static let name = "mail"

    static func services(in environment: DaemonEnvironment) async throws -> [any Service] {
        guard let section = try environment.configuration.section("mailboxes", as: MailboxConfiguration.self) else {
            return []
        }
        let mailboxes: [PolledMailbox]
        do { mailboxes = try section.resolve() } catch let error as MailboxConfigurationError {
            throw ConfigurationError("mailboxes: \(error.description)")
        }
        for mailbox in mailboxes where mailbox.account.allowInvalidCertificates {
            environment.logger.warning("certificate verification is off", metadata: ["imap.mailbox": "\(mailbox.key)"])
        }
        let pipeline = try environment.pipeline()
        // DSNs among the stored messages turn their outbound action to `bounced` (issue 7).
        let board = environment.board
        let sink = BounceMatchingSink(pipeline: MeteredInboundSink(pipeline: pipeline, mailbox: "imap"),
                                      matcher: BounceMatcher(store: environment.store), logger: environment.logger)
        let pollers = MailPollers(mailboxes: mailboxes, sink: sink, state: environment.store, board: board,
                                  connect: IMAPConnector.connect)
        environment.logger.info("mail pollers", metadata: ["imap.mailboxes": "\(mailboxes.count)"])
        return [MailPollerService(pollers: pollers), MailboxLagGauges.service(board: board, logger: environment.logger)]
    }
}

/// Runs the pollers until graceful shutdown.
struct MailPollerService: Service {
    let pollers: MailPollers

    func run() async throws {
        try await cancelWhenGracefulShutdown { await pollers.run() }
    }
}
