import AgendaStore
import Foundation

/// Why a due action is held back instead of sent (shown to collectors with the action).
enum HoldReason: String, Sendable, Hashable, CaseIterable {
    /// An item of the action is disputed.
    case openDispute = "open_dispute"
    /// The customer promised to pay on a date not yet reached.
    case promiseNotDue = "promise_not_due"
    /// A reply of the customer waits for a collector's review.
    case unreviewedReply = "unreviewed_reply"
    /// Nothing is open any more on the action's items.
    case nothingOpen = "nothing_open"
    /// The channel is not configured on this node.
    case channelNotConfigured = "channel_not_configured"
    /// No template for the step (or it does not parse).
    case templateMissing = "template_missing"

    /// A sentence for collectors.
    var sentence: String {
        switch self {
        case .openDispute: "An item is disputed: the reminder waits until the dispute is settled."
        case .promiseNotDue: "The customer promised to pay on a date not yet reached."
        case .unreviewedReply: "A reply from the customer waits for your review."
        case .nothingOpen: "Nothing is open any more on these items."
        case .channelNotConfigured: "This channel is not configured for sending."
        case .templateMissing: "The step's template is missing or broken."
        }
    }
}

/// Where a channel sends to.
enum Destination: Sendable, Hashable {
    /// An email address (with the contact's name).
    case email(address: String, name: String?)
    /// A phone number.
    case phone(String)
    /// A postal address (lines separated by newlines).
    case postal(name: String?, address: String)
}

/// What the scheduler does with one claimed action before anything is sent.
enum OutboundDecision: Sendable, Hashable {
    /// Send it there.
    case send(Destination)
    /// Fail it with a cause (nothing was sent).
    case fail(ErrorCause)
    /// Hand it back, not before `until` (nil: the next pass).
    case hold(HoldReason, until: Day?)
}

/// The pure checks before a send (DESIGN.md error causes): the scenario's pausing rules on the action's items, then
/// the collection contact and the detail the channel needs. No I/O.
enum OutboundPreflight {
    /// The decision for an action on `channel` about `items`, with the customer's `contacts`, on `today`.
    static func decide(channel: Channel, contacts: [Contact], items: [Item], today: Day, channelAvailable: Bool,
                       pauseOnDispute: Bool = true, pauseOnPromise: Bool = true,
                       hasUnreviewedReply: Bool = false) -> OutboundDecision {
        guard channelAvailable else { return .hold(.channelNotConfigured, until: today.adding(days: 1)) }
        if pauseOnDispute, items.contains(where: { $0.qualification.qualification == .dispute }) {
            return .hold(.openDispute, until: today.adding(days: 1))
        }
        if pauseOnPromise {
            let promises = items.compactMap { item -> Day? in
                guard item.qualification.qualification == .promiseToPay, let date = item.qualification.promiseDate,
                      date >= today else { return nil }
                return date
            }
            if let latest = promises.max() { return .hold(.promiseNotDue, until: latest.adding(days: 1)) }
        }
        if hasUnreviewedReply { return .hold(.unreviewedReply, until: today.adding(days: 1)) }
        if !items.isEmpty, items.allSatisfy({ $0.openAmount.minorUnits <= 0 }) {
            return .hold(.nothingOpen, until: today.adding(days: 1))
        }
        guard let contact = contacts.first(where: \.isCollectionContact) else { return .fail(.noCollectionContact) }
        switch channel {
        case .email:
            guard let email = contact.email?.trimmed, !email.isEmpty else { return .fail(.contactHasNoEmail) }
            return .send(.email(address: email, name: contact.name))
        case .sms:
            guard let phone = contact.phone?.trimmed, !phone.isEmpty else { return .fail(.contactHasNoPhone) }
            return .send(.phone(phone))
        case .letter:
            guard let postal = contact.postalAddress?.trimmed, !postal.isEmpty else { return .fail(.contactHasNoAddress) }
            return .send(.postal(name: contact.name, address: postal))
        case .call, .litigation:
            return .hold(.channelNotConfigured, until: nil)
        }
    }
}

/// Where an action stands in the agenda (DESIGN.md colours): what the scheduler sends, what waits for a
/// confirmation, what is a task for a person.
enum AgendaDisposition: Sendable, Hashable {
    /// The scheduler sends it on its next pass.
    case due
    /// Automatic with confirmation, not confirmed: red when overdue, white when upcoming.
    case awaitingConfirmation(overdue: Bool)
    /// A manual action (call): red when due or late, blue when upcoming.
    case task(due: Bool)
    /// Planned for later (automatic or confirmed): green when confirmed.
    case upcoming
    /// Being sent now, or left by a crash: to verify.
    case sending
    /// Failed, with its cause (yellow).
    case error(ErrorCause?)
    /// Done or cancelled.
    case closed

    /// The disposition of `action` on `today`.
    static func of(_ action: Action, today: Day) -> AgendaDisposition {
        let isDue = action.plannedDate <= today
        switch (action.status, action.mode) {
        case (.done, _), (.cancelled, _): return .closed
        case (.error, _): return .error(action.errorCause)
        case (.sending, _): return .sending
        case (_, .manual): return .task(due: isDue)
        case (.planned, .automaticWithConfirmation): return .awaitingConfirmation(overdue: isDue)
        case (.planned, .automatic), (.confirmed, _): return isDue ? .due : .upcoming
        }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
