import AgendaStore
import ArgumentParser
import Foundation
import MailIngest

/// `ingestd poll` (hidden): polls the configured IMAP mailboxes into the agenda store with the minimal sink. With
/// `--until-idle` it drains every mailbox once and exits (tests, crash rounds, benchmarks); otherwise it polls until
/// SIGINT/SIGTERM. Prints counts only.
struct PollCommand: ParsableCommand {
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

    func run() throws {
        let mailboxes: [PolledMailbox]
        do { mailboxes = try MailboxConfiguration.load(path: config).resolve() } catch let error as MailboxConfigurationError {
            throw CommandError(error.description)
        }
        for mailbox in mailboxes where mailbox.account.allowInvalidCertificates {
            stderr("warning: \(mailbox.key): certificate verification is OFF\n")
        }
        let database = try SQLiteAgendaStore(path: store)
        let pollers = MailPollers(mailboxes: mailboxes, sink: StoringInboundSink(store: database, analyze: !rawOnly),
                                  state: database, board: MailboxStatusBoard(), connect: IMAPConnector.connect)
        let untilIdle = self.untilIdle
        let result = BlockingResult()
        let task = Task {
            do {
                if untilIdle {
                    let counts = try await pollers.drainAll()
                    for (key, count) in counts.sorted(by: { $0.key < $1.key }) { print("\(key) fetched=\(count)") }
                } else {
                    await pollers.run()
                }
                result.finish(nil)
            } catch {
                result.finish(MailboxPoller.redacted(error))
            }
        }
        let signals = StopSignals { task.cancel() }
        defer { withExtendedLifetime(signals) {} }
        if let failure = result.wait() { throw CommandError(failure) }
    }
}

/// A result handed from the async work to the blocked command thread.
final class BlockingResult: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: String?

    func finish(_ failure: String?) {
        self.failure = failure
        done.signal()
    }

    func wait() -> String? {
        done.wait()
        return failure
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
