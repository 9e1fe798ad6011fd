/// Splits folded, accent-free text into the tokens date phrases are made of: words, numbers (with ordinal marks
/// such as `15th`, `15.`, `1er`, `15:e`) and numeric dates (`15/12/2026`, `2026-12-15`, `15.12.`).
struct DateScanner {
    enum Token: Equatable {
        case word(String)
        case number(Int, ordinal: Bool)
        case numericDate([Int], separator: Character)
        /// A sentence or clause break (`.`, `;`, `!`, `?`, newline) that phrases never cross.
        case stop
    }

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "e", "er", "re", "eme", "o", "a", "te",
                                                       "de", "ste", "ten", "sten", "ci", "inci", "nci", "unci", "go", "og", "ga", "tog",
                                                       "ego", "eme", "ieme", "nd"]
    /// Case endings that make a number a day of the month on its own, after `-` or an apostrophe: Polish "15-go",
    /// Croatian "15-og", Turkish "25'inde", "30'unda", "15'ine".
    private static let dayCaseSuffixes: Set<String> = ["go", "ego", "og", "ga", "tog", "inde", "inda", "unda", "unde",
                                                       "sinde", "sinda", "ine", "ina", "une", "una", "sine", "sina",
                                                       "nde", "nda"]
    /// The token put after a number with a day case ending ("#" never starts a scanned word).
    static let dayMark = Token.word("#day")

    private static let elisions: Set<String> = ["d", "l", "qu", "j", "n", "s", "c", "dell", "all", "nell", "dall"]

    static func tokens(_ text: String) -> [Token] {
        let chars = Array(text)
        var out: [Token] = []
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = chars[i]
            if isDigit(c) {
                var j = i
                var parts: [Int] = []
                var separator: Character = " "
                var current = 0, digits = 0
                while j < chars.count {
                    if isDigit(chars[j]) {
                        current = current * 10 + Int(chars[j].wholeNumberValue ?? 0); digits += 1; j += 1
                    } else if [".", "/", "-"].contains(chars[j]), digits > 0, digits <= 4,
                              separator == " " || separator == chars[j],
                              j + 1 < chars.count, isDigit(chars[j + 1]) {
                        parts.append(current); current = 0; digits = 0; separator = chars[j]; j += 1
                    } else { break }
                }
                parts.append(current)
                if parts.count >= 2, parts.count <= 3 {
                    // "15.12." keeps its trailing dot as part of the date.
                    if j < chars.count, chars[j] == ".", separator == "." { j += 1 }
                    out.append(.numericDate(parts, separator: separator))
                    i = j
                    continue
                }
                // Ordinal marks: 15th, 1er, 15., 15:e, 15º, 15-го.
                var ordinal = false
                var k = j
                if k < chars.count, chars[k] == "." , !(k + 1 < chars.count && isDigit(chars[k + 1])) {
                    ordinal = true; k += 1
                } else if k < chars.count, chars[k] == ":" || chars[k] == "-" || chars[k] == "'" || chars[k] == "’",
                          k + 1 < chars.count, chars[k + 1].isLetter {
                    k += 1
                }
                var suffix = ""
                var m = k
                while m < chars.count, chars[m].isLetter, !isCJK(chars[m]), suffix.count < 5 { suffix.append(chars[m]); m += 1 }
                var dayCase = false
                if !suffix.isEmpty, k > j, m == chars.count || !chars[m].isLetter, (1...31).contains(current),
                   dayCaseSuffixes.contains(suffix) {
                    ordinal = true; dayCase = true; k = m
                } else if !suffix.isEmpty, ordinalSuffixes.contains(suffix) || suffix == "º" || suffix == "ª" {
                    ordinal = true; k = m
                } else if !suffix.isEmpty, !ordinal {
                    k = j  // letters glued to a number (INV123): not a date part
                }
                out.append(.number(current, ordinal: ordinal))
                if dayCase { out.append(dayMark) }
                i = max(k, j)
                continue
            }
            if c.isLetter, !isCJK(c) {
                var j = i
                var word = ""
                while j < chars.count, chars[j].isLetter, !isCJK(chars[j]) { word.append(chars[j]); j += 1 }
                if j + 1 < chars.count, chars[j] == "'" || chars[j] == "’", chars[j + 1].isLetter {
                    if elisions.contains(word) {
                        out.append(.word(word + "'"))
                        i = j + 1
                        continue
                    }
                    // A suffix after an apostrophe (Turkish "aralık'ta"): keep the stem.
                    j += 1
                    while j < chars.count, chars[j].isLetter { j += 1 }
                }
                out.append(.word(word))
                i = j
                continue
            }
            if c == "\n" || c == ";" || c == "!" || c == "?" || c == "。" || c == "!" || c == "?" {
                if out.last != .stop { out.append(.stop) }
            } else if c == ".", i + 1 >= chars.count || chars[i + 1] == " " || chars[i + 1] == "\n" {
                if out.last != .stop { out.append(.stop) }
            }
            i += 1
        }
        return out
    }

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.first.map(TextFolding.isCJK) ?? false
    }
}
