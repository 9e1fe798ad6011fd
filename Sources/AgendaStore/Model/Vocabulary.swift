// The collection vocabulary of DESIGN.md. Every enum is stored as its raw text and checked by a CHECK constraint.

/// What an item is.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    /// An invoice.
    case invoice
    /// A credit note (its amounts are negative or offset invoices).
    case creditNote = "credit_note"
}

/// The qualification (status type) of an item.
public enum Qualification: String, Sendable, Codable, CaseIterable {
    /// Being worked on.
    case ongoing
    /// The customer promised to pay (with a date, optionally an amount).
    case promiseToPay = "promise_to_pay"
    /// The customer disputes the item (with a reason).
    case dispute
    /// A dispute that was settled.
    case disputeResolved = "dispute_resolved"
    /// Handed over to litigation.
    case litigation
}

/// Why an item is disputed.
public enum DisputeReason: String, Sendable, Codable, CaseIterable {
    /// Price.
    case price
    /// Quality.
    case quality
    /// Delivery.
    case delivery
    /// Administrative (order number, address, ...).
    case administrative
}

/// The channel of a step or action.
public enum Channel: String, Sendable, Codable, CaseIterable {
    /// Email.
    case email
    /// SMS.
    case sms
    /// Postal letter.
    case letter
    /// Phone call.
    case call
    /// Litigation hand-over.
    case litigation
}

/// How an action is carried out.
public enum ActionMode: String, Sendable, Codable, CaseIterable {
    /// A person does it.
    case manual
    /// Sent by the scheduler.
    case automatic
    /// Sent by the scheduler once a person confirmed it.
    case automaticWithConfirmation = "automatic_with_confirmation"
}

/// The life cycle of an action: `planned -> (confirmed) -> sending -> done | error`, or `cancelled`.
public enum ActionStatus: String, Sendable, Codable, CaseIterable {
    /// Created by planning, not yet confirmed.
    case planned
    /// Confirmed by a person (automatic with confirmation).
    case confirmed
    /// Handed to the sender; a crash here leaves it for a person to check.
    case sending
    /// Done.
    case done
    /// Cancelled.
    case cancelled
    /// Failed, with an error cause.
    case error
}

/// Why an action failed.
public enum ErrorCause: String, Sendable, Codable, CaseIterable {
    /// The customer has no collection contact.
    case noCollectionContact = "no_collection_contact"
    /// The collection contact has no email address.
    case contactHasNoEmail = "contact_has_no_email"
    /// The collection contact has no phone number.
    case contactHasNoPhone = "contact_has_no_phone"
    /// The collection contact has no postal address.
    case contactHasNoAddress = "contact_has_no_address"
    /// The SMTP server refused the address at send time (5xx, RFC 5321).
    case addressRejected = "address_rejected"
    /// A delivery status notification came back (RFC 3464).
    case bounced
    /// A temporary failure, retried.
    case sendFailed = "send_failed"

    /// A sentence for collectors.
    public var sentence: String {
        switch self {
        case .noCollectionContact: "The customer has no collection contact."
        case .contactHasNoEmail: "The collection contact has no email address."
        case .contactHasNoPhone: "The collection contact has no phone number."
        case .contactHasNoAddress: "The collection contact has no postal address."
        case .addressRejected: "The mail server refused the address."
        case .bounced: "The message bounced."
        case .sendFailed: "Sending failed for now; it will be retried."
        }
    }
}

/// What an inbound message is.
public enum MessageKind: String, Sendable, Codable, CaseIterable {
    /// A human reply.
    case reply
    /// An auto-reply (RFC 3834).
    case autoReply = "auto_reply"
    /// A bounce (DSN, RFC 3464).
    case bounce
    /// A feedback report (RFC 5965).
    case feedbackReport = "feedback_report"
    /// A comment from the customer's interactive page.
    case comment
    /// Anything else.
    case other
}

/// The classifier's labels.
public enum Intent: String, Sendable, Codable, CaseIterable {
    /// Promise to pay.
    case promiseToPay = "promise_to_pay"
    /// Says it paid.
    case paymentMade = "payment_made"
    /// Disputes.
    case dispute
    /// Asks for a copy of an invoice.
    case invoiceRequest = "invoice_request"
    /// Asks for a payment plan.
    case paymentPlan = "payment_plan"
    /// We wrote to the wrong person.
    case wrongContact = "wrong_contact"
    /// Acknowledges.
    case acknowledgement
    /// An auto-reply.
    case autoReply = "auto_reply"
    /// Anything else.
    case other
}

/// How an inbound message was matched to a customer (DESIGN.md, reply capture, in that order).
public enum Correlation: String, Sendable, Codable, CaseIterable {
    /// A capture token in To/Cc/Delivered-To.
    case captureToken = "capture_token"
    /// In-Reply-To/References name a sent Message-ID (RFC 5322 section 3.6.4).
    case inReplyTo = "in_reply_to"
    /// The sender's address is a contact's.
    case senderAddress = "sender_address"
    /// The sender's domain.
    case senderDomain = "sender_domain"
    /// Invoice numbers found in the text.
    case itemNumber = "item_number"
    /// Not matched: the unmatched queue.
    case unmatched
}

/// A collector's decision on a proposal.
public enum Decision: String, Sendable, Codable, CaseIterable {
    /// Taken as proposed.
    case accepted
    /// Taken with changes.
    case corrected
    /// Not taken.
    case rejected
}

/// A user's role.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Works the agenda.
    case collector
    /// Imports, scenarios, mailboxes, models.
    case `operator`
    /// Everything.
    case admin
}

/// What a scenario step's day offset counts from.
public enum DayBase: String, Sendable, Codable, CaseIterable {
    /// The due date of the customer's oldest open item.
    case oldestOpenDueDate = "oldest_open_due_date"
    /// The previous action of the scenario (its done date, else its planned date).
    case previousAction = "previous_action"
}

/// Where an action comes from.
public enum ActionOrigin: String, Sendable, Codable, CaseIterable {
    /// A scenario step, by planning.
    case scenario
    /// A broken promise.
    case brokenPromise = "broken_promise"
    /// Created by a person.
    case manual
}
