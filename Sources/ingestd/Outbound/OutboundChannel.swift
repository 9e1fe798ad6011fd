import AgendaStore
import Foundation

/// One action ready to go out: where, what, and the identifiers that let replies and DSNs be matched back.
struct RenderedAction: Sendable {
    /// The claimed action.
    var claim: ClaimedAction
    /// The customer's key (file names, page links).
    var customerKey: String
    /// Destination.
    var destination: Destination
    /// Rendered content.
    var content: OutboundTemplates.Rendered
    /// Items' numbers (attachments are looked up by number).
    var itemNumbers: [String]
}

/// What a channel did with one action.
enum DeliveryResult: Sendable, Hashable {
    /// Accepted (SMTP 250, gateway 2xx, file written), with the server's id and words.
    case sent(queueID: String?, reply: String?)
    /// Refused for good: error with this cause and the server's words.
    case rejected(ErrorCause, reply: String)
    /// Refused for now or not reached: retry later.
    case temporary(reply: String)
    /// Perhaps sent (the connection broke after the message was handed over): left in `sending` to verify.
    case uncertain(reason: String)
}

/// A way out for actions: email over SMTP, SMS over an HTTP gateway, letters into an outbox folder.
protocol OutboundChannel: Sendable {
    /// Sends one action. Never throws: every failure is a result.
    func deliver(_ action: RenderedAction) async -> DeliveryResult
    /// Ends connections.
    func finish() async
}
