/// Finds the invoices a reply names and matches them to the customer's open items: exactly, after normalisation
/// (case, separators, leading zeros: `inv 10233` = `INV-10233`, `F118` = `F-118`), by their number part when the
/// reply names only it (`facture 118` = `F-118`), and with one typo in references of five or more characters.
public enum InvoiceReferences {
    /// One invoice named in the reply.
    public struct Reference: Sendable, Hashable {
        /// The open item's number when matched, else the reference as written.
        public var number: String
        /// True when it names one of the open items.
        public var matched: Bool
        /// Character offset of the reference in the text.
        public var position: Int
    }

    /// Words that announce an invoice reference in the 14 languages (folded, accent-free).
    static let keywords: Set<String> = [
        "invoice", "invoices", "inv", "bill", "ref", "reference", "no", "nr", "nro", "num", "number", "n", "facture",
        "factures", "fact", "fac", "fa", "rechnung", "rechnungen", "rg", "re", "rechnungsnummer", "factura", "facturas",
        "fra", "fattura", "fatture", "fatt", "factuur", "facturen", "factuurnummer", "fatura", "faturas", "nf",
        "faktura", "fakturze", "faktury", "fakture", "fakturan", "fakturor", "fakturanr", "facturii", "facturile",
        "faturasi", "faturayi", "fatura", "racun", "racuna", "racune", "document", "doc", "beleg", "avoir", "credit",
    ]

    /// The references in `text`, matched against `openItems` (their numbers), in text order, each item once.
    public static func find(in text: String, openItems: [String]) -> [Reference] {
        let normalizedOpen = openItems.map { (number: $0, key: key($0), digits: digitKey($0), serials: serialKeys($0)) }
        var out: [Reference] = []
        var seen: Set<String> = []
        let chars = Array(text)
        var i = 0
        var previousWord = ""
        while i < chars.count {
            guard chars[i].isLetter || chars[i].isNumber || chars[i] == "#" else { i += 1; continue }
            let start = i
            var j = i
            if chars[j] == "#" { j += 1 }
            while j < chars.count {
                if chars[j].isLetter || chars[j].isNumber { j += 1; continue }
                if "-/._".contains(chars[j]), j + 1 < chars.count, chars[j + 1].isLetter || chars[j + 1].isNumber { j += 1; continue }
                break
            }
            let token = String(chars[start..<j]).trimmingCharacters(in: "#")
            defer {
                let folded = TextFolding.stripAccents(TextFolding.fold(token))
                previousWord = folded.allSatisfy(\.isLetter) ? folded : ""
                i = j
            }
            guard token.contains(where: \.isNumber), !isDateOrAmount(token) else { continue }
            let k = key(token)
            var match: String?
            let digitsOnly = token.allSatisfy { $0.isNumber || "-/._".contains($0) }
            if let exact = normalizedOpen.first(where: { $0.key == k }) { match = exact.number }
            else if digitsOnly, token.count >= 3,
                    let byNumber = normalizedOpen.filter({ $0.digits == digitKey(token) }).onlyElement {
                // "2026-1071" for "FCT 2026-1071", "118" for "F-118": the digits without the prefix.
                match = byNumber.number
            } else if isSerial(token), let bySerial = normalizedOpen.filter({ $0.serials.contains(token) }).onlyElement {
                // "0912" for "FT-2026/0912": the serial after the year or series.
                match = bySerial.number
            } else if k.count >= 5, let near = normalizedOpen.filter({ $0.key.count >= 5 && editDistanceAtMostOne($0.key, k) }).onlyElement {
                match = near.number
            }
            if let match {
                if seen.insert(match).inserted { out.append(Reference(number: match, matched: true, position: start)) }
            } else if looksLikeReference(token, after: previousWord), seen.insert(k).inserted {
                out.append(Reference(number: token, matched: false, position: start))
            }
        }
        return out
    }

