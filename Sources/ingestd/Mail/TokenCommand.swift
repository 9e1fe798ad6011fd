import Foundation
import MailIngest

/// Runs the configured `xoauth2_token_command` for a fresh OAuth 2.0 access token before each login (tokens last an
/// hour or so, a daemon runs for months): the program and its arguments as given (no shell), stdin empty, a timeout,
/// stdout trimmed of surrounding white space is the token. The token and the command's output never reach a log or an
/// error: failures carry the exit status or the step only.
struct TokenCommand: Sendable, Hashable {
    /// The program (a path) and its arguments.
    var arguments: [String]
    /// Longest wait for the command.
    var timeout: Duration

    /// Most bytes of output read; a token is a few KB at most.
    static let maxOutput = 64 * 1024

    /// Runs the command; returns the token. Blocks: call it on the session thread.
    /// - Throws: ``IMAPError/timeout(step:)`` when it runs too long (it is killed), ``IMAPError/authentication(_:)``
    ///   when it cannot start, fails or prints nothing.
    func token() throws(IMAPError) -> String {
        guard let program = arguments.first, !program.isEmpty else {
            throw .authentication("xoauth2_token_command is empty")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(arguments.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { throw .authentication("xoauth2_token_command cannot start") }
        // Read while the command runs (a full pipe would block it), on another thread, so the timeout holds.
        let reader = OutputReader(output.fileHandleForReading, limit: Self.maxOutput)
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(2)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw .timeout(step: "xoauth2 token command")
        }
        // A child it left behind may hold the pipe open: wait a little, not for ever.
        guard let data = reader.wait(timeout: 2) else { throw .timeout(step: "xoauth2 token command output") }
        guard !reader.overflowed else { throw .authentication("xoauth2_token_command printed too much") }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .authentication("xoauth2_token_command failed (status \(process.terminationStatus))")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.contains(where: \.isNewline) else {
            throw .authentication("xoauth2_token_command printed no single-line token")
        }
        return token
    }
}

/// Drains a pipe on a thread of its own up to a limit, so a chatty command never blocks on a full pipe.
private final class OutputReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()
    /// More than the limit was printed (read after ``wait(timeout:)`` returned).
    private(set) var overflowed = false

    init(_ handle: FileHandle, limit: Int) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                if data.count + chunk.count > limit { overflowed = true }
                if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
            }
            done.signal()
        }
    }

    /// The output once the pipe is closed, or nil if it is still open after `seconds`.
    func wait(timeout seconds: Double) -> Data? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return data
    }
}
