/// Decodes MIME parameters (RFC 2045 §5.1) into a dictionary: RFC 2231 continuations (`name*0*=`) joined and
/// charset/language-tagged values (`name*=utf-8''...`) decoded; RFC 2047 encoded words seen in the wild decoded too.
public enum ParameterDecoder {
    /// `raw` holds each parameter as written (name as is, value unquoted), in input order.
    /// Returned names are lower-cased, without `*`/section suffixes.
    public static func decode(_ raw: [(name: String, value: String)]) -> [String: String] {
        // Placeholder: plain parameters only.
        var out: [String: String] = [:]
        for (name, value) in raw where out[name.lowercased()] == nil { out[name.lowercased()] = value }
        return out
    }
}
