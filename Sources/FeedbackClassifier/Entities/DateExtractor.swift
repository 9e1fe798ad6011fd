/// Finds the dates a reply names and resolves them against `now`: absolute dates in local numeric and written forms,
/// weekdays ("next Friday", "vendredi prochain"), relative days, end or middle of a month or week, "in N days",
/// week numbers, a bare day of the month after a preposition, and the Japanese and Chinese forms ("12月15日", "月末",
/// "下周五"). Vague words ("soon", "next week", "early January") give no date.
public struct DateExtractor: Sendable {
    /// One date found, in text order.
    public struct Mention: Sendable, Hashable {
        public var date: LocalDate
        /// Index of the first token of the phrase (order within the text).
        public var position: Int
        /// Index after the phrase's last token.
        var end: Int = 0
        /// What the phrase is: a weekday alone, a calendar date (day and month), or something else.
        var kind: Kind = .other
        /// Said as a deadline ("spätestens morgen", "au plus tard vendredi", "by Friday at the latest").
        public var deadline = false

        enum Kind: Sendable, Hashable { case weekday, calendar, other }

        public init(date: LocalDate, position: Int) {
            self.date = date
            self.position = position
            self.end = position + 1
        }

        init(date: LocalDate, position: Int, end: Int, kind: Kind) {
            self.date = date
            self.position = position
            self.end = end
            self.kind = kind
        }
    }

    /// The day relative dates count from.
    public var today: LocalDate
    /// ISO 639-1 code when known: resolves words that differ by language (Croatian `listopad` is October).
    public var language: String?
    /// Read 4/5 as April 5 (US order) when both numbers could be a month.
    public var monthFirst: Bool

    public init(today: LocalDate, language: String? = nil, monthFirst: Bool = false) {
        self.today = today
        self.language = language
        self.monthFirst = monthFirst
    }

    /// The dates in `text`.
    public func dates(in text: String) -> [Mention] {
        let folded = TextFolding.fold(text)
        let tokens = DateScanner.tokens(TextFolding.stripAccents(folded))
        var mentions: [Mention] = []
        var i = 0
        while i < tokens.count {
            if case .numericDate(let parts, let separator) = tokens[i] {
                if let date = numericDate(parts, separator: separator) {
                    mentions.append(Mention(date: date, position: i, end: i + 1, kind: .calendar))
                }
                i += 1
                continue
            }
            var best: (length: Int, date: LocalDate, meaning: DatePhraseMeaning)?
            for phrase in Self.compiled {
                guard let match = phrase.match(tokens, at: i, language: language),
                      match.length > (best?.length ?? 0),
                      let date = resolve(phrase.meaning, match.captures, next: Self.token(after: i + match.length, in: tokens))
                else { continue }
                best = (match.length, date, phrase.meaning)
            }
            if let best {
                let kind: Mention.Kind = switch best.meaning {
                case .weekday, .portugueseWeekday: .weekday
                case .dayMonth, .monthDay, .dayOnly: .calendar
                default: .other
                }
                mentions.append(Mention(date: best.date, position: i, end: i + best.length, kind: kind))
                i += best.length
            } else {
                i += 1
            }
        }
        for k in mentions.indices { mentions[k].deadline = Self.isDeadline(mentions[k], in: tokens) }
        mentions = Self.droppingWeekdaysBesideDates(mentions)
        mentions += CJKDates(today: today).dates(in: folded, positionBase: tokens.count)
        return mentions
    }

    /// Words that make the date after them a deadline ("spätestens", "uiterlijk", "au plus tard", "a más tardar",
    /// "al più tardi", "o mais tardar", "najpóźniej", "cel târziu", "senast", "en geç", "najkasnije", "at the latest").
    static let deadlineBefore: Set<String> = ["spatestens", "spaetestens", "uiterlijk", "tard", "tardar", "tardi",
                                              "najpozniej", "tarziu", "senast", "gec", "najkasnije", "latest"]

    /// True when a deadline word stands in the two tokens before the mention, or "at the latest" follows it.
    static func isDeadline(_ m: Mention, in tokens: [DateScanner.Token]) -> Bool {
        for k in max(0, m.position - 2)..<m.position {
            if case .word(let w) = tokens[k], deadlineBefore.contains(w) { return true }
        }
        if m.end + 2 < tokens.count, tokens[m.end] == .word("at"), tokens[m.end + 1] == .word("the"),
           tokens[m.end + 2] == .word("latest") { return true }
        return false
    }

    /// A weekday written beside a calendar date ("tisdag 7 april", "12 Haziran Cuma günü", "Friday, 4 December")
    /// names the same day: the calendar date is the meaning, so the weekday's own reading ("the next Tuesday") goes.
    static func droppingWeekdaysBesideDates(_ mentions: [Mention]) -> [Mention] {
        let calendar = mentions.filter { $0.kind == .calendar }
        guard !calendar.isEmpty else { return mentions }
        return mentions.filter { m in
            guard m.kind == .weekday else { return true }
            return !calendar.contains { c in
                (c.position >= m.end && c.position <= m.end + 1) || (m.position >= c.end && m.position <= c.end + 1)
            }
        }
    }

