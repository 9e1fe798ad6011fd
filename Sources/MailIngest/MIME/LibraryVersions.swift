private import CLibEtpan
private import CLibXML2

/// Versions of the C libraries this build links, for `ingestd --version` and bug reports.
public enum LibraryVersions {
    /// libetpan's version, e.g. `1.9.4`.
    public static var libetpan: String { "\(libetpan_get_version_major()).\(libetpan_get_version_minor())" }
    /// libxml2's version, e.g. `2.9.14`.
    public static var libxml2: String { LIBXML_DOTTED_VERSION }
}
