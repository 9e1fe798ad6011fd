import Foundation
import Testing
@testable import AgendaStore
@testable import ingestd

/// The pure checks before a send: pausing rules, then the collection contact and the detail each channel needs.
@Suite struct OutboundPreflightTests {
    static let today = Day(iso: "2026-11-18")!

    static func contact(email: String? = "a@b.example", phone: String? = "+33", postal: String? = "1 rue X",
                        collection: Bool = true) -> Contact {
        Contact(id: ContactID(1), customer: CustomerID(1), externalKey: "K", name: "Anne", email: email, phone: phone,
                postalAddress: postal, isCollectionContact: collection)
    }

    static func item(_ state: QualificationState = QualificationState(), open: Int64 = 100) -> Item {
        Item(id: ItemID(1), customer: CustomerID(1), kind: .invoice, number: "F-1", issueDate: today.adding(days: -40),
             dueDate: today.adding(days: -10), amount: Money(minorUnits: 100, currency: "EUR"),
             openAmount: Money(minorUnits: open, currency: "EUR"), qualification: state)
    }

    @Test(arguments: [
        (Channel.email, [contact()], OutboundDecision.send(.email(address: "a@b.example", name: "Anne"))),
        (.email, [], .fail(.noCollectionContact)),
        (.email, [contact(collection: false)], .fail(.noCollectionContact)),
        (.email, [contact(email: nil)], .fail(.contactHasNoEmail)),
        (.email, [contact(email: "  ")], .fail(.contactHasNoEmail)),
        (.sms, [contact(phone: nil)], .fail(.contactHasNoPhone)),
        (.sms, [contact()], .send(.phone("+33"))),
        (.letter, [contact(postal: nil)], .fail(.contactHasNoAddress)),
        (.letter, [contact()], .send(.postal(name: "Anne", address: "1 rue X"))),
    ] as [(Channel, [Contact], OutboundDecision)])
    func contactDetailsDecideTheCause(channel: Channel, contacts: [Contact], expected: OutboundDecision) {
        #expect(OutboundPreflight.decide(channel: channel, contacts: contacts, items: [Self.item()], today: Self.today,
                                         channelAvailable: true) == expected)
    }

    @Test func pausingRulesHoldTheActionWithAReasonAndADate() {
        let dispute = Self.item(QualificationState(.dispute, disputeReason: .price))
        #expect(OutboundPreflight.decide(channel: .email, contacts: [], items: [dispute], today: Self.today,
                                         channelAvailable: true) == .hold(.openDispute, until: Self.today.adding(days: 1)))
        let promise = Self.item(QualificationState(.promiseToPay, promiseDate: Self.today.adding(days: 5)))
        #expect(OutboundPreflight.decide(channel: .email, contacts: [Self.contact()], items: [promise], today: Self.today,
                                         channelAvailable: true) == .hold(.promiseNotDue, until: Self.today.adding(days: 6)))
        // A promise whose date has passed no longer pauses.
        let broken = Self.item(QualificationState(.promiseToPay, promiseDate: Self.today.adding(days: -1)))
        #expect(OutboundPreflight.decide(channel: .email, contacts: [Self.contact()], items: [broken], today: Self.today,
                                         channelAvailable: true) == .send(.email(address: "a@b.example", name: "Anne")))
        #expect(OutboundPreflight.decide(channel: .email, contacts: [Self.contact()], items: [dispute], today: Self.today,
                                         channelAvailable: true, pauseOnDispute: false)
                == .send(.email(address: "a@b.example", name: "Anne")))
        #expect(OutboundPreflight.decide(channel: .email, contacts: [Self.contact()], items: [Self.item()],
                                         today: Self.today, channelAvailable: true, hasUnreviewedReply: true)
                == .hold(.unreviewedReply, until: Self.today.adding(days: 1)))
        #expect(OutboundPreflight.decide(channel: .email, contacts: [Self.contact()], items: [Self.item(open: 0)],
                                         today: Self.today, channelAvailable: true)
                == .hold(.nothingOpen, until: Self.today.adding(days: 1)))
        #expect(OutboundPreflight.decide(channel: .sms, contacts: [Self.contact()], items: [Self.item()],
                                         today: Self.today, channelAvailable: false)
                == .hold(.channelNotConfigured, until: Self.today.adding(days: 1)))
    }

    static func action(_ status: ActionStatus, _ mode: ActionMode, planned: Int, cause: ErrorCause? = nil) -> Action {
        Action(id: ActionID(1), customer: CustomerID(1), items: [], step: nil, origin: .manual, channel: .email,
               mode: mode, status: status, errorCause: cause, errorDetail: nil,
               plannedDate: today.adding(days: planned), doneDate: nil, assignee: nil, renderedContent: nil,
               outboundMessageID: nil, captureToken: nil)
    }

    @Test(arguments: [
        (action(.planned, .automatic, planned: 0), AgendaDisposition.due),
        (action(.planned, .automatic, planned: 3), .upcoming),
        (action(.planned, .automaticWithConfirmation, planned: -2), .awaitingConfirmation(overdue: true)),
        (action(.planned, .automaticWithConfirmation, planned: 2), .awaitingConfirmation(overdue: false)),
        (action(.confirmed, .automaticWithConfirmation, planned: 0), .due),
        (action(.confirmed, .automaticWithConfirmation, planned: 4), .upcoming),
        (action(.planned, .manual, planned: -1), .task(due: true)),
        (action(.planned, .manual, planned: 1), .task(due: false)),
        (action(.sending, .automatic, planned: 0), .sending),
        (action(.error, .automatic, planned: 0, cause: .bounced), .error(.bounced)),
        (action(.done, .automatic, planned: 0), .closed),
        (action(.cancelled, .manual, planned: 0), .closed),
    ])
    func agendaDispositions(action: Action, expected: AgendaDisposition) {
        #expect(AgendaDisposition.of(action, today: Self.today) == expected)
    }
}
