internal import Foundation

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

    /// Scans `buf[range]`; never reads outside it. The fields read their bytes from a copy of `buf`.
    func scan(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result {
        scan(buf, range, source: Data(buffer: buf))
    }

    /// Scans `buf[range]`, where `buf` is the memory of `source`: the fields keep `source` (no copy) and make their
    /// strings from it when read.
    func scan(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, source: Data) -> Result {
        var result = Result(bodyStart: range.upperBound)
        result.fields.reserveCapacity(16)
        scan(buf, range, source: source, into: &result)
        return result
    }

    private func scan(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, source: Data, into result: inout Result) {
        var pos = range.lowerBound
        let end = range.upperBound
        // A field's value is kept as ranges: `single` is its first line's content; once continuation lines arrive
        // (`folded`), the value runs from `single.lowerBound` to `foldedEnd` with the line breaks inside, and
        // `foldedLength` counts its bytes once unfolded. Only a repaired lost fold (`eager`) copies bytes to `value`.
        var value: [UInt8] = []
        var single = 0..<0
        var folded = false, eager = false
        var foldedEnd = 0, foldedLength = 0
        var name: Range<Int>? = nil
        var first = true
        var countExceeded = false, lengthExceeded = false

        func tooLong() {
            if !lengthExceeded { lengthExceeded = true; result.defects.append(.headerTooLong) }
        }

        func flush() {
            guard let open = name else { return }
            name = nil
            if result.fields.count >= limits.maxHeaderCount {
                if !countExceeded { countExceeded = true; result.defects.append(.tooManyHeaders) }
                return
            }
            switch Self.mimeField(buf, open) {
            case 1 where result.contentType == nil: result.contentType = result.fields.count
            case 2 where result.transferEncoding == nil: result.transferEncoding = result.fields.count
            case 3 where result.disposition == nil: result.disposition = result.fields.count
            default: break
            }
            if eager {
                if value.count > limits.maxHeaderBytes {
                    value.removeSubrange(limits.maxHeaderBytes...)
                    tooLong()
                }
                result.fields.append(HeaderField(name: Bytes.ascii(buf, open), rawValue: Bytes.string(Self.trimWSP(value))))
                return
            }
            var lower = single.lowerBound, upper = single.upperBound
            if folded {
                if foldedLength > limits.maxHeaderBytes { tooLong() }
                upper = foldedEnd
            } else {
                while lower < upper, Bytes.isWSP(buf[lower]) { lower += 1 }
                while upper > lower, Bytes.isWSP(buf[upper - 1]) || buf[upper - 1] == Bytes.cr { upper -= 1 }
                if upper - lower > limits.maxHeaderBytes {
                    upper = lower + limits.maxHeaderBytes
                    tooLong()
                }
            }
            guard upper <= Int(UInt32.max) else {
                // Offsets past 4 GiB (only with raised limits): build the strings now.
                let raw = RawHeaderField(source: source, nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0,
                                         folded: folded, limit: limits.maxHeaderBytes)
                let text = folded ? raw.value(buf, lower..<upper) : Bytes.string(buf, lower..<upper)
                result.fields.append(HeaderField(name: Bytes.ascii(buf, open), rawValue: text))
                return
            }
            result.fields.append(HeaderField(raw: RawHeaderField(
                source: source, nameStart: UInt32(open.lowerBound), nameEnd: UInt32(open.upperBound),
                valueStart: UInt32(lower), valueEnd: UInt32(upper), folded: folded, limit: limits.maxHeaderBytes)))
        }

        /// The value as a byte copy: the first line cut to the limit plus one, continuation lines appended while
        /// the copy is within the limit (the bytes a repaired fold continues from).
        func copiedValue() -> [UInt8] {
            var copy = Array(UnsafeBufferPointer(rebasing: buf[single.lowerBound..<min(single.upperBound, single.lowerBound + limits.maxHeaderBytes + 1)]))
            guard folded else { return copy }
            var at = Bytes.line(buf, at: single.lowerBound, end: foldedEnd).next
            while at < foldedEnd {
                let (contentEnd, next) = Bytes.line(buf, at: at, end: foldedEnd)
                if copy.count <= limits.maxHeaderBytes {
                    copy.append(contentsOf: UnsafeBufferPointer(rebasing: buf[at..<contentEnd]))
                }
                at = next
            }
            return copy
        }

        func lastNonWSP() -> UInt8? {
            if eager || (folded && foldedLength > limits.maxHeaderBytes) {
                return Self.trimWSP(eager ? value : copiedValue()).last
            }
            // Trailing WSP and CR are trimmed from the unfolded value; line breaks are not part of it.
            var upper = folded ? foldedEnd : single.upperBound
            while upper > single.lowerBound,
                  Bytes.isWSP(buf[upper - 1]) || buf[upper - 1] == Bytes.cr || (folded && buf[upper - 1] == Bytes.lf) {
                upper -= 1
            }
            return upper > single.lowerBound ? buf[upper - 1] : nil
        }

        while pos < end {
            let (contentEnd, next) = Bytes.line(buf, at: pos, end: end)
            if contentEnd == pos {  // blank line: the header block ends
                flush()
                result.bodyStart = next
                return
            }
            let firstByte = buf[pos]
            if Bytes.isWSP(firstByte) {
                if name != nil {
                    // Unfolding (RFC 5322 §2.2.3): drop the line break, keep the white space. A copied value stops
                    // growing past the limit so a huge folded field costs bounded memory.
                    if eager {
                        if value.count <= limits.maxHeaderBytes {
                            value.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<contentEnd]))
                        }
                    } else {
                        if !folded {
                            folded = true
                            foldedLength = single.count
                        }
                        foldedEnd = contentEnd
                        foldedLength += contentEnd - pos
                    }
                } else if first {
                    // Continuation with nothing to continue at the very top: not a header block at all.
                    result.defects.append(.malformedHeader)
                    result.bodyStart = pos
                    return
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
                    if !eager {
                        value = copiedValue()
                        eager = true
                    }
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
                return
            }
            flush()
            first = false
            name = fieldName.name
            single = fieldName.colon + 1..<contentEnd
            folded = false
            eager = false
            pos = next
        }
        flush()
        result.bodyStart = end
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
        // Every one starts with `c`: most names are rejected on their first byte.
        guard !name.isEmpty, Bytes.lower(buf[name.lowerBound]) == UInt8(ascii: "c") else { return 0 }
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
        var offset = start
        if offset < end, buf[offset] == UInt8(ascii: ">") { offset += 1 }
        guard end - offset >= 5 else { return false }
        return buf[offset] == UInt8(ascii: "F") && buf[offset + 1] == UInt8(ascii: "r") && buf[offset + 2] == UInt8(ascii: "o")
            && buf[offset + 3] == UInt8(ascii: "m") && buf[offset + 4] == Bytes.space
    }

    static func trimWSP(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex, upper = bytes.endIndex
        while lower < upper, Bytes.isWSP(bytes[lower]) { lower += 1 }
        while upper > lower, Bytes.isWSP(bytes[upper - 1]) || bytes[upper - 1] == Bytes.cr { upper -= 1 }
        return bytes[lower..<upper]
    }
}
