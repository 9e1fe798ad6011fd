public import AgendaStore
import Foundation

/// The agenda's filters as a session keeps them across tabs: pre-set to the collector's own customers.
public struct AgendaFilters: Sendable, Hashable {
    /// Only the user's own work (always true for a collector).
    public var mine: Bool
    /// Statuses (empty: the tab's default).
    public var statuses: [ActionStatus]
    /// Channels (empty: all).
    public var channels: [Channel]
    /// From day, inclusive.
    public var from: Day?
    /// To day, inclusive.
    public var to: Day?
    /// One customer custom field and the value it must have.
    public var field: (name: String, value: String)? {
        get { fieldName.map { ($0, fieldValue ?? "") } }
        set { fieldName = newValue?.name; fieldValue = newValue?.value }
    }
    private var fieldName: String?
    private var fieldValue: String?

    /// The defaults of a role: collectors see their own work, operators and admins everything.
    public init(for role: Role) {
        mine = role == .collector
        statuses = []
        channels = []
    }

    /// Reads the filter form; a collector's `mine` stays true whatever the form says.
    init(form: FormData, role: Role) {
        self.init(for: role)
        mine = role == .collector || form["scope"] != "all"
        statuses = form.all("status").compactMap(ActionStatus.init(rawValue:))
        channels = form.all("channel").compactMap(Channel.init(rawValue:))
        from = form.nonEmpty("from").flatMap(Day.init(iso:))
        to = form.nonEmpty("to").flatMap(Day.init(iso:))
        if let name = form.nonEmpty("field_name"), let value = form.nonEmpty("field_value") {
            field = (String(name.prefix(64)), String(value.prefix(200)))
        }
    }

    /// The store query for `user` on `today`, one page.
    func query(for user: User, today: Day, limit: Int, offset: Int) -> AgendaQuery {
        AgendaQuery(today: today, collector: mine || user.role == .collector ? user.id : nil, statuses: statuses,
                    channels: channels, from: from, to: to, customerFields: field.map { [$0.name: $0.value] } ?? [:],
                    limit: limit, offset: offset)
    }

}
