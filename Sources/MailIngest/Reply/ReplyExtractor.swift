/// Splits a reply body into the sender's new text, the quoted history and the signature.
///
/// Pure and language-independent: every language's patterns (``AttributionPatterns``, ``OutlookHeaderFields``,
/// ``SeparatorPatterns``, ``SignaturePatterns``) are tried on every message, so a message in an unexpected
/// language, or mixing two, is handled the same way. Plain-text quoting follows RFC 3676 (`>` markers, the
/// `-- ` signature separator); lines the HTML layer marked quoted count as quoted, lines it marked as a signature
/// block go to the signature.
///
/// The history starts at the first of: an attribution ("On <date>, <name> wrote:") not followed by `>` lines,
/// an Outlook/Exchange header block, an "-----Original Message-----"/forward separator, an underscore rule.
/// An attribution followed by `>` lines quotes only those lines, so replies written between or below quotes
/// (interleaved, bottom-posted) stay visible.
public enum ReplyExtractor {
    /// Extracts the reply from `body`; `hints` are optional.
    public static func extract(_ body: BodyText, hints: ReplyHints = ReplyHints()) -> ExtractedReply {
        let lines = body.lines.map(ReplyLine.init)
        var roles = assignHistory(lines)
        // Signature blocks the markup named (gmail_signature, Outlook's #Signature, moz-signature).
        for index in roles.indices where roles[index] == .visible && lines[index].markedSignature {
            roles[index] = .signature
        }
        let visible = roles.indices.filter { roles[$0] == .visible }
        if let start = SignatureFinder.start(in: visible, of: lines, hints: hints) {
            for index in visible[start...] { roles[index] = .signature }
        }
        attachClosings(lines, &roles)
        return ExtractedReply(visible: joined(lines, roles, .visible), quoted: joined(lines, roles, .quoted),
                              signature: joined(lines, roles, .signature))
    }

    enum Role { case visible, quoted, signature }

    /// Marks quoted history; everything else stays visible.
    static func assignHistory(_ lines: [ReplyLine]) -> [Role] {
        var roles = [Role](repeating: .visible, count: lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isQuoted || isLazyContinuation(index, lines) {
                roles[index] = .quoted
                index += 1
                continue
            }
            if line.isBlank {
                index += 1
                continue
            }
            if let length = AttributionMatcher.length(at: index, in: lines) {
                markRulesAbove(index, lines, &roles)
                for covered in index..<(index + length) { roles[covered] = .quoted }
                var next = index + length
                while next < lines.count, lines[next].isBlank { next += 1 }
                if next < lines.count, !lines[next].isQuoted {
                    // Unquoted text under the attribution (Outlook, Gmail to text): all of it is history.
                    for covered in next..<lines.count { roles[covered] = .quoted }
                    break
                }
                index = next
                continue
            }
            if AttributionMatcher.matchesWithoutColon(line.trimmed), let next = nextNonBlank(after: index, lines),
               lines[next].isQuoted {
                markRulesAbove(index, lines, &roles)
                roles[index] = .quoted
                index = next
                continue
            }
            if HistoryMarkers.startsHistory(at: index, in: lines) {
                markRulesAbove(index, lines, &roles)
                for covered in index..<lines.count { roles[covered] = .quoted }
                break
            }
            index += 1
        }
        return roles
    }

    /// A closing left just above a signature of a name and more ("Cordialement," over a marked-up
    /// "Marie Dupont / Service comptabilité") opens that signature, as it would in plain text.
    static func attachClosings(_ lines: [ReplyLine], _ roles: inout [Role]) {
        var index = 0
        while index < lines.count {
            guard roles[index] == .signature else { index += 1; continue }
            var end = index
            while end < lines.count, roles[end] == .signature { end += 1 }
            let block = lines[index..<end].filter { !$0.isBlank && !SignatureFinder.isMobileLine($0) }
            var above = index - 1
            while above >= 0, lines[above].isBlank, roles[above] == .visible { above -= 1 }
            if block.count >= 2, above >= 0, roles[above] == .visible, SignatureFinder.isClosing(lines[above]) {
                for covered in above..<index { roles[covered] = .signature }
            }
            index = end
        }
    }

    static func nextNonBlank(after index: Int, _ lines: [ReplyLine]) -> Int? {
        var next = index + 1
        while next < lines.count, lines[next].isBlank { next += 1 }
        return next < lines.count ? next : nil
    }

    /// An unquoted line squeezed between quoted lines with no blank line around it, right under a long quoted
    /// line, continuing it in lowercase or mid-sentence, is a quoted line that a client re-wrapped without its marker
    /// ("> ... Nullam pharetra d" / "ignissim odio?" / ">"). A reply written between quotes is not: it starts its
    /// own sentence ("> Invoice F-1: 500 EUR" / "Paid on 20 November." / "> Invoice F-2").
    static func isLazyContinuation(_ index: Int, _ lines: [ReplyLine]) -> Bool {
        guard index > 0, !lines[index].isBlank, lines[index - 1].isQuoted,
              lines[index - 1].raw.utf8.count >= 60, lines[index - 1].raw.count >= 60 else { return false }
        var next = index + 1
        while next < lines.count, next <= index + 2, !lines[next].isBlank, !lines[next].isQuoted { next += 1 }
        guard next < lines.count, lines[next].isQuoted else { return false }
        guard let first = lines[index].trimmed.first else { return false }
        if first.isLowercase { return true }
        let previousEnd = lines[index - 1].trimmed.last
        return !first.isUppercase && previousEnd.map { !".!?:;。！？".contains($0) } ?? false
    }

    /// Rules and blank lines right above the history belong to it (Outlook's "_____" or " ------"), except a rule
    /// that closes a box, with a blank line below it: it belongs to the signature it draws around
    /// ("――――" / company / phone / "――――").
    static func markRulesAbove(_ index: Int, _ lines: [ReplyLine], _ roles: inout [Role]) {
        var above = index - 1
        while above >= 0, roles[above] == .visible, lines[above].isBlank || lines[above].isRule {
            if lines[above].isRule, above + 1 < index, lines[above + 1].isBlank, closesBox(above, lines) { break }
            roles[above] = .quoted
            above -= 1
        }
    }

    /// The rule at `index` ends a box: text right above it, and another rule above that text with no blank line
    /// in between, within a signature's height.
    static func closesBox(_ index: Int, _ lines: [ReplyLine]) -> Bool {
        var above = index - 1
        while above >= 0, above >= index - SignatureFinder.maxBlockLines - 1 {
            let line = lines[above]
            if line.isBlank { return false }
            if line.isRule { return above < index - 1 }
            above -= 1
        }
        return false
    }

    /// The lines of one role joined with LF, without blank lines at either end; where lines of another role were
    /// cut out between two runs, the runs are parted by exactly one blank line.
    static func joined(_ lines: [ReplyLine], _ roles: [Role], _ role: Role) -> String {
        // One pass over the runs, appending in place (blank is `trimmed.isEmpty`, the trim of `raw`).
        var result = ""
        var index = 0
        while index < lines.count {
            guard roles[index] == role else { index += 1; continue }
            var end = index
            while end < lines.count, roles[end] == role { end += 1 }
            var first = index, last = end - 1
            while first <= last, lines[first].isBlank { first += 1 }
            while last >= first, lines[last].isBlank { last -= 1 }
            if first <= last {
                if !result.isEmpty { result += "\n\n" }
                result += lines[first].raw
                for line in lines[(first + 1)..<(last + 1)] {
                    result += "\n"
                    result += line.raw
                }
            }
            index = end
        }
        return result
    }
}