    /// `text` with every invoice reference blanked out (same length in characters), so that "2026-11-004" or
    /// "FV/2026/08/030" is not read as a date or an amount.
    public static func masking(_ text: String, openItems: [String]) -> String {
        let keys = Set(openItems.map(key)), digitKeys = Set(openItems.map(digitKey))
        let serials = Set(openItems.flatMap(serialKeys))
        var chars = Array(text)
        var i = 0
        var previousWord = ""
        var changed = false
        while i < chars.count {
            guard chars[i].isLetter || chars[i].isNumber || chars[i] == "#" else { i += 1; continue }
            let start = i
            let end = ItemClauses.referenceEnd(chars, from: i)
            let token = String(chars[start..<end]).trimmingCharacters(in: "#")
            // An open item's number is masked even when shaped like a date; other tokens when they look like one.
            if token.contains(where: \.isNumber), keys.contains(key(token)) || !isDateOrAmount(token)
                && (looksLikeReference(token, after: previousWord)
                    || (token.count >= 3 && token.allSatisfy(\.isNumber) && digitKeys.contains(digitKey(token)))
                    || (isSerial(token) && serials.contains(token))) {
                for k in start..<end { chars[k] = " " }
                changed = true
            }
            let folded = TextFolding.stripAccents(TextFolding.fold(token))
            previousWord = folded.allSatisfy(\.isLetter) ? folded : ""
            i = max(end, start + 1)
        }
        return changed ? String(chars) : text
    }

    /// Upper-cased letters and digits, leading zeros of each digit run removed.
    static func key(_ s: String) -> String {
        var out = ""
        var inDigits = false
        var pendingZeros = ""
        for c in s.uppercased() where c.isLetter || c.isNumber {
            if c.isNumber {
                if !inDigits, c == "0" { pendingZeros.append(c); continue }
                inDigits = true
                out.append(c)
            } else {
                if !pendingZeros.isEmpty, !inDigits { out.append("0") }
                pendingZeros = ""
                inDigits = false
                out.append(c)
            }
        }
        if !pendingZeros.isEmpty, !inDigits { out.append("0") }
        return out
    }

    /// The runs of three or more digits of a reference with several runs, as written (leading zeros kept: "0912"
    /// names FT-2026/0912, "912" or "100" do not), years left out (`FV 6133/2026` -> `6133`): the serial a customer
    /// may write alone.
    static func serialKeys(_ s: String) -> [String] {
        let runs = s.split { !$0.isNumber }
        guard runs.count >= 2 else { return [] }
        return runs.map(String.init).filter(isSerial)
    }

    /// A bare number that can name an item by its serial: three or more digits, not a year.
    static func isSerial(_ token: String) -> Bool {
        guard token.count >= 3, token.allSatisfy(\.isNumber) else { return false }
        return !(token.count == 4 && (token.hasPrefix("19") || token.hasPrefix("20")))
    }

    /// The digits of a reference without leading zeros (`F-0118` -> `118`).
    static func digitKey(_ s: String) -> String {
        let digits = s.filter(\.isNumber).drop { $0 == "0" }
        return digits.isEmpty ? "0" : String(digits)
    }

    private static func looksLikeReference(_ token: String, after previous: String) -> Bool {
        let letters = token.filter(\.isLetter).count
        let digits = token.filter(\.isNumber).count
        let isYear = token.count == 4 && letters == 0 && (token.hasPrefix("19") || token.hasPrefix("20"))
        if keywords.contains(previous), digits >= 3, !isYear { return true }
        // Prefix letters then digits: INV-10233, FA2026/0456, RE-2026-0012.
        if letters >= 1, letters <= 5, digits >= 3, token.first?.isLetter == true { return true }
        return false
    }

    private static func isDateOrAmount(_ token: String) -> Bool {
        guard token.allSatisfy({ $0.isNumber || "./-,".contains($0) }) else { return false }
        let parts = token.split(whereSeparator: { "./-,".contains($0) })
        if parts.count == 3, parts[0].count <= 2 || parts[0].count == 4, parts[1].count <= 2 { return true }
        if parts.count == 2, parts[0].count <= 2, parts[1].count <= 2 { return true }
        return parts.count >= 2 && parts.last?.count == 2 && token.contains(",")
    }

    private static func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 }
            else if i + 1 < x.count, j + 1 < y.count, x[i] == y[j + 1], x[i + 1] == y[j] { i += 2; j += 2 }  // swap
            else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}

extension Array {
    /// The element when there is exactly one.
    var onlyElement: Element? { count == 1 ? first : nil }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
