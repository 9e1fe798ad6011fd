/// Limits applied while analysing one message. Exceeding one records a ``Defect`` and yields a partial result,
/// never a crash, a hang or unbounded memory.
public struct ParseLimits: Sendable, Hashable {
    /// Largest message analysed, in bytes; the rest is not parsed. Default 25 MiB (a common server limit).
    public var maxMessageBytes: Int = 25 * 1024 * 1024
    /// Most MIME parts (leaves and containers) kept for one message. Default 500.
    public var maxParts: Int = 500
    /// Deepest nesting of multipart and message/rfc822 entities. Default 20.
    public var maxDepth: Int = 20
    /// Most header fields kept per entity. Default 1,000.
    public var maxHeaderCount: Int = 1_000
    /// Longest header field kept (unfolded), in bytes; longer ones are truncated. Default 64 KiB.
    public var maxHeaderBytes: Int = 64 * 1024
    /// Longest line kept in a text body, in characters; longer lines are cut. Default 100,000.
    public var maxLineLength: Int = 100_000
    /// Most decoded bytes kept in total over all parts. Default 50 MiB.
    public var maxDecodedBytes: Int = 50 * 1024 * 1024

    public init() {}

    /// The documented defaults.
    public static let `default` = ParseLimits()
}
