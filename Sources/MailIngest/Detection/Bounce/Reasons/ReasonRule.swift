import Foundation

/// One bounce reason's text rule: phrases that, found in a server's diagnostic, name that reason.
///
/// Phrases are lower-case. A `*` inside a phrase matches any run of characters on the same diagnostic, so
/// `"mailbox*full"` matches "mailbox is full" and "mailbox full". Diagnostics go through ``DiagnosticText`` and
/// ``PhraseText`` before matching.
struct ReasonRule: Sendable {
    /// The reason this rule names.
    let reason: BounceReason
    /// Lower-case phrases, `*` for any run of characters, compiled for search.
    let phrases: PhraseList
    /// A test phrases cannot express (a word shape before a phrase), or nil. It receives the normalised text.
    let predicate: (@Sendable (String) -> Bool)?

    /// Phrases (UTF-8) the normalised text must all hold before ``predicate`` is worth running.
    let requirement: [[UInt8]]

    init(_ reason: BounceReason, _ phrases: [String], requiring requirement: [String] = [],
         predicate: (@Sendable (String) -> Bool)? = nil) {
        self.reason = reason
        self.phrases = PhraseList(phrases)
        self.requirement = requirement.map { Array($0.utf8) }
        self.predicate = predicate
    }

    /// True when a phrase (or the predicate) matches `text`.
    func matches(_ text: PhraseText) -> Bool {
        if phrases.matchesAny(text) { return true }
        guard let predicate, requirement.allSatisfy({ text.find($0, from: 0) != nil }) else { return false }
        return predicate(text.string)
    }
}

/// Normalisation and matching of diagnostic text.
enum DiagnosticText {
    /// Lower-cased, line ends and whitespace runs collapsed to one space, trimmed; the reply and status codes that
    /// start each line of a multi-line SMTP reply ("550-5.7.1 ") are dropped so phrases can span lines.
    static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(text) }
        // The scalars are written as UTF-8 bytes and made a string once (appending scalars to a string one by one
        // was most of this path's cost); the string holds the same scalars.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for scalar in text.lowercased().unicodeScalars {
            if scalar.value == 0x307 { continue }  // "İ" lower-cases to "i" + combining dot above
            if scalar.properties.isWhitespace {
                if !lastWasSpace { bytes.append(0x20) }
                lastWasSpace = true
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
                lastWasSpace = false
            }
        }
        var out = String(decoding: bytes, as: UTF8.self)
        if out.hasSuffix(" ") { out.removeLast() }
        return stripContinuationCodes(out)
    }

    /// ``normalize(_:)`` for ASCII text, over its bytes (ASCII white space is tab to CR and space).
    static func normalizeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            } else {
                out.append(ASCIIFold.fold(byte))
                lastWasSpace = false
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return stripContinuationCodes(String(decoding: out, as: UTF8.self))
    }

    /// Removes `NNN-` / `NNN ` reply codes (and a status code after them) found after the first one: the line
    /// prefixes of multi-line replies (RFC 5321 §4.2.1), folded or not.
    static func stripContinuationCodes(_ collapsed: String) -> String {
        guard collapsed.utf8.count < 20_000 else { return collapsed }
        if keepsAllWords(collapsed) { return collapsed }
        var words = collapsed.split(separator: " ").map(String.init)
        var seenCode = false
        var index = 0
        while index < words.count {
            let bytes = Array(words[index].utf8)
            let isCode = bytes.count >= 3 && (bytes[0] == 52 || bytes[0] == 53) && bytes[1] >= 48 && bytes[1] <= 57
                && bytes[2] >= 48 && bytes[2] <= 57 && (bytes.count == 3 || bytes[3] == UInt8(ascii: "-"))
                && (bytes.count <= 4 || StatusCode.first(in: String(words[index].dropFirst(4))) != nil)
            if isCode {
                if seenCode {
                    let nextIsStatus = bytes.count == 3 && index + 1 < words.count
                        && StatusCode.first(in: words[index + 1]) == words[index + 1]
                    words[index] = ""
                    if nextIsStatus { words[index + 1] = "" }
                }
                seenCode = true
            }
            index += 1
        }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension DiagnosticText {
    /// True when ``stripContinuationCodes(_:)`` would give `text` back unchanged, as far as one byte pass can tell:
    /// no space at either end or twice in a row, and ASCII bytes on both sides of each space (then each space is a
    /// `" "` character of its own: only non-ASCII scalars join a space into a larger grapheme cluster, an extending
    /// mark after it or a prepended one before it; so splitting at the spaces and joining again restores the text),
    /// and fewer than two words shaped like a reply code (`4xx`/`5xx`, alone or before a `-`), since a word is only
    /// dropped from the second code on. False when unsure.
    static func keepsAllWords(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard count > 0 else { return false }
            guard bytes[0] != 0x20, bytes[count - 1] != 0x20 else { return false }
            func isDigit(_ index: Int) -> Bool { index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            var codes = 0
            for index in 0..<count {
                let byte = bytes[index]
                if byte == 0x20 {
                    // Not the first or last byte: both neighbours exist.
                    if bytes[index - 1] == 0x20 || bytes[index - 1] >= 0x80 || bytes[index + 1] >= 0x80 { return false }
                    continue
                }
                guard index == 0 || bytes[index - 1] == 0x20, byte == 0x34 || byte == 0x35,
                      isDigit(index + 1), isDigit(index + 2) else { continue }
                let after = index + 3
                if after == count || bytes[after] == 0x20 || bytes[after] == UInt8(ascii: "-") {
                    codes += 1
                    if codes >= 2 { return false }
                }
            }
            return true
        }
    }

    /// True when every space byte of `text` has ASCII bytes (or an end) on both sides.
    static func spacesStandAlone(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if CharacterPrefix.isASCII(bytes) { return true }
            let count = bytes.count
            for index in 0..<count where bytes[index] == 0x20 {
                if index > 0, bytes[index - 1] >= 0x80 { return false }
                if index + 1 < count, bytes[index + 1] >= 0x80 { return false }
            }
            return true
        }
    }

    /// ``collapse(_:)`` for ASCII text (or text whose spaces stand alone), over its bytes. CR LF is one character, and no separator: it is kept.
    static func collapseASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var iterator = text.utf8.makeIterator()
        var lookahead = iterator.next()
        while let byte = lookahead {
            lookahead = iterator.next()
            var isCRLF = false
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                pendingSpace = true
                continue
            case UInt8(ascii: "\r"):
                guard lookahead == UInt8(ascii: "\n") else {
                    pendingSpace = true
                    continue
                }
                lookahead = iterator.next()
                isCRLF = true
            default:
                break
            }
            if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            out.append(byte)
            if isCRLF { out.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whitespace runs (line ends included) collapsed to one space, case kept, trimmed.
    static func collapse(_ text: String) -> String {
        // The byte loop gives the character split when each separator byte is a character of its own: tab, LF
        // and CR always are (controls break grapheme clusters on both sides, UAX #29 GB4/GB5) but CR LF, which the
        // loop keeps; a space is when its neighbours are ASCII (only non-ASCII marks join a space into a cluster).
        if spacesStandAlone(text) { return collapseASCII(text) }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
