/// Parsers for the values of ERP exports: dates in configured formats, amounts with decimal commas, flags.
/// Pure; each returns nil when the text does not fit.
enum CSVValues {
    /// A compiled date format.
    struct DateFormat: Sendable {
        enum Token: Sendable { case year4, year2, month, monthLoose, day, dayLoose, literal(UInt8) }
        let tokens: [Token]

        /// Compiles `yyyy`, `yy`, `MM`, `M`, `dd`, `d` and literal bytes.
        init(_ pattern: String) {
            var tokens: [Token] = []
            var rest = Substring(pattern)
            while let first = rest.first {
                if rest.hasPrefix("yyyy") { tokens.append(.year4); rest = rest.dropFirst(4) }
                else if rest.hasPrefix("yy") { tokens.append(.year2); rest = rest.dropFirst(2) }
                else if rest.hasPrefix("MM") { tokens.append(.month); rest = rest.dropFirst(2) }
                else if rest.hasPrefix("M") { tokens.append(.monthLoose); rest = rest.dropFirst() }
                else if rest.hasPrefix("dd") { tokens.append(.day); rest = rest.dropFirst(2) }
                else if rest.hasPrefix("d") { tokens.append(.dayLoose); rest = rest.dropFirst() }
                else {
                    for byte in String(first).utf8 { tokens.append(.literal(byte)) }
                    rest = rest.dropFirst()
                }
            }
            self.tokens = tokens
        }

        func parse(_ text: Substring.UTF8View) -> Day? {
            var i = text.startIndex
            var year = 0, month = 0, day = 0
            func digits(_ min: Int, _ max: Int) -> Int? {
                var value = 0, count = 0
                while count < max, i < text.endIndex, let digit = digitValue(text[i]) {
                    value = value * 10 + digit
                    count += 1
                    i = text.index(after: i)
                }
                return count >= min ? value : nil
            }
            for token in tokens {
                switch token {
                case .year4: guard let v = digits(4, 4) else { return nil }; year = v
                case .year2: guard let v = digits(2, 2) else { return nil }; year = v < 70 ? 2000 + v : 1900 + v
                case .month: guard let v = digits(2, 2) else { return nil }; month = v
                case .monthLoose: guard let v = digits(1, 2) else { return nil }; month = v
                case .day: guard let v = digits(2, 2) else { return nil }; day = v
                case .dayLoose: guard let v = digits(1, 2) else { return nil }; day = v
                case .literal(let byte):
                    guard i < text.endIndex, text[i] == byte else { return nil }
                    i = text.index(after: i)
                }
            }
            // A time part after the date ("2026-01-15T00:00:00", "15/01/2026 00:00") is ignored.
            if i < text.endIndex, text[i] != UInt8(ascii: "T"), text[i] != 32 { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    static func digitValue(_ byte: UInt8) -> Int? { byte >= 48 && byte <= 57 ? Int(byte - 48) : nil }

    /// The first format that reads `text`.
    static func date(_ text: String, formats: [DateFormat]) -> Day? {
        let trimmed = Substring(text)
        for format in formats { if let day = format.parse(trimmed.utf8) { return day } }
        return nil
    }

    /// Why an amount was refused.
    enum AmountError: String, Error {
        case empty = "is empty"
        case notANumber = "is not a number"
        case tooManyDecimals = "has more decimals than the currency allows"
        case tooLarge = "is too large"
    }

    /// Reads an amount into minor units of a currency with `exponent` decimals.
    /// Accepts a sign in front, a trailing minus (SAP) or parentheses; spaces, no-break spaces and apostrophes as
    /// grouping.
    static func amount(_ text: String, style: DecimalStyle, exponent: Int) -> Result<Int64, AmountError> {
        var bytes: [UInt8] = []
        var negative = false
        var scalars = Substring(text).unicodeScalars[...]
        while let s = scalars.first, s == " " || s == "\u{A0}" { scalars = scalars.dropFirst() }
        while let s = scalars.last, s == " " || s == "\u{A0}" { scalars = scalars.dropLast() }
        if scalars.first == "(" && scalars.last == ")" { negative = true; scalars = scalars.dropFirst().dropLast() }
        if scalars.first == "-" { negative.toggle(); scalars = scalars.dropFirst() }
        else if scalars.first == "+" { scalars = scalars.dropFirst() }
        if scalars.last == "-" && !negative { negative = true; scalars = scalars.dropLast() }
        for s in scalars {
            switch s {
            case "0"..."9", ".", ",": bytes.append(UInt8(s.value))
            case " ", "\u{A0}", "\u{202F}", "'", "\u{2019}": continue
            default: return .failure(.notANumber)
            }
        }
        guard !bytes.isEmpty else { return .failure(scalars.isEmpty ? .empty : .notANumber) }
        let point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        var mark: UInt8?
        switch style {
        case .point: mark = point
        case .comma: mark = comma
        case .auto:
            let lastMark = bytes.lastIndex { $0 == point || $0 == comma }
            if let lastMark {
                let markByte = bytes[lastMark]
                let other = markByte == point ? comma : point
                let occurrences = bytes.count { $0 == markByte }
                let decimals = bytes.count - lastMark - 1
                if bytes.contains(other) { mark = markByte }
                else if occurrences > 1 { mark = nil }
                else if decimals == 3 && exponent < 3 { mark = nil }
                else { mark = markByte }
            }
        }
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, seenMark = false, digitCount = 0
        for byte in bytes {
            if byte == mark {
                if seenMark { return .failure(.notANumber) }
                seenMark = true
                continue
            }
            guard let digit = digitValue(byte) else { continue } // a grouping mark
            digitCount += 1
            if seenMark {
                fractionDigits += 1
                if fractionDigits > exponent {
                    if digit != 0 { return .failure(.tooManyDecimals) }
                    continue
                }
                fraction = fraction * 10 + Int64(digit)
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(digit))
                if o1 || o2 { return .failure(.tooLarge) }
                whole = a
            }
        }
        guard digitCount > 0 else { return .failure(.notANumber) }
        for _ in min(fractionDigits, exponent)..<exponent { fraction *= 10 }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let (m, o1) = whole.multipliedReportingOverflow(by: scale)
        let (total, o2) = m.addingReportingOverflow(fraction)
        if o1 || o2 { return .failure(.tooLarge) }
        return .success(negative ? -total : total)
    }

    /// Reads a yes/no flag in the languages of the corpus; nil when it is neither.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes", "y", "x", "oui", "vrai", "ja", "si", "sí", "sim", "evet", "tak", "da": true
        case "", "0", "false", "no", "n", "non", "faux", "nein", "nee", "não", "nao", "hayır", "nie", "ne": false
        default: nil
        }
    }

    /// Reads an item kind; empty means "from the sign of the amount".
    static func itemKind(_ text: String) -> ItemKind?? {
        switch text.lowercased() {
        case "": .some(nil)
        case "invoice", "inv", "facture", "rechnung", "factura", "fattura", "factuur", "fatura", "faktura", "i", "f":
            .some(.invoice)
        case "credit_note", "credit note", "credit", "creditnote", "cn", "avoir", "gutschrift", "abono",
             "nota de crédito", "nota di credito", "creditnota", "c", "a":
            .some(.creditNote)
        default: .none
        }
    }
}
