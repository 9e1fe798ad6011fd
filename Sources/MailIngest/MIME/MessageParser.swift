public import Foundation

/// Parses whole RFC 5322 messages into ``ParsedMessage`` values: headers of every entity, the MIME tree
/// (RFC 2045, RFC 2046), transfer encodings undone. Pure: bytes in, value out. Never throws: problems become
/// ``Defect``s and a partial result, within ``ParseLimits``.
///
/// The tree walk is done in Swift over the raw bytes rather than with libetpan's `mailmime_parse`: on mime4j's
/// malformed cases libetpan returned a preamble of length `SIZE_MAX - 2` (missing boundary), dropped empty parts,
/// invented parts, ignored multipart/digest's default type and lost boundaries containing `=?`, so its tree could not
/// be trusted or even read safely (`LibEtpanDifferentialTests` compares the two on every fixture). Line ends may be CRLF, LF or (whole message) bare CR.
public struct MessageParser: Sendable {
    /// The limits every parse applies; exceeding one gives a ``Defect`` and a partial result.
    public var limits: ParseLimits

    /// A parser with the given limits (the documented defaults when omitted).
    public init(limits: ParseLimits = .default) {
        self.limits = limits
    }

    /// Analyses one message: every entity's headers (unfolded, in input order), the part tree with mime4j's paths
    /// (`1`, `1.2`, `1.2.1`), and each leaf's decoded bytes.
    public func parse(_ bytes: Data) -> ParsedMessage {
        var walker = EntityWalker(limits: limits)
        var input = bytes
        if input.isEmpty { walker.report(.emptyMessage, at: "1") }
        if input.count > limits.maxMessageBytes {
            walker.report(.messageTooLarge, at: "1")
            input = input.prefix(limits.maxMessageBytes)
        }
        let root = walker.parseMessage(Self.normalisingLineEnds(input), path: "1", depth: 0, defaultType: .textPlain)
        return ParsedMessage(root: root, defects: walker.defects)
    }

    /// Input whose only line ends are bare CRs (old Mac mail, some bounce archives) gets CRLF instead; anything
    /// with at least one LF is left alone (CRLF and bare LF are both handled by the scanners).
    static func normalisingLineEnds(_ data: Data) -> Data {
        let needed: Bool = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return false }
            return memchr(base, Int32(Bytes.lf), raw.count) == nil && memchr(base, Int32(Bytes.cr), raw.count) != nil
        }
        guard needed else { return data }
        var out = [UInt8]()
        out.reserveCapacity(data.count * 2)
        data.withUnsafeBytes { raw in
            // From CR to CR with memchr, copying the text between in one piece.
            guard let base = raw.baseAddress else { return }
            var pos = 0
            while pos < raw.count {
                guard let hit = memchr(base + pos, Int32(Bytes.cr), raw.count - pos) else {
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[pos...]))
                    break
                }
                let index = base.distance(to: UnsafeRawPointer(hit))
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[pos...index]))
                out.append(Bytes.lf)
                pos = index + 1
            }
        }
        return Data(out)
    }
}
