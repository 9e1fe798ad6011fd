/// One compiled phrase of ``DateVocabulary/phrases``: slots matched against ``DateScanner`` tokens.
struct DatePhrase: Sendable {
    enum Slot: Sendable {
        case words(Set<String>, optional: Bool)
        case month, weekday, day, number, digits, year, next
    }

    /// Values a match captured.
    struct Captures {
        var month: Int?
        var weekday: Int?
        var day: Int?
        var number: Int?
        var year: Int?
    }

    let slots: [Slot]
    let meaning: DatePhraseMeaning
    /// Named-month phrases whose month word may also be an ordinary word need a number beside it.
    private let allowsRiskyMonths: Bool

    init(_ pattern: String, meaning: DatePhraseMeaning) {
        self.meaning = meaning
        slots = pattern.split(separator: " ").map { raw in
            switch raw {
            case "<month>": return .month
            case "<weekday>": return .weekday
            case "<day>": return .day
            case "<n>": return .number
            case "<w>": return .digits
            case "<year>": return .year
            case "<next>": return .next
            default:
                let optional = raw.hasPrefix("?")
                let words = (optional ? raw.dropFirst() : raw).split(separator: "|").map(String.init)
                return .words(Set(words), optional: optional)
            }
        }
        allowsRiskyMonths = meaning == .dayMonth || meaning == .monthDay
    }

    /// The number of tokens matched at `start` and what they captured, or nil.
    func match(_ tokens: [DateScanner.Token], at start: Int, language: String?) -> (length: Int, captures: Captures)? {
        var captures = Captures()
        var i = start
        var matchedAny = false
        for slot in slots {
            let token: DateScanner.Token? = i < tokens.count ? tokens[i] : nil
            switch slot {
            case .words(let words, let optional):
                if case .word(let w)? = token, words.contains(w) { i += 1; matchedAny = true; continue }
                if optional { continue }
                return nil
            case .month:
                guard case .word(let w)? = token, let m = month(w, language: language) else { return nil }
                captures.month = m
            case .weekday:
                guard case .word(let w)? = token, let d = DateVocabulary.weekdays[w] else { return nil }
                captures.weekday = d
            case .day:
                guard let n = Self.number(token, minimumWordLength: 4), (1...31).contains(n) else { return nil }
                captures.day = n
            case .digits:
                guard case .number(let n, _)? = token, n <= 99 else { return nil }
                captures.number = n
            case .number:
                guard let n = Self.number(token), n <= 999 else { return nil }
                captures.number = n
            case .year:
                guard case .number(let n, _)? = token, (2000...2100).contains(n) else {
                    if isOptionalYear { continue }
                    return nil
                }
                captures.year = n
            case .next:
                guard case .word(let w)? = token, DateVocabulary.next.contains(w) else { return nil }
            }
            i += 1
            matchedAny = true
        }
        return matchedAny ? (i - start, captures) : nil
    }

    /// A number token's value, or a number word's ("quinze", "dieci").
    private static func number(_ token: DateScanner.Token?, minimumWordLength: Int = 1) -> Int? {
        switch token {
        case .number(let n, _)?: return n
        case .word(let w)?: return w.count >= minimumWordLength ? DateVocabulary.numbers[w] : nil
        default: return nil
        }
    }

    /// A trailing `<year>` is optional in day-month phrases.
    private var isOptionalYear: Bool { meaning == .dayMonth || meaning == .monthDay }

    private func month(_ word: String, language: String?) -> Int? {
        if let language, let m = DateVocabulary.monthOverrides[language]?[word] { return m }
        guard let m = DateVocabulary.months[word] else { return nil }
        if !allowsRiskyMonths, DateVocabulary.riskyMonthWords.contains(word) { return nil }
        return m
    }
}
