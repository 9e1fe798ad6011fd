internal import Foundation

/// Multipart bodies (RFC 2046 §5.1): split on the entity's own boundary, then parse each part.
extension EntityWalker {
    /// Where the pieces of one multipart body lie.
    struct MultipartLayout {
        var preamble: Range<Int>?
        var parts: [Range<Int>] = []
        var epilogue: Range<Int>?
        /// True when the close delimiter (`--boundary--`) was seen.
        var closed = false
    }

    /// Parses a multipart body; a missing close delimiter is reported and the last part runs to the end.
    mutating func multipart(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, boundary: [UInt8], path: String,
                            depth: Int, childDefault: ContentType) -> MIMEPart.Body {
        let layout = Self.split(buf, range, boundary: boundary, maxParts: limits.maxParts)
        if !layout.closed { report(.unterminatedMultipart, at: path) }
        var parts: [MIMEPart] = []
        for (index, partRange) in layout.parts.enumerated() {
            if partCount >= limits.maxParts {
                reportLimit(.tooManyParts, at: path)
                break
            }
            parts.append(entity(buf, partRange, path: path + "." + String(index + 1), depth: depth + 1,
                                defaultType: childDefault))
        }
        return .multipart(parts: parts, preamble: layout.preamble.map { Bytes.string(buf, $0) },
                          epilogue: layout.epilogue.map { Bytes.string(buf, $0) })
    }

    /// Finds delimiter lines: a line starting with `--boundary` followed by `--` (close), white space or the line
    /// end. Anything else after the boundary (e.g. `-1` in a nested boundary that extends this one) is not a
    /// delimiter. The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1). Stops collecting
    /// ranges past `maxParts + 1` parts so a hostile body cannot make the list grow without bound.
    static func split(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, boundary: [UInt8],
                      maxParts: Int) -> MultipartLayout {
        var layout = MultipartLayout()
        var current: Int? = nil
        var pos = range.lowerBound
        let end = range.upperBound
        while let candidate = nextBoundaryLine(buf, from: pos, end: end, boundary: boundary) {
            let (_, next) = Bytes.line(buf, at: candidate, end: end)
            guard let isClose = delimiter(buf, at: candidate, end: end, boundary: boundary) else {
                pos = next
                continue
            }
            let segmentStart = current ?? range.lowerBound
            var contentEnd = candidate
            if contentEnd > segmentStart, buf[contentEnd - 1] == Bytes.lf { contentEnd -= 1 }
            if contentEnd > segmentStart, buf[contentEnd - 1] == Bytes.cr { contentEnd -= 1 }
            if let current {
                if layout.parts.count <= maxParts { layout.parts.append(current..<contentEnd) }
            } else if candidate > range.lowerBound {
                layout.preamble = range.lowerBound..<contentEnd
            }
            if isClose {
                layout.closed = true
                if next < end { layout.epilogue = next..<end }
                return layout
            }
            current = next
            pos = next
        }
        if let current {
            if layout.parts.count <= maxParts { layout.parts.append(current..<end) }
        } else if range.lowerBound < end {
            layout.preamble = range
        }
        return layout
    }

    /// The start of the next line at or after `from` (itself a line start) that begins with `--boundary`. Jumps
    /// with `memchr` from dash to dash, so a base64 attachment (no `-` in its alphabet) is crossed in one call
    /// instead of line by line.
    static func nextBoundaryLine(_ buf: UnsafeBufferPointer<UInt8>, from: Int, end: Int, boundary: [UInt8]) -> Int? {
        guard let base = buf.baseAddress else { return nil }
        let length = 2 + boundary.count
        var pos = from
        return boundary.withUnsafeBufferPointer { boundary in
            while end - pos >= length {
                guard let hit = memchr(base + pos, Int32(Bytes.dash), end - pos - length + 1) else { return nil }
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if (index == from || buf[index - 1] == Bytes.lf), buf[index + 1] == Bytes.dash,
                   boundary.isEmpty || memcmp(base + index + 2, boundary.baseAddress!, boundary.count) == 0 {
                    return index
                }
                pos = index + 1
            }
            return nil
        }
    }

    /// nil when the line at `pos` is no delimiter; true for a close delimiter, false for an ordinary one.
    @inline(__always)
    static func delimiter(_ buf: UnsafeBufferPointer<UInt8>, at pos: Int, end: Int, boundary: [UInt8]) -> Bool? {
        guard end - pos >= 2 + boundary.count, buf[pos] == Bytes.dash, buf[pos + 1] == Bytes.dash else { return nil }
        if !boundary.isEmpty {
            let same = boundary.withUnsafeBufferPointer { memcmp(buf.baseAddress! + pos + 2, $0.baseAddress!, $0.count) == 0 }
            guard same else { return nil }
        }
        let after = pos + 2 + boundary.count
        if after == end { return false }
        if after + 1 < end, buf[after] == Bytes.dash, buf[after + 1] == Bytes.dash { return true }
        let byte = buf[after]
        return byte == Bytes.space || byte == Bytes.tab || byte == Bytes.cr || byte == Bytes.lf ? false : nil
    }
}
