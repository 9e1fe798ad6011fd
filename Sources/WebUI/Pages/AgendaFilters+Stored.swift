import AgendaStore

extension AgendaFilters {
    /// The filters as the filter form would post them (`application/x-www-form-urlencoded`), for the session store.
    var stored: String {
        var pairs: [(String, String)] = [("scope", mine ? "mine" : "all")]
        pairs += statuses.map { ("status", $0.rawValue) }
        pairs += channels.map { ("channel", $0.rawValue) }
        if let from { pairs.append(("from", from.iso)) }
        if let to { pairs.append(("to", to.iso)) }
        if let field { pairs += [("field_name", field.name), ("field_value", field.value)] }
        return pairs.map { "\(FormData.encode($0.0))=\(FormData.encode($0.1))" }.joined(separator: "&")
    }

    /// Filters read back from ``stored`` (the form's rules apply: a collector's `mine` stays true).
    init(stored: String, role: Role) {
        self.init(form: FormData(stored), role: role)
    }
}
