/// Decodes MIME parameters (RFC 2045 §5.1) into a dictionary: RFC 2231 continuations (`name*0*=`) joined and
/// charset/language-tagged values (`name*=utf-8''...`) decoded; RFC 2047 encoded words seen in the wild decoded too.
public enum ParameterDecoder {
    /// `raw` holds each parameter as written (name as is, value unquoted), in input order.
    /// Returned names are lower-cased, without `*`/section suffixes.
    public static func decode(_ raw: [(name: String, value: String)]) -> [String: String] {
        decodeWithDefects(raw).parameters
    }

    /// Same as ``decode(_:)``, with the defects met (`malformed_header` for a broken RFC 2231 value,
    /// `unknown_charset`, `invalid_charset_data`, `malformed_encoded_word`).
    ///
    /// Rules: RFC 2231 sections are sorted by number (senders do not always keep them in order), extended sections
    /// (`*N*`) are percent-decoded and joined as bytes with the plain ones, and the charset named in section 0 (or in
    /// the single `name*`) decodes the whole. When a name has both an RFC 2231 form and a plain form, the RFC 2231
    /// form wins (it is the precise one; clients send the plain one as a fallback). Otherwise the first occurrence of
    /// a name wins. Plain values holding RFC 2047 words (Outlook's `name="=?utf-8?B?...?="`) are decoded.
    public static func decodeWithDefects(
        _ raw: [(name: String, value: String)]
    ) -> (parameters: [String: String], defects: [Defect.Code]) {
        if let simple = decodeSimple(raw) { return (simple, []) }
        var plain: [String: String] = [:]
        var order: [String] = []
        var extended: [String: [Section]] = [:]
        var defects: [Defect.Code] = []
        func note(_ codes: [Defect.Code]) {
            for code in codes where !defects.contains(code) { defects.append(code) }
        }

        for (rawName, value) in raw {
            let name = rawName.trimmingASCIIWhitespace().lowercased()
            guard !name.isEmpty else { continue }
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil {
                    plain[name] = value
                    if !order.contains(name) { order.append(name) }
                }
                continue
            }
            let base = String(name[..<star])
            guard !base.isEmpty else { continue }
            guard let section = Section(suffix: name[name.index(after: star)...], value: value) else {
                note([.malformedHeader])
                continue
            }
            if !order.contains(base) { order.append(base) }
            var sections = extended[base, default: []]
            // A repeated section number: the first wins.
            if !sections.contains(where: { $0.number == section.number }) { sections.append(section) }
            extended[base] = sections
        }

        var out: [String: String] = [:]
        for name in order {
            if let sections = extended[name] {
                let result = join(sections)
                note(result.defects)
                out[name] = result.text
            } else if let value = plain[name] {
                if value.utf8.containsEncodedWordStart {
                    let result = EncodedWords.decode(value)
                    note(result.defects)
                    out[name] = result.text
                } else {
                    out[name] = value
                }
            }
        }
        return (out, defects)
    }

    /// The common case without building the general tables: ASCII names without `*` and values without `=?`, so
    /// there is nothing to join or decode and the first occurrence of each name wins. Nil when the general rules are
    /// needed. Gives the same dictionary as the general path.
    private static func decodeSimple(_ raw: [(name: String, value: String)]) -> [String: String]? {
        // Collected in a small array (first occurrence wins), then built in one allocation: `reserveCapacity` on an
        // empty dictionary cost ~1,100 instructions a call here (generic storage metadata looked up at run time).
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(raw.count)
        for (rawName, value) in raw {
            if value.utf8.containsEncodedWordStart { return nil }
            var name = rawName
            guard let key = name.withUTF8({ simpleName($0) }) else { return nil }
            guard !key.isEmpty, !pairs.contains(where: { $0.key == key }) else { continue }
            pairs.append((key, value))
        }
        switch pairs.count {
        case 0: return [:]
        case 1: return [pairs[0].key: pairs[0].value]
        default: return Dictionary(uniqueKeysWithValues: pairs)
        }
    }

    /// `bytes` trimmed of ASCII white space and lower-cased, when every byte is ASCII and none is `*`; else nil.
    static func simpleName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lower = 0, upper = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        var needsLowering = false
        for index in lower..<upper {
            let byte = bytes[index]
            if byte >= 0x80 || byte == UInt8(ascii: "*") { return nil }
            if byte >= 65 && byte <= 90 { needsLowering = true }
        }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
        guard needsLowering else { return String(decoding: trimmed, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: trimmed.count) { out in
            for (index, byte) in trimmed.enumerated() { out[index] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
            return trimmed.count
        }
    }

    /// One RFC 2231 section of a parameter.
    struct Section {
        /// 0 for an unnumbered `name*`.
        var number: Int
        /// True for `*N*` / `name*`: charset'language' (first section only) and percent-encoding.
        var isEncoded: Bool
        var value: String

        /// `suffix` is what follows the first `*`: `` (name*), `0`, `0*`, `12*`.
        init?(suffix: Substring, value: String) {
            self.value = value
            if suffix.isEmpty {
                number = 0
                isEncoded = true
                return
            }
            var digits = suffix
            isEncoded = digits.hasSuffix("*")
            if isEncoded { digits = digits.dropLast() }
            guard !digits.isEmpty, digits.count <= 4, let number = Int(digits), number >= 0 else { return nil }
            self.number = number
        }
    }

    /// RFC 2231 §3-4: sections in order, the first one's `charset'language'` prefix applied to all.
    static func join(_ sections: [Section]) -> (text: String, defects: [Defect.Code]) {
        let sorted = sections.sorted { $0.number < $1.number }
        var charset: String?
        var bytes: [UInt8] = []
        var defects: [Defect.Code] = []
        for (position, section) in sorted.enumerated() {
            guard section.isEncoded else {
                bytes.append(contentsOf: section.value.utf8)
                continue
            }
            var value = Substring(section.value)
            if position == 0 {
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    charset = parts[0].isEmpty ? nil : String(parts[0])
                    value = parts[2]
                }
            }
            if !percentDecode(value, into: &bytes) { defects.append(.malformedHeader) }
        }
        let result = CharsetDecoder.decode(bytes, charset: charset)
        for code in result.defects where !defects.contains(code) { defects.append(code) }
        return (result.text, defects)
    }

    /// Appends the bytes of `%XX`-encoded text; a stray `%` is kept (returns false).
    private static func percentDecode(_ text: Substring, into bytes: inout [UInt8]) -> Bool {
        let utf8 = Array(text.utf8)
        var clean = true
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            if utf8[index] == UInt8(ascii: "%") { clean = false }
            bytes.append(utf8[index])
            index += 1
        }
        return clean
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs, CR and LF.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension String.UTF8View {
    /// True when the bytes hold `=?` (a possible RFC 2047 word): `memchr` from `=` to `=` over contiguous storage.
    var containsEncodedWordStart: Bool {
        if let found = withContiguousStorageIfAvailable({ Bytes.containsEncodedWordStart($0) }) { return found }
        var previous: UInt8 = 0
        for byte in self {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }
}
