import AgendaStore
import ArgumentParser
import Foundation
import MailIngest

/// `ingestd poll` (hidden): polls the configured IMAP mailboxes into the agenda store with the minimal sink. With
/// `--until-idle` it drains every mailbox once and exits (tests, crash rounds, benchmarks); otherwise it polls until
/// SIGINT/SIGTERM. Prints counts only.
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll the configured IMAP mailboxes into the agenda store.",
        shouldDisplay: false
    )

    @Option(help: "Mailbox configuration (JSON).")
    var config: String

    @Option(help: "Agenda store database file.")
    var store: String

    @Flag(help: "Drain every mailbox once, then exit.")
    var untilIdle = false

    @Flag(help: "Store raw bytes only, without MIME analysis.")
    var rawOnly = false

    @Flag(help: "After each stored batch, print `KEY stored=N` (messages newly stored since start) on stderr.")
    var progress = false

    func run() async throws {
        MallocSettings.forMailJobs()
        DescriptorLimit.keepUnderSelectLimit()
        let mailboxes: [PolledMailbox]
        do { mailboxes = try MailboxConfiguration.load(path: config).resolve() } catch let error as MailboxConfigurationError {
            throw CommandError(error.description)
        }
        for mailbox in mailboxes where mailbox.account.allowInvalidCertificates {
            stderr("warning: \(mailbox.key): certificate verification is OFF\n")
        }
        // A one-shot drain opens the store while the mailboxes connect; polling for good opens it first, so a store
        // that cannot be opened stops the command instead of failing every pass.
        let database = OpeningStore(path: store)
        if !untilIdle { _ = try await database.store }
        let report: (@Sendable (MailboxStatus) -> Void)? = progress ? Self.printProgress : nil
        let pollers = MailPollers(mailboxes: mailboxes, sink: StoringInboundSink(opening: database, analyze: !rawOnly),
                                  state: database,
                                  board: MailboxStatusBoard(progress: report),
                                  connect: IMAPConnector.connect)
        let untilIdle = self.untilIdle
        let task = Task { () throws -> [String: Int] in
            if untilIdle { return try await pollers.drainAll() }
            await pollers.run()
            return [:]
        }
        let signals = StopSignals { task.cancel() }
        defer { withExtendedLifetime(signals) {} }
        do {
            for (key, count) in try await task.value.sorted(by: { $0.key < $1.key }) { print("\(key) fetched=\(count)") }
        } catch is CancellationError {
            return
        } catch {
            if let failure = await database.failure { throw failure }
            throw CommandError(MailboxPoller.redacted(error))
        }
    }
}

extension PollCommand {
    /// The `--progress` line: the mailbox and its messages newly stored since start.
    @Sendable static func printProgress(_ status: MailboxStatus) {
        stderr("\(status.key) stored=\(status.messagesStored)\n")
    }
}

/// SIGINT and SIGTERM cancel the polling task for a graceful stop.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }
}
