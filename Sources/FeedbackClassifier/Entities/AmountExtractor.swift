import Foundation

/// Finds amounts of money in local formats: `1.250,00 €`, `EUR 1 250,00`, `$1,250.00`, `1250 zł`, `¥128,000`,
/// `3.400 kr`, `1.250 EUR`, `CHF 1'250.–`. A number counts as an amount when a currency sign or code stands next to
/// it, when it has one or two decimals, or when it groups thousands.
public enum AmountExtractor {
    /// One amount found, in text order.
    public struct Mention: Sendable, Hashable {
        public var money: Money
        /// Offset (in characters) of the number in the text.
        public var position: Int
    }

    static let symbols: [String: String] = [
        "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "￥": "JPY", "zł": "PLN", "zl": "PLN", "kr": "SEK", "kn": "HRK",
        "₺": "TRY", "tl": "TRY", "lei": "RON", "ron": "RON", "r$": "BRL", "元": "CNY", "円": "JPY", "руб": "RUB", "fr": "CHF",
        "eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "gbp": "GBP", "chf": "CHF", "pln": "PLN", "sek": "SEK",
        "try": "TRY", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "hrk": "HRK", "dkk": "DKK", "nok": "NOK", "brl": "BRL",
        "mxn": "MXN", "cad": "CAD", "aud": "AUD", "czk": "CZK", "huf": "HUF", "hkd": "HKD", "twd": "TWD", "sgd": "SGD",
        "inr": "INR", "nzd": "NZD", "zar": "ZAR", "ars": "ARS", "clp": "CLP", "cop": "COP", "pen": "PEN", "yen": "JPY",
        "yuan": "CNY", "dollars": "USD", "dollar": "USD", "złotych": "PLN", "zlotych": "PLN", "kronor": "SEK",
        "kuna": "HRK", "lira": "TRY", "kč": "CZK", "kc": "CZK", "ft": "HUF",
    ]

    /// The amounts in `text`. `defaultCurrency` is used when a bare amount with decimals has no currency nearby.
    public static func amounts(in text: String, defaultCurrency: String? = nil) -> [Mention] {
        let chars = Array(text)
        var out: [Mention] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            // Do not start inside a word such as INV-2026 or F118.
            if i > 0, (chars[i - 1].isLetter && !DateScanner.isCJK(chars[i - 1])) || chars[i - 1] == "-" || chars[i - 1] == "/" || chars[i - 1] == "#" {
                i = skipToken(chars, from: i); continue
            }
            let start = i
            var body = ""
            var j = i
            while j < chars.count {
                let c = chars[j]
                if c.isASCII, c.isNumber { body.append(c); j += 1; continue }
                if [".", ",", "'", " ", "\u{a0}", "\u{202f}"].contains(c), j + 1 < chars.count, chars[j + 1].isASCII,
                   chars[j + 1].isNumber {
                    // A space groups thousands only before exactly three digits.
                    if c == " " || c == "\u{a0}" || c == "\u{202f}" {
                        let run = chars[(j + 1)...].prefix { $0.isASCII && $0.isNumber }.count
                        if run != 3 { break }
                    }
                    body.append(c); j += 1; continue
                }
                break
            }
            // Trailing ",-" / ".–" (no cents) as in "1.250,-".
            var end = j
            if end + 1 < chars.count, [",", "."].contains(chars[end]), ["-", "–"].contains(chars[end + 1]) { end += 2 }
            // Chinese and Japanese multipliers: 10万 = 100,000; 1.2万 = 12,000; 5千 = 5,000.
            var multiplier = 1
            if end < chars.count, let m = ["万": 10_000, "萬": 10_000, "千": 1_000][chars[end]] { multiplier = m; end += 1 }
            let before = currency(before: chars, at: start)
            let after = currency(after: chars, at: end)
            let code = before ?? after
            if var value = parse(body, currency: code) {
                if multiplier > 1 { value = (value.cents * multiplier, true) }
                // Grouped thousands ("1.000", "12 500") read as money too.
                let grouped = body.contains(where: { !$0.isNumber }) && value.cents >= 100_000
                if code != nil || value.hadDecimals || grouped {
                    out.append(Mention(money: Money(cents: value.cents, currency: code ?? defaultCurrency), position: start))
                }
            }
            i = max(end, start + 1)
        }
        return out
    }

    private static func skipToken(_ chars: [Character], from i: Int) -> Int {
        var j = i
        while j < chars.count, chars[j].isLetter || chars[j].isNumber || "-/.".contains(chars[j]) { j += 1 }
        return max(j, i + 1)
    }

    /// The currency sign or code just before `index` (spaces allowed), or nil.
    private static func currency(before chars: [Character], at index: Int) -> String? {
        var j = index - 1
        while j >= 0, chars[j] == " " || chars[j] == "\u{a0}" { j -= 1 }
        guard j >= 0 else { return nil }
        var word = ""
        var k = j
        while k >= 0, chars[k].isLetter || chars[k] == "$", word.count < 8 { word.insert(chars[k], at: word.startIndex); k -= 1 }
        if word.count > 1, let code = symbols[word.lowercased()] { return code }
        return symbols[String(chars[j])] ?? symbols[word.lowercased()]
    }

    /// The currency sign or code just after `index` (spaces allowed), or nil.
    private static func currency(after chars: [Character], at index: Int) -> String? {
        var j = index
        while j < chars.count, chars[j] == " " || chars[j] == "\u{a0}" { j += 1 }
        guard j < chars.count else { return nil }
        if let code = symbols[String(chars[j])] { return code }
        var word = ""
        while j < chars.count, chars[j].isLetter, word.count < 8 { word.append(chars[j]); j += 1 }
        return symbols[word.lowercased()]
    }

    /// Reads grouping and decimal separators: the last `.` or `,` followed by one or two digits is the decimal
    /// mark; a separator followed by three digits groups thousands (except in currencies with decimals when it is
    /// the only separator and a dot: `1.250` EUR is 1250, `12.500` USD is 12500 too).
    static func parse(_ body: String, currency: String?) -> (cents: Int, hadDecimals: Bool)? {
        let separators = body.enumerated().filter { !$0.element.isNumber }
        var integerDigits = body
        var fraction = ""
        if let last = separators.last, last.element == "." || last.element == "," {
            let tail = body.count - last.offset - 1
            if tail == 1 || tail == 2 {
                integerDigits = String(body.prefix(last.offset))
                fraction = String(body.suffix(tail))
            }
        }
        let digits = integerDigits.filter(\.isNumber)
        guard !digits.isEmpty, digits.count <= 12, let units = Int(digits) else { return nil }
        // Groups must be of three digits.
        let groups = integerDigits.split(whereSeparator: { !$0.isNumber })
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) { return nil }
        let f = fraction.isEmpty ? 0 : (Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        return (units * 100 + f, !fraction.isEmpty)
    }
}
