import Foundation
import CLibEtpan

extension IMAPSession {
    /// Runs one libetpan command, mapping its status to ``IMAPError``; after a connection failure the session is
    /// closed and every later call fails fast.
    func run(_ step: String, _ body: () -> Int32) throws(IMAPError) {
        guard !broken else { throw IMAPError.connection("\(step): the session is closed") }
        let started = ContinuousClock.now
        let status = body()
        guard Self.succeeded(status) else { throw failure(status, step: step, started: started) }
    }

    static func succeeded(_ status: Int32) -> Bool {
        status == MAILIMAP_NO_ERROR || status == MAILIMAP_NO_ERROR_AUTHENTICATED
            || status == MAILIMAP_NO_ERROR_NON_AUTHENTICATED
    }

    /// Maps a libetpan status to an error. A stream error is a timeout when it came after the whole timeout, a BYE when
    /// the server said BYE, else a cut connection; those close the session.
    func failure(_ status: Int32, step: String, started: ContinuousClock.Instant) -> IMAPError {
        let error: IMAPError
        switch Int(status) {
        case Int(MAILIMAP_ERROR_STREAM), Int(MAILIMAP_ERROR_PARSE):
            let elapsed = ContinuousClock.now - started
            if imap.pointee.imap_state == MAILIMAP_STATE_LOGOUT {
                error = .bye(responseCode ?? "server closed the session")
            } else if status == MAILIMAP_ERROR_STREAM && elapsed >= .seconds(timeoutSeconds) - .milliseconds(500) {
                error = .timeout(step: step)
            } else {
                error = .connection(status == MAILIMAP_ERROR_PARSE ? "\(step): unparsable response"
                                                                   : "\(step): connection lost")
            }
            close()
        case Int(MAILIMAP_ERROR_FATAL):
            error = .bye(responseCode ?? "server closed the session")
            close()
        case Int(MAILIMAP_ERROR_CONNECTION_REFUSED):
            error = .connection("\(step): connection refused")
            close()
        case Int(MAILIMAP_ERROR_SSL), Int(MAILIMAP_ERROR_STARTTLS):
            error = .tls("\(step): TLS failed")
            close()
        case Int(MAILIMAP_ERROR_LOGIN), Int(MAILIMAP_ERROR_SASL):
            error = .authentication(responseCode ?? "credentials refused")
        case Int(MAILIMAP_ERROR_MEMORY):
            error = .command(name: step, response: "out of memory")
        case Int(MAILIMAP_ERROR_BAD_STATE):
            error = .command(name: step, response: "not allowed in this state")
        default:
            error = .command(name: step, response: responseCode ?? "refused (libetpan status \(status))")
        }
        return error
    }

    /// The server's last status text, cut to 120 characters: status words and codes such as
    /// `[AUTHENTICATIONFAILED] Authentication failed.` (never message content).
    var responseCode: String? {
        guard let text = imap.pointee.imap_response else { return nil }
        let response = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return response.isEmpty ? nil : String(response.prefix(120))
    }
}

/// Iterates a libetpan `clist`'s element pointers.
struct CList: Sequence, IteratorProtocol {
    private var cell: UnsafeMutablePointer<clistiter>?

    init(_ list: UnsafeMutablePointer<clist>?) {
        cell = list.flatMap { ingestd_clist_begin($0) }
    }

    mutating func next() -> UnsafeMutableRawPointer? {
        while let current = cell {
            cell = ingestd_clist_next(current)
            if let content = ingestd_clist_content(current) { return content }
        }
        return nil
    }
}
