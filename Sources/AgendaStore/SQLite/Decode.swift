import Foundation
import GRDB

/// Rows to values. A stored enum text that this build does not know is a corrupt database: it throws.
enum Decode {
    static func value<E: RawRepresentable>(_ type: E.Type, _ text: String?) throws -> E? where E.RawValue == String {
        guard let text else { return nil }
        guard let value = E(rawValue: text) else {
            throw AgendaStoreError(.invalidState, "unknown \(E.self) in database")
        }
        return value
    }

    static func required<E: RawRepresentable>(_ type: E.Type, _ text: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: text) else { throw AgendaStoreError(.invalidState, "unknown \(E.self) in database") }
        return value
    }

    static func day(_ text: String?) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw AgendaStoreError(.invalidState, "bad date in database") }
        return day
    }

    static func step(_ row: Row) throws -> ScenarioStep {
        ScenarioStep(dayOffset: row["dayOffset"], dayBase: try required(DayBase.self, row["dayBase"]),
                     channel: try required(Channel.self, row["channel"]), mode: try required(ActionMode.self, row["mode"]),
                     template: row["template"])
    }

    static func contact(_ row: Row) throws -> Contact {
        Contact(id: ContactID(row["id"]), customer: CustomerID(row["customerId"]), externalKey: row["externalKey"],
                name: row["name"], email: row["email"], phone: row["phone"], postalAddress: row["postalAddress"],
                isCollectionContact: row["isCollectionContact"])
    }

    static func qualification(_ row: Row) throws -> QualificationState {
        QualificationState(try value(Qualification.self, row["qualification"]), promiseDate: try day(row["promiseDate"]),
                           amountMinor: row["qualificationAmountMinor"],
                           disputeReason: try value(DisputeReason.self, row["disputeReason"]))
    }

    static func item(_ row: Row) throws -> Item {
        let currency: String = row["currency"]
        return Item(id: ItemID(row["id"]), customer: CustomerID(row["customerId"]),
                    kind: try required(ItemKind.self, row["kind"]), number: row["number"],
                    issueDate: try day(row["issueDate"])!, dueDate: try day(row["dueDate"])!,
                    amount: Money(minorUnits: row["amountMinor"], currency: currency),
                    openAmount: Money(minorUnits: row["openAmountMinor"], currency: currency),
                    qualification: try qualification(row))
    }

    static func action(_ row: Row, items: [ItemID]) throws -> Action {
        Action(id: ActionID(row["id"]), customer: CustomerID(row["customerId"]), items: items,
               step: (row["stepId"] as Int64?).map(StepID.init), origin: try required(ActionOrigin.self, row["origin"]),
               channel: try required(Channel.self, row["channel"]), mode: try required(ActionMode.self, row["mode"]),
               status: try required(ActionStatus.self, row["status"]),
               errorCause: try value(ErrorCause.self, row["errorCause"]), errorDetail: row["errorDetail"],
               plannedDate: try day(row["plannedDate"])!, doneDate: try day(row["doneDate"]),
               assignee: (row["assigneeId"] as Int64?).map(UserID.init), renderedContent: row["renderedContent"],
               outboundMessageID: row["outboundMessageId"], captureToken: row["captureToken"])
    }
}
