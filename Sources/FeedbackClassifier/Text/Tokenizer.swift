/// Splits folded reply text into word tokens, CJK runs and placeholders for numbers, dates, amounts, invoice
/// references and currency symbols, so that features generalise over the values.
public enum Tokenizer {
    /// One token.
    public enum Token: Sendable, Hashable {
        /// A word of letters (already folded).
        case word(String)
        /// A run of CJK characters.
        case cjk([Unicode.Scalar])
        /// A value replaced by its shape: `<num>`, `<year>`, `<date>`, `<amt>`, `<inv>`, `<ord>`, `<cur>`.
        case placeholder(String)

        /// The text the token stands for in word features.
        public var text: String {
            switch self {
            case .word(let w): return w
            case .cjk(let scalars): return String(String.UnicodeScalarView(scalars))
            case .placeholder(let p): return p
            }
        }
    }

    /// Characters that join the pieces of one value or word ("1.250,00", "FA2026/0456", "l'avoir").
    private static func isConnector(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "-", "/", ".", ",", "'", "’", ":", "_": return true
        default: return false
        }
    }

    /// Tokens of `folded` (the output of ``TextFolding/fold(_:)``).
    public static func tokens(_ folded: String) -> [Token] {
        let scalars = Array(folded.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if TextFolding.isCJK(s) {
                var j = i
                while j < scalars.count, TextFolding.isCJK(scalars[j]) { j += 1 }
                tokens.append(.cjk(Array(scalars[i..<j])))
                i = j
            } else if isAlnum(s) {
                var j = i + 1
                while j < scalars.count {
                    if isAlnum(scalars[j]), !TextFolding.isCJK(scalars[j]) { j += 1; continue }
                    if isConnector(scalars[j]), j + 1 < scalars.count, isAlnum(scalars[j + 1]),
                       !TextFolding.isCJK(scalars[j + 1]) {
                        j += 2; continue
                    }
                    break
                }
                tokens.append(classify(scalars[i..<j]))
                i = j
            } else {
                if s.value >= 0x80 || s == "$" {
                    if s.properties.generalCategory == .currencySymbol { tokens.append(.placeholder("<cur>")) }
                }
                i += 1
            }
        }
        return tokens
    }

    private static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {  // ASCII without the Unicode property tables
            return (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x30 && s.value <= 0x39)
        }
        // Latin-1 letters (not × and ÷) and Latin Extended-A/B: all alphabetic, none a digit.
        if s.value >= 0xC0 && s.value <= 0x24F { return s.value != 0xD7 && s.value != 0xF7 }
        return s.properties.isAlphabetic || s.properties.numericType == .decimal
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x30 && s.value <= 0x39) : s.properties.numericType == .decimal
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A) : s.properties.isAlphabetic
    }

    private static func classify(_ chunk: ArraySlice<Unicode.Scalar>) -> Token {
        var digits = 0, letters = 0, separators = 0
        for s in chunk {
            if isDigit(s) { digits += 1 }
            else if isLetter(s) { letters += 1 }
            else { separators += 1 }
        }
        if digits == 0 { return .word(string(chunk)) }
        let text = string(chunk)
        if letters > 0 {
            let lettersOnly = string(ArraySlice(chunk.filter { $0.properties.isAlphabetic }))
            if ordinalSuffixes.contains(lettersOnly), chunk.first.map({ ("0"..."9").contains($0) }) == true,
               digits <= 2 {
                return .placeholder("<ord>")
            }
            if currencyCodes.contains(lettersOnly) { return .placeholder("<amt>") }
            if ["h", "am", "pm", "uhr"].contains(lettersOnly) { return .placeholder("<time>") }
            if ["kw", "cw", "wk", "w"].contains(lettersOnly), digits <= 2 { return .placeholder("<week>") }
            return .placeholder("<inv>")
        }
        if separators == 0 {
            if digits >= 5 { return .placeholder("<inv>") }
            if digits == 4, text.hasPrefix("19") || text.hasPrefix("20") { return .placeholder("<year>") }
            return .placeholder("<num>")
        }
        if isDate(text) { return .placeholder("<date>") }
        if isAmount(text) { return .placeholder("<amt>") }
        if text.contains(":") { return .placeholder("<time>") }
        return .placeholder("<inv>")
    }

    /// The string of `scalars`, encoded as UTF-8 in one pass into the string's own storage (appending scalar by
    /// scalar to a `String.UnicodeScalarView` was a tenth of the prediction time).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var length = 0
        for s in scalars { length += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for s in scalars {
                UTF8.encode(s) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "e", "er", "re", "eme", "ème", "o", "a",
                                                       "º", "ª", "te", "ste", "de", "ten", "sten", "ci", "inci"]
    private static let currencyCodes: Set<String> = ["eur", "usd", "gbp", "chf", "pln", "ron", "sek", "try", "jpy", "cny",
                                                     "rmb", "hrk", "dkk", "nok", "czk", "huf", "brl", "k", "kr", "zl",
                                                     "zł", "tl", "lei", "yen", "yuan", "euro", "euros", "eu"]

    /// d.m, d.m.y, d/m/y, d-m-y and y-m-d shapes.
    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" })
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return false }
        let lengths = parts.map(\.count)
        if lengths == [4, 2, 2] || lengths == [4, 1, 1] || lengths == [4, 2, 1] || lengths == [4, 1, 2] { return true }
        guard lengths[0] <= 2, lengths[1] <= 2 else { return false }
        return parts.count == 2 ? text.contains(".") || text.contains("/") : (lengths[2] == 2 || lengths[2] == 4)
    }

    /// 1.250,00 / 1,250.00 / 1 250 / 1250,5 / 12.50 shapes.
    private static func isAmount(_ text: String) -> Bool {
        guard let last = text.lastIndex(where: { $0 == "." || $0 == "," }) else { return false }
        let tail = text[text.index(after: last)...]
        if tail.count == 2 || tail.count == 1 { return true }
        return tail.count == 3 && text.first != "0"
    }
}
