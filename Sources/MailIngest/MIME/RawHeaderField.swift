/// A header field as ``RawHeaderScanner`` found it: ranges into a copy of its entity's header block, turned into
/// strings only when read (``HeaderField`` keeps one of these until then).
struct RawHeaderField: Sendable {
    /// The header block's bytes, shared by every field of the entity.
    let block: [UInt8]
    /// The name (printable ASCII) in `block`.
    let nameStart: UInt32, nameEnd: UInt32
    /// Unfolded fields: the value, already trimmed and cut to the length limit. Folded fields: from just past the
    /// colon to the end of the last continuation line's content (line breaks inside), unfolded, cut to `limit`
    /// and trimmed when read.
    let valueStart: UInt32, valueEnd: UInt32
    let folded: Bool
    /// `ParseLimits.maxHeaderBytes` (folded fields only).
    let limit: Int

    /// The field name.
    var name: String {
        block.withUnsafeBufferPointer { Bytes.ascii($0, Int(nameStart)..<Int(nameEnd)) }
    }

    /// The value as ``HeaderField/rawValue`` gives it.
    var value: String {
        block.withUnsafeBufferPointer { buf in
            let range = Int(valueStart)..<Int(valueEnd)
            guard folded else { return Bytes.string(buf, range) }
            let unfolded = Self.unfold(buf, range, limit: limit)
            return Bytes.string(RawHeaderScanner.trimWSP(unfolded))
        }
    }

    /// True when the name equals `other` ignoring ASCII case.
    func hasName(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        block.withUnsafeBufferPointer { buf in
            Bytes.asciiCaseInsensitiveEquals(UnsafeBufferPointer(rebasing: buf[Int(nameStart)..<Int(nameEnd)]), other)
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
