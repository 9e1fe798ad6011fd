#if canImport(Glibc)
private import Glibc
#elseif canImport(Darwin)
private import Darwin
#endif

/// Two places where libxml2's HTML parser and a browser disagree on markup that mail clients write, fixed on the
/// bytes before parsing (one linear scan with `memchr`; documents without them are not copied):
/// - Office's namespaced elements (`<o:p>`, `<v:shape>`, `<st1:place>`) lose their prefix in libxml2, so Outlook's
///   `<o:p></o:p>` inside every paragraph would come out as a nested `p`. The colon becomes a hyphen (`<o-p>`, an
///   unknown inline element).
/// - Outlook's downlevel-revealed conditionals (`<![if !supportLists]>`, `<![endif]>`) and other `<!...>` that are
///   neither comments nor a doctype come out as text in libxml2; a browser reads them as bogus comments (HTML Living
///   Standard 13.2.5.41), so they are removed. Real comments are skipped whole.
/// - Text before any tag (a fragment such as `Hi,<div>...`) gets an implied `<p>` in libxml2, whose margins would add
///   a blank line a browser does not show; such a fragment is opened with `<body>`.
/// - A NUL byte makes libxml2 drop the rest of the element or document; NULs become spaces.
enum HTMLSourceFixups {
    enum Edit: Equatable {
        case openBody
        case colon(at: Int)
        case remove(Range<Int>)
        /// Not positional: every NUL in the result becomes a space. Always last.
        case replaceNULs
    }

    static func edits(in html: UnsafeBufferPointer<UInt8>) -> [Edit] {
        guard let base = html.baseAddress else { return [] }
        let count = html.count
        var found: [Edit] = []
        if let first = html.firstIndex(where: { !HTMLBytes.isSpace($0) }), html[first] != 0x3C {
            found.append(.openBody)
        }
        var index = 0
        while index < count, let hit = memchr(base + index, 0x3C, count - index) {
            let open = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            index = open + 1
            guard index < count else { break }
            if html[index] == 0x21 {
                guard let next = declarationEnd(html, bang: index, found: &found) else { break }
                index = next
                continue
            }
            var cursor = index
            if html[cursor] == 0x2F { cursor += 1 }
            let nameStart = cursor
            while cursor < count, cursor - nameStart < 16, isNameByte(html[cursor]) { cursor += 1 }
            if cursor > nameStart, cursor < count, html[cursor] == 0x3A, isLetter(html[nameStart]) {
                found.append(.colon(at: cursor))
                index = cursor + 1
            }
        }
        if memchr(base, 0, count) != nil { found.append(.replaceNULs) }
        return found
    }

    /// A copy of `html` with `edits` (in increasing order) applied.
    static func applying(_ edits: [Edit], to html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var copy: [UInt8] = []
        copy.reserveCapacity(html.count)
        var copied = 0
        for edit in edits {
            switch edit {
            case .openBody:
                copy.append(contentsOf: [0x3C, 0x62, 0x6F, 0x64, 0x79, 0x3E])
            case .colon(let offset):
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<offset]))
                copy.append(0x2D)
                copied = offset + 1
            case .remove(let range):
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<range.lowerBound]))
                copied = range.upperBound
            case .replaceNULs:
                break
            }
        }
        copy.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        if edits.last == .replaceNULs {
            for index in copy.indices where copy[index] == 0 { copy[index] = 0x20 }
        }
        return copy
    }

    /// After `<!` at `bang`: where scanning resumes, or nil when the rest of the input is a comment.
    private static func declarationEnd(_ html: UnsafeBufferPointer<UInt8>, bang: Int, found: inout [Edit]) -> Int? {
        let base = html.baseAddress!
        let count = html.count
        let after = bang + 1
        if after + 1 < count, html[after] == 0x2D, html[after + 1] == 0x2D {
            let bodyStart = after + 2
            var search = bodyStart
            while search < count, let close = memchr(base + search, 0x3E, count - search) {
                let gt = UnsafeRawPointer(close).assumingMemoryBound(to: UInt8.self) - base
                if gt - 2 >= bodyStart, html[gt - 1] == 0x2D, html[gt - 2] == 0x2D { return gt + 1 }
                search = gt + 1
            }
            return nil
        }
        if HTMLBytes.hasPrefix(UnsafeBufferPointer(rebasing: html[after...]), "doctype") { return after }
        guard let close = memchr(base + after, 0x3E, count - after) else {
            found.append(.remove((bang - 1)..<count))
            return nil
        }
        let end = UnsafeRawPointer(close).assumingMemoryBound(to: UInt8.self) - base + 1
        found.append(.remove((bang - 1)..<end))
        return end
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
