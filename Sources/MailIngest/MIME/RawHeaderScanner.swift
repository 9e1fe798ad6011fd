/// Splits an entity into its header block and body (RFC 5322 §2.1, §2.2; RFC 2045 §3) by scanning raw bytes, so
/// field names keep their spelling, fields keep input order and 8-bit bytes survive.
///
/// Lenient rules, each reported as a ``Defect``:
/// - A first line that is a Unix mbox separator (`From ` / `>From `) is skipped.
/// - A line that is neither a field nor a continuation ends the header block and starts the body (the line is kept
///   in the body, as Python's `email` does; mime4j's default skips it and may lose text). Exception: one word with
///   bytes not allowed in a name, then a colon (`Invalìd-Header: x`), is a damaged field and is skipped; and
///   `name=value` right after a field ending in `;` is a parameter whose folding white space was lost.
/// - A missing blank line at the end of input just means "no body".
struct RawHeaderScanner {
    /// What one scan found.
    struct Result {
        var fields: [HeaderField] = []
        /// Indices in `fields` of the first Content-Type, Content-Transfer-Encoding and Content-Disposition.
        var contentType: Int?, transferEncoding: Int?, disposition: Int?
        /// Where the body starts (after the blank line, or at the first line that is not a field).
        var bodyStart: Int
        var defects: [Defect.Code] = []
    }

    let limits: ParseLimits

