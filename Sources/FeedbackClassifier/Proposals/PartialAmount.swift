/// The part of an item's open amount a reply promises or says is paid: an amount smaller than the open amount,
/// "half" in the 14 languages, or a percentage. Nil when the whole amount is meant or none is said. "Paid 1,000
/// today, the rest on the 31st" promises the rest: the amount named after a word for the rest ("the balance of
/// 3,600"), else the open amount less the amounts named before it (corpus/LABELS.md decisions).
enum PartialAmount {
    static let halfWords: Set<String> = ["half", "moitie", "halfte", "halbe", "mitad", "meta", "helft", "metade",
                                         "polowe", "polowa", "polowy", "jumatate", "jumatatea", "halften", "halva",
                                         "yarisi", "yarisini", "pola", "polovicu", "polovina"]
    /// Starts of the words for "the rest" or "the balance" (folded, accent-free) in the 14 languages.
    static let restStems = ["rest", "remain", "reste", "saldo", "balance", "kalan", "ostat", "reszt", "pozosta",
                            "queda", "restul", "restant", "overig", "aterstod", "resterande"]
    /// The same in Japanese and Chinese.
    static let restCJK = ["残り", "残額", "残金", "剩余", "余款", "其余", "尾款", "余额"]

    /// `dates`, when given, tells instalments from a payment already made: "500 on Monday, the rest on the 15th"
    /// (a future date before the word for the rest) promises the first instalment, as without a rest word.
    static func find(in text: String, open: Money?, currency: String?, dates: DateExtractor? = nil) -> Money? {
        guard let open else { return nil }
        let mentions = AmountExtractor.amounts(in: text, defaultCurrency: currency)
        let partial = mentions.filter { $0.money.cents > 0 && $0.money.cents < open.cents }
        if let rest = restPosition(in: text), !partial.isEmpty,
           !(dates.map { d in d.dates(in: String(Array(text)[..<rest])).contains { $0.date > d.today } } ?? false) {
            if let after = partial.first(where: { $0.position > rest }) {
                return Money(cents: after.money.cents, currency: after.money.currency ?? open.currency)
            }
            let paid = partial.filter { $0.position < rest }.reduce(0) { $0 + $1.money.cents }
            if paid > 0, paid < open.cents { return Money(cents: open.cents - paid, currency: open.currency) }
        }
        if let first = partial.first {
            return Money(cents: first.money.cents, currency: first.money.currency ?? open.currency)
        }
        let words = Set(TextFolding.stripAccents(TextFolding.fold(text)).split { !$0.isLetter }.map(String.init))
        if !words.isDisjoint(with: halfWords) || text.contains("50 %") || text.contains("50%") || text.contains("一半")
            || text.contains("半額") {
            return Money(cents: open.cents / 2, currency: open.currency)
        }
        return nil
    }

    /// Character offset of the first word meaning "the rest" in `text`, or nil.
    static func restPosition(in text: String) -> Int? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if let scalar = chars[i].unicodeScalars.first, TextFolding.isCJK(scalar) {
                for word in restCJK where chars[i...].starts(with: word) { return i }
                i += 1
                continue
            }
            guard chars[i].isLetter else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isLetter, !(chars[j].unicodeScalars.first.map(TextFolding.isCJK) ?? false) { j += 1 }
            let word = TextFolding.stripAccents(TextFolding.fold(String(chars[i..<j])))
            if restStems.contains(where: { word.hasPrefix($0) }) { return i }
            i = j
        }
        return nil
    }
}
