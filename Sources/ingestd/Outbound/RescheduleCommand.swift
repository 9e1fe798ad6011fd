import AgendaStore
import ArgumentParser
import Foundation

/// `ingestd reschedule`: moves an open action to another day (issue 7, "rescheduling from the agenda or the
/// customer"): a planned or confirmed action keeps its status, an action in error goes back to the queue once its
/// cause is fixed (its attempts start again), a hold is lifted. Prints the action's new status and date.
struct RescheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Move an open outbound action (planned, confirmed or in error) to another day."
    )

    @Option(help: "The agenda store (SQLite file).")
    var store: String

    @Option(help: "The action's id.")
    var action: Int64

    @Option(help: "The new day (YYYY-MM-DD).")
    var date: String

    @Option(help: "Why (kept in the history), e.g. customer_request.")
    var reason: String?

    @Option(help: "The collector's login, recorded as the author (default: none, e.g. the customer's request).")
    var user: String?

    func validate() throws {
        guard Day(iso: date) != nil else { throw ValidationError("--date must be a day as YYYY-MM-DD") }
    }

    func run() async throws {
        let (path, id, day, reason, login) = (store, ActionID(action), Day(iso: date)!, reason, user)
        let line = try await { () async throws -> String in
            let agenda = try SQLiteAgendaStore(path: path)
            var author: UserID?
            if let login {
                guard let account = try await agenda.account(login: login) else { throw CommandError("no user \(login)") }
                author = account.user.id
            }
            do {
                try await agenda.reschedule(id, to: day, reason: reason, by: author, at: Date())
            } catch let error as AgendaStoreError {
                throw CommandError(error.description)
            }
            guard let updated = try await agenda.action(id) else { throw CommandError("no action \(id)") }
            return "action \(id.rawValue): \(updated.status.rawValue) on \(updated.plannedDate.iso)"
        }()
        print(line)
    }
}