    /// Scans `buf[range]`; never reads outside it.
    func scan(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result {
        var result = Result(bodyStart: range.upperBound)
        result.fields.reserveCapacity(16)
        var pos = range.lowerBound
        let end = range.upperBound
        var value: [UInt8] = []
        // The value while it is one line (no copy); `value` takes over once a continuation line arrives.
        var single = 0..<0
        var folded = false
        var name: Range<Int>? = nil
        var first = true
        var countExceeded = false, lengthExceeded = false

        func flush() {
            guard let open = name else { return }
            name = nil
            if result.fields.count >= limits.maxHeaderCount {
                if !countExceeded { countExceeded = true; result.defects.append(.tooManyHeaders) }
                return
            }
            let rawValue: String
            if folded {
                if value.count > limits.maxHeaderBytes {
                    value.removeSubrange(limits.maxHeaderBytes...)
                    if !lengthExceeded { lengthExceeded = true; result.defects.append(.headerTooLong) }
                }
                rawValue = Bytes.string(Self.trimWSP(value))
            } else {
                var lower = single.lowerBound, upper = single.upperBound
                while lower < upper, Bytes.isWSP(buf[lower]) { lower += 1 }
                while upper > lower, Bytes.isWSP(buf[upper - 1]) || buf[upper - 1] == Bytes.cr { upper -= 1 }
                if upper - lower > limits.maxHeaderBytes {
                    upper = lower + limits.maxHeaderBytes
                    if !lengthExceeded { lengthExceeded = true; result.defects.append(.headerTooLong) }
                }
                rawValue = Bytes.string(buf, lower..<upper)
            }
            switch Self.mimeField(buf, open) {
            case 1 where result.contentType == nil: result.contentType = result.fields.count
            case 2 where result.transferEncoding == nil: result.transferEncoding = result.fields.count
            case 3 where result.disposition == nil: result.disposition = result.fields.count
            default: break
            }
            // `fieldName` admits only printable ASCII in a name.
            result.fields.append(HeaderField(name: Bytes.ascii(buf, open), rawValue: rawValue))
        }

        func lastNonWSP() -> UInt8? {
            if folded { return Self.trimWSP(value).last }
            var upper = single.upperBound
            while upper > single.lowerBound, Bytes.isWSP(buf[upper - 1]) || buf[upper - 1] == Bytes.cr { upper -= 1 }
            return upper > single.lowerBound ? buf[upper - 1] : nil
        }

        func unfold() {
            guard !folded else { return }
            folded = true
            value.removeAll(keepingCapacity: true)
            value.append(contentsOf: UnsafeBufferPointer(rebasing: buf[single.lowerBound..<min(single.upperBound, single.lowerBound + limits.maxHeaderBytes + 1)]))
        }

        while pos < end {
            let (contentEnd, next) = Bytes.line(buf, at: pos, end: end)
            if contentEnd == pos {  // blank line: the header block ends
                flush()
                result.bodyStart = next
                return result
            }
            let firstByte = buf[pos]
            if Bytes.isWSP(firstByte) {
                if name != nil {
                    unfold()
                    // Unfolding (RFC 5322 §2.2.3): drop the line break, keep the white space. Stop copying past
                    // the limit so a huge folded field costs bounded memory.
                    if value.count <= limits.maxHeaderBytes {
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<contentEnd]))
                    }
                } else if first {
                    // Continuation with nothing to continue at the very top: not a header block at all.
                    result.defects.append(.malformedHeader)
                    result.bodyStart = pos
                    return result
                }
                pos = next
                continue
            }
            if first, Self.isMboxSeparator(buf, pos, contentEnd) {
                first = false
                pos = next
                continue
            }
            guard let fieldName = Self.fieldName(buf, pos, contentEnd) else {
                if name != nil, lastNonWSP() == UInt8(ascii: ";"), Self.isParameter(buf, pos, contentEnd) {
                    // `Content-Type: multipart/mixed;` then `boundary="..."` with the folding white space lost.
                    result.defects.append(.malformedHeader)
                    unfold()
                    value.append(Bytes.space)
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<contentEnd]))
                    pos = next
                    continue
                }
                flush()
                if !first, Self.isBrokenField(buf, pos, contentEnd) {
                    // One word with bad bytes before a colon: a damaged field, not prose. Skip it (mime4j's way).
                    result.defects.append(.malformedHeader)
                    pos = next
                    continue
                }
                result.defects.append(.malformedHeader)
                result.bodyStart = pos
                return result
            }
            flush()
            first = false
            name = fieldName.name
            single = fieldName.colon + 1..<contentEnd
            folded = false
            pos = next
        }
        flush()
        result.bodyStart = end
        return result
    }

    /// The name range and colon index when the line is `name: value` with a valid RFC 5322 §3.6.8 name
    /// (printable ASCII except `:`); white space before the colon is tolerated (obsolete syntax, §4.5).
    static func fieldName(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (name: Range<Int>, colon: Int)? {
        var index = start
        while index < end, buf[index] != Bytes.colon {
            let byte = buf[index]
            if byte <= 32 || byte >= 127 {
                // Only trailing WSP before the colon is allowed.
                var look = index
                while look < end, Bytes.isWSP(buf[look]) { look += 1 }
                guard look < end, buf[look] == Bytes.colon, Bytes.isWSP(byte), index > start else { return nil }
                return (start..<index, look)
            }
            index += 1
        }
        guard index < end, index > start else { return nil }
        return (start..<index, index)
    }

    /// `word: ...` where the word holds bytes a field name may not (8-bit, controls) but no white space inside.
    static func isBrokenField(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end, buf[index] != Bytes.colon, !Bytes.isWSP(buf[index]) { index += 1 }
        guard index > start else { return false }
        while index < end, Bytes.isWSP(buf[index]) { index += 1 }
        return index < end && buf[index] == Bytes.colon
    }

    /// 1 for Content-Type, 2 for Content-Transfer-Encoding, 3 for Content-Disposition (any case), else 0.
    static func mimeField(_ buf: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Int {
        let wanted: StaticString
        let code: Int
        switch name.count {
        case 12: (wanted, code) = ("content-type", 1)
        case 25: (wanted, code) = ("content-transfer-encoding", 2)
        case 19: (wanted, code) = ("content-disposition", 3)
        default: return 0
        }
        let constant = wanted.utf8Start
        for offset in 0..<name.count where Bytes.lower(buf[name.lowerBound + offset]) != constant[offset] { return 0 }
        return code
    }

    /// `token=...` with no white space or colon before the `=`: a MIME parameter that lost its folding.
    static func isParameter(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end, buf[index] > 32, buf[index] < 127, buf[index] != UInt8(ascii: "="), buf[index] != Bytes.colon {
            index += 1
        }
        return index > start && index < end && buf[index] == UInt8(ascii: "=")
    }

    static func isMboxSeparator(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let from: [UInt8] = Array("From ".utf8)
        var offset = start
        if offset < end, buf[offset] == UInt8(ascii: ">") { offset += 1 }
        guard end - offset >= from.count else { return false }
        for (i, byte) in from.enumerated() where buf[offset + i] != byte { return false }
        return true
    }

    static func trimWSP(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex, upper = bytes.endIndex
        while lower < upper, Bytes.isWSP(bytes[lower]) { lower += 1 }
        while upper > lower, Bytes.isWSP(bytes[upper - 1]) || bytes[upper - 1] == Bytes.cr { upper -= 1 }
        return bytes[lower..<upper]
    }
}
