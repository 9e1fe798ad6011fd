/// Names the language of a reply: scripts first (kana -> ja, Han -> zh, Hangul -> ko, Cyrillic -> ru/uk, Greek ->
/// el), then the share of frequent function words per language, with letters only one language uses as hints.
/// `nil` ("unknown") when the text is too short or no language stands out.
public enum LanguageIdentifier {
    /// The ISO 639-1 code of `text`'s language, or nil.
    public static func identify(_ text: String) -> String? {
        var kana = 0, han = 0, hangul = 0, cyrillic = 0, greek = 0, letters = 0
        var ukrainianLetters = 0
        for s in text.unicodeScalars.prefix(4_000) {
            switch s.value {
            case 0x3040...0x30FF: kana += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
            case 0xAC00...0xD7AF: hangul += 1
            case 0x0400...0x04FF:
                cyrillic += 1
                if "іїєґІЇЄҐ".unicodeScalars.contains(s) { ukrainianLetters += 1 }
            case 0x0370...0x03FF: greek += 1
            default: if s.properties.isAlphabetic { letters += 1 }
            }
        }
        let total = kana + han + hangul + cyrillic + greek + letters
        guard total >= 2 else { return nil }
        if kana > 0, kana + han >= total / 3 { return "ja" }
        if han >= total / 3 { return "zh" }
        if hangul >= total / 3 { return "ko" }
        if cyrillic >= total / 3 { return ukrainianLetters > 0 ? "uk" : "ru" }
        if greek >= total / 3 { return "el" }
        return latin(text)
    }

    private static let profiles: [String: Set<String>] = LanguageProfiles.words.mapValues(Set.init)

    /// Letters that only some of the languages write, as a bonus to those.
    private static let letterHints: [(Unicode.Scalar, [String])] = [
        ("ß", ["de"]), ("ä", ["de", "sv"]), ("ö", ["de", "sv", "tr"]), ("ü", ["de", "tr"]), ("å", ["sv", "no", "da"]),
        ("ø", ["no", "da"]), ("æ", ["no", "da"]), ("ç", ["fr", "pt", "tr"]), ("ã", ["pt"]), ("õ", ["pt"]),
        ("ñ", ["es"]), ("ł", ["pl"]), ("ą", ["pl"]), ("ę", ["pl"]), ("ś", ["pl"]), ("ż", ["pl"]), ("ź", ["pl"]),
        ("ă", ["ro"]), ("ș", ["ro"]), ("ş", ["ro", "tr"]), ("ț", ["ro"]), ("ţ", ["ro"]), ("ğ", ["tr"]), ("ı", ["tr"]),
        ("č", ["hr"]), ("ć", ["hr", "pl"]), ("đ", ["hr"]), ("š", ["hr"]), ("ž", ["hr"]), ("è", ["fr", "it"]),
        ("ê", ["fr", "pt"]), ("à", ["fr", "it"]), ("ù", ["fr", "it"]), ("ì", ["it"]), ("ò", ["it"]),
    ]

    private static func latin(_ text: String) -> String? {
        let folded = TextFolding.fold(text.count > 4_000 ? String(text.prefix(4_000)) : text)
        var scores: [String: Double] = [:]
        var words = 0
        for token in Tokenizer.tokens(folded) {
            guard case .word(let word) = token else { continue }
            words += 1
            let plain = TextFolding.stripAccents(word)
            for (lang, set) in profiles where set.contains(plain) { scores[lang, default: 0] += 1 }
        }
        for scalar in text.prefix(4_000).lowercased().unicodeScalars {
            for (letter, langs) in letterHints where letter == scalar {
                for lang in langs { scores[lang, default: 0] += 0.5 / Double(langs.count) }
            }
        }
        guard words >= 1 else { return nil }
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first, best.value >= 1 else { return nil }
        if let second = ranked.dropFirst().first, second.value >= best.value, words < 3 { return nil }
        return best.key
    }
}
