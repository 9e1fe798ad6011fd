/// RFC 3676 format=flowed.
public enum FormatFlowed {
    /// Joins soft-broken lines. Placeholder until the full implementation lands: returns the text unchanged.
    public static func unflow(_ text: String, delSp: Bool) -> String { text }
}
