/// Converts an HTML body to ``BodyText`` through libxml2's HTML parser.
public enum HTMLText {
    /// Block structure becomes line breaks, scripts/styles/comments are dropped, entities decoded, and quoted
    /// sections are marked on their lines.
    public static func convert(_ html: String) -> BodyText {
        // Placeholder until the libxml2 conversion lands.
        BodyText(plain: html)
    }
}
