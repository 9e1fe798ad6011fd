/// The collection domain and its persistence (see DESIGN.md). Filled in by the agenda store issue.
public enum AgendaStoreInfo {
    /// Schema version shipped by this build.
    public static let schemaVersion = 0
}
