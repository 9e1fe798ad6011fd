internal import Foundation

/// A header field as ``RawHeaderScanner`` found it: offsets into the bytes the parser read (kept, not copied),
/// turned into strings only when read (``HeaderField`` keeps one of these until then).
struct RawHeaderField: Sendable {
    /// The parsed input (or the decoded message it came from); offsets count from the start of its bytes.
    let source: Data
    /// The name (printable ASCII).
    let nameStart: UInt32, nameEnd: UInt32
    /// Unfolded fields: the value, already trimmed and cut to the length limit. Folded fields: from just past the
    /// colon to the end of the last continuation line's content (line breaks inside), unfolded, cut to `limit`
    /// and trimmed when read.
    let valueStart: UInt32, valueEnd: UInt32
    let folded: Bool
    /// `ParseLimits.maxHeaderBytes` (folded fields only).
    let limit: Int

    /// Runs `body` over the source's bytes.
    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        source.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    /// The field name.
    var name: String {
        withBytes { Bytes.ascii($0, Int(nameStart)..<Int(nameEnd)) }
    }

    /// The value as ``HeaderField/rawValue`` gives it.
    var value: String {
        withBytes { value($0, Int(valueStart)..<Int(valueEnd)) }
    }

    /// The value held in `buf[range]` (unfolded first when `folded`).
    func value(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard folded else { return Bytes.string(buf, range) }
        return Bytes.string(RawHeaderScanner.trimWSP(Self.unfold(buf, range, limit: limit)))
    }

    /// True when the name equals `other` ignoring ASCII case.
    func hasName(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(nameEnd - nameStart) == other.count else { return false }
        return withBytes {
            Bytes.asciiCaseInsensitiveEquals(UnsafeBufferPointer(rebasing: $0[Int(nameStart)..<Int(nameEnd)]), other)
        }
    }

    /// The lines of `buf[range]` joined without their line breaks (an LF and the CR just before it; RFC 5322
    /// §2.2.3), at most `limit` bytes.
    static func unfold(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(range.count, limit))
        var pos = range.lowerBound
        while pos < range.upperBound, out.count < limit {
            let (contentEnd, next) = Bytes.line(buf, at: pos, end: range.upperBound)
            let take = min(contentEnd - pos, limit - out.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<(pos + take)]))
            pos = next
        }
        return out
    }
}
