/// The part of an item's open amount a reply promises or says is paid: an amount smaller than the open amount,
/// "half" in the 14 languages, or a percentage. Nil when the whole amount is meant or none is said.
enum PartialAmount {
    static let halfWords: Set<String> = ["half", "moitie", "halfte", "halbe", "mitad", "meta", "helft", "metade",
                                         "polowe", "polowa", "polowy", "jumatate", "jumatatea", "halften", "halva",
                                         "yarisi", "yarisini", "pola", "polovicu", "polovina"]

    static func find(in text: String, open: Money?, currency: String?) -> Money? {
        let amounts = AmountExtractor.amounts(in: text, defaultCurrency: currency).map(\.money)
        if let open {
            if let partial = amounts.first(where: { $0.cents > 0 && $0.cents < open.cents }) {
                return Money(cents: partial.cents, currency: partial.currency ?? open.currency)
            }
            let words = Set(TextFolding.stripAccents(TextFolding.fold(text)).split { !$0.isLetter }.map(String.init))
            if !words.isDisjoint(with: halfWords) || text.contains("50 %") || text.contains("50%") || text.contains("一半")
                || text.contains("半額") {
                return Money(cents: open.cents / 2, currency: open.currency)
            }
            return nil
        }
        return nil
    }
}