    /// The token at `index`, past a day mark ("15-go grudnia": the month follows the day) and past a linking word
    /// before a month ("el 8 de enero": the month is what follows the day, so "el 8" is not a date on its own).
    static func token(after index: Int, in tokens: [DateScanner.Token]) -> DateScanner.Token? {
        var k = index < tokens.count && tokens[index] == DateScanner.dayMark ? index + 1 : index
        if k + 1 < tokens.count, case .word(let w) = tokens[k], monthLinks.contains(w),
           case .word(let m) = tokens[k + 1], DateVocabulary.months[m] != nil { k += 1 }
        return k < tokens.count ? tokens[k] : nil
    }

    /// Words between a day and its month: "8 de enero", "8 de janeiro", "the 8th of January", "8 di gennaio".
    static let monthLinks: Set<String> = ["de", "of", "di", "del"]

    static let compiled: [DatePhrase] = DateVocabulary.phrases.map { DatePhrase($0.0, meaning: $0.1) }

    // MARK: resolution

    private func numericDate(_ parts: [Int], separator: Character) -> LocalDate? {
        if parts.count == 3 {
            if parts[0] >= 1000 { return LocalDate(year: parts[0], month: parts[1], day: parts[2]) }
            let year = parts[2] < 100 ? 2000 + parts[2] : parts[2]
            guard (1990...2100).contains(year) else { return nil }
            let (d, m) = dayMonthOrder(parts[0], parts[1])
            return LocalDate(year: year, month: m, day: d)
        }
        // "3-4" is a range; "15-02" is a date: with "-" only an unambiguous day-month is one.
        if separator == "-", !(parts[0] > 12 && parts[1] <= 12) { return nil }
        let (d, m) = dayMonthOrder(parts[0], parts[1])
        return inferYear(month: m, day: d)
    }

    private func dayMonthOrder(_ a: Int, _ b: Int) -> (day: Int, month: Int) {
        if a > 12 { return (a, b) }
        if b > 12 { return (b, a) }
        return monthFirst ? (b, a) : (a, b)
    }

    /// The month-day's next occurrence, unless it lies at most a month back (a date just passed, e.g. "paid on 15/11").
    func inferYear(month: Int, day: Int) -> LocalDate? {
        guard let candidate = LocalDate(year: today.year, month: month, day: day) else {
            return LocalDate(year: today.year + 1, month: month, day: day)
        }
        if candidate.daysSinceEpoch < today.daysSinceEpoch - 31 { return LocalDate(year: today.year + 1, month: month, day: day) }
        if candidate.daysSinceEpoch > today.daysSinceEpoch + 300 { return LocalDate(year: today.year - 1, month: month, day: day) }
        return candidate
    }

    private func resolve(_ meaning: DatePhraseMeaning, _ c: DatePhrase.Captures, next: DateScanner.Token?) -> LocalDate? {
        switch meaning {
        case .relativeDays(let n), .fixedDays(let n): return today.adding(days: n)
        case .inDays(let unit):
            guard let n = c.number, n > 0, n <= 120 else { return nil }
            return today.adding(days: n * unit)
        case .endOfMonth(let offset): return today.adding(months: offset).endOfMonth
        case .lastBusinessDay(let offset):
            var day = today.adding(months: offset).endOfMonth
            while day.weekday > 5 { day = day.adding(days: -1) }
            return day
        case .endOfNamedMonth:
            guard let m = c.month, let first = inferYear(month: m, day: 1) else { return nil }
            return first.endOfMonth
        case .midNamedMonth:
            guard let m = c.month else { return nil }
            return inferYear(month: m, day: 15)
        case .endOfWeek(let offset):
            var friday = today.adding(days: 5 - today.weekday)
            if today.weekday > 5 { friday = friday.adding(days: 7) }
            return friday.adding(days: 7 * offset)
        case .isoWeek:
            guard let week = c.number, let friday = LocalDate.friday(ofISOWeek: week, year: today.year) else { return nil }
            if friday.daysSinceEpoch < today.daysSinceEpoch - 7 { return LocalDate.friday(ofISOWeek: week, year: today.year + 1) }
            return friday
        case .weekday(let isNext):
            guard let wd = c.weekday else { return nil }
            if isNext {
                let nextMonday = today.adding(days: 8 - today.weekday)
                return nextMonday.adding(days: wd - 1)
            }
            let ahead = (wd - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        case .dayMonth, .monthDay:
            guard let d = c.day, let m = c.month else { return nil }
            if let y = c.year { return LocalDate(year: y, month: m, day: d) }
            return inferYear(month: m, day: d)
        case .midMonth:
            return LocalDate(year: today.year, month: today.month, day: 15).flatMap { $0 < today ? today.adding(months: 1) : $0 }
                .flatMap { LocalDate(year: $0.year, month: $0.month, day: 15) }
        case .portugueseWeekday:
            guard let n = c.day, (2...6).contains(n) else { return nil }
            let ahead = (n - 1 - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        case .dayOnly:
            guard let d = c.day else { return nil }
            if case .word(let w)? = next, DateVocabulary.months[w] != nil { return nil }  // "le 15 décembre": a longer phrase
            if case .numericDate? = next { return nil }
            var date: LocalDate?
            if d >= today.day { date = LocalDate(year: today.year, month: today.month, day: d) }
            if date == nil {
                let nextMonth = today.adding(months: 1)
                date = LocalDate(year: nextMonth.year, month: nextMonth.month, day: d)
            }
            // A weekday with its day ("el martes 7") names that day only when they agree: "monday first thing" is
            // not Monday the 1st (the weekday alone is then read).
            if let wd = c.weekday, let found = date, found.weekday != wd { return nil }
            return date
        }
    }
}
