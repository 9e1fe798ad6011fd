import Foundation

/// A calendar day without a time zone.
struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// Days in `month` of `year` (Gregorian).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// True when the day exists.
    var isValid: Bool { (1...12).contains(month) && day >= 1 && day <= Self.days(inMonth: month, year: year) }

    /// Days since 1970-01-01 (proleptic Gregorian), for distances and weekdays.
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO weekday, 1 = Monday.
    var weekday: Int { ((ordinal % 7) + 10) % 7 + 1 }
}

/// Finds the day an absence ends in an auto-reply's text: the latest day the text names from the message date on
/// ("until 7 December", "bis zum 7.12.", "jusqu'au 7 décembre", "back on 12/07", "8月17日", "until Monday").
/// Days without a year take the message's year, or the next one when that would fall well before the message.
enum ReturnDate {
    /// The return day, or nil when the text names none.
    static func find(in text: String, relativeTo reference: Date) -> CalendarDay? {
        let today = CalendarDay(ordinal: Int((reference.timeIntervalSince1970 / 86_400).rounded(.down)))
        let lower = String(text.prefix(2000)).lowercased()
        var candidates = numericDates(lower, today: today) + namedDates(lower, today: today) + cjkDates(lower, today: today)
        if candidates.isEmpty { candidates = weekdayDates(lower, today: today) }
        return candidates.filter { $0.ordinal >= today.ordinal && $0.ordinal <= today.ordinal + 400 }.max()
    }

    /// The year a day without one most likely means: this year, or next year when this year's is two months past
    /// (a December message naming January).
    static func resolve(month: Int, day: Int, year: Int?, today: CalendarDay) -> CalendarDay? {
        if let year {
            let full = year < 100 ? 2000 + year : year
            let date = CalendarDay(year: full, month: month, day: day)
            return date.isValid ? date : nil
        }
        var date = CalendarDay(year: today.year, month: month, day: day)
        guard date.isValid || (month == 2 && day == 29) else { return nil }
        if date.isValid, date.ordinal < today.ordinal - 60 { date.year += 1 }
        return date.isValid ? date : nil
    }

    /// `2026-12-07`, `7.12.2026`, `7.12.`, `12/07`, `7/12/26`: dots and dashes are day-first; slashes may be either
    /// way round, and both readings are kept (the nearest future one wins when both are valid).
    static func numericDates(_ text: String, today: CalendarDay) -> [CalendarDay] {
        var out: [CalendarDay] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(at start: Int) -> (value: Int, end: Int)? {
            var cursor = start
            var value = 0
            while cursor < scalars.count, let digit = scalars[cursor].properties.numericType == .decimal
                    ? Int(String(scalars[cursor])) : nil, cursor - start < 4 {
                value = value * 10 + digit
                cursor += 1
            }
            return cursor > start ? (value, cursor) : nil
        }
        while index < scalars.count {
            let previous = index > 0 ? scalars[index - 1] : " "
            guard previous.properties.numericType == nil, let first = number(at: index) else { index += 1; continue }
            var parts = [first.value]
            var widths = [first.end - index]
            var separators: [Character] = []
            var cursor = first.end
            while parts.count < 3, cursor + 1 < scalars.count, [".", "/", "-"].contains(Character(scalars[cursor])),
                  let next = number(at: cursor + 1) {
                separators.append(Character(scalars[cursor]))
                parts.append(next.value)
                widths.append(next.end - cursor - 1)
                cursor = next.end
            }
            index = max(cursor, index + 1)
            guard parts.count >= 2, Set(separators).count == 1, let separator = separators.first else { continue }
            // "3-5 business days": a dash pair is a range, not a date.
            if separator == "-", parts.count == 2 { continue }
            if cursor < scalars.count, scalars[cursor].properties.numericType != nil { continue }
            if widths[0] == 4, parts.count == 3 {
                if let date = resolve(month: parts[1], day: parts[2], year: parts[0], today: today) { out.append(date) }
                continue
            }
            guard widths[0] <= 2, widths[1] <= 2 else { continue }
            let year = parts.count == 3 ? parts[2] : nil
            if let year, !(widths[2] == 2 || widths[2] == 4) || (widths[2] == 4 && year < 1990) { continue }
            // Times ("10.30 Uhr", "14-16") are not dates: a day-month pair needs a month of 1...12.
            let dayFirst = resolve(month: parts[1], day: parts[0], year: year, today: today)
            if separator == "/" {
                let monthFirst = resolve(month: parts[0], day: parts[1], year: year, today: today)
                let readings = [dayFirst, monthFirst].compactMap { $0 }.filter { $0.ordinal >= today.ordinal }
                if let nearest = readings.min() { out.append(nearest) } else if let any = dayFirst ?? monthFirst { out.append(any) }
            } else if let dayFirst {
                out.append(dayFirst)
            }
        }
        return out
    }

    /// Words of the text: letters (with `-`) or digits, with ordinal suffixes split off the digits.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { out.append(current) }
            current = ""
        }
        for character in text {
            if character.isLetter || character == "-" && !current.isEmpty {
                if let last = current.last, last.isNumber { flush() }
                current.append(character)
            } else if character.isNumber {
                if let last = current.last, last.isLetter { flush() }
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// `7 December`, `7. Dezember`, `7 de diciembre de 2026`, `December 7th, 2026`, `1er juin`, `end of April`.
    static func namedDates(_ text: String, today: CalendarDay) -> [CalendarDay] {
        let tokens = words(text)
        var out: [CalendarDay] = []
        let fillers: Set<String> = ["de", "del", "th", "st", "nd", "rd", "er", "of", "the", "pe", "den", "o", "e"]
        func dayNumber(_ token: String) -> Int? {
            guard token.count <= 2, let value = Int(token), (1...31).contains(value) else { return nil }
            return value
        }
        func year(after index: Int) -> Int? {
            var cursor = index + 1
            while cursor < tokens.count, fillers.contains(tokens[cursor]) { cursor += 1 }
            guard cursor < tokens.count, tokens[cursor].count == 4, let value = Int(tokens[cursor]),
                  (1990...2100).contains(value) else { return nil }
            return value
        }
        for (index, token) in tokens.enumerated() {
            guard let month = DateWords.months[token] else { continue }
            if ["may", "mar", "mai", "sun", "sat", "mon", "jan", "dec"].contains(token), token.count <= 3,
               !(index > 0 && dayNumber(tokens[index - 1]) != nil) && !(index + 1 < tokens.count
                   && dayNumber(tokens[index + 1]) != nil) {
                continue
            }
            // Day before the month, skipping fillers ("7 de diciembre", "1er juin", "24th of September").
            var back = index - 1
            while back >= 0, fillers.contains(tokens[back]) { back -= 1 }
            if back >= 0, let day = dayNumber(tokens[back]),
               let date = resolve(month: month, day: day, year: year(after: index), today: today) {
                out.append(date)
                continue
            }
            // Month before the day ("December 7th, 2026").
            var forward = index + 1
            while forward < tokens.count, fillers.contains(tokens[forward]) { forward += 1 }
            if forward < tokens.count, let day = dayNumber(tokens[forward]),
               let date = resolve(month: month, day: day, year: year(after: forward), today: today) {
                out.append(date)
                continue
            }
            // "end of April", "fin avril", "fine aprile".
            if back >= 0, DateWords.endOfMonth.contains(tokens[back]) || (back >= 1
                && DateWords.endOfMonth.contains(tokens[back - 1])) {
                let lastDay = CalendarDay.days(inMonth: month, year: today.year)
                if let date = resolve(month: month, day: lastDay, year: year(after: index), today: today) {
                    out.append(date)
                }
            }
        }
        // A weekday with a bare day number ("el lunes 24", "mañana martes 13"): the next such day of a month.
        for (index, token) in tokens.enumerated() where DateWords.weekdays[token] != nil && index + 1 < tokens.count {
            let near = tokens[max(0, index - 2)...min(tokens.count - 1, index + 2)]
            guard near.filter({ DateWords.weekdays[$0] != nil }).count == 1,
                  let day = dayNumber(tokens[index + 1]),
                  index + 2 >= tokens.count || DateWords.months[tokens[index + 2]] == nil else { continue }
            var probe = today
            for _ in 0..<62 {
                if probe.day == day { out.append(probe); break }
                probe = CalendarDay(ordinal: probe.ordinal + 1)
            }
        }
        return out
    }

    /// `12月7日`, `2026年12月7日` (Japanese and Chinese).
    static func cjkDates(_ text: String, today: CalendarDay) -> [CalendarDay] {
        var out: [CalendarDay] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "月" else { index += 1; continue }
            var start = index
            while start > 0, characters[start - 1].isASCII, characters[start - 1].isNumber { start -= 1 }
            var end = index + 1
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            if start < index, end > index + 1, end < characters.count, characters[end] == "日" || characters[end] == "号",
               let month = Int(String(characters[start..<index])), let day = Int(String(characters[(index + 1)..<end])) {
                var year: Int?
                if start >= 5, characters[start - 1] == "年", let value = Int(String(characters[(start - 5)..<(start - 1)])) {
                    year = value
                }
                if let date = resolve(month: month, day: day, year: year, today: today) { out.append(date) }
            }
            index = end
        }
        return out
    }

    /// "until Monday", "bis Montag": the next such weekday after the message day.
    static func weekdayDates(_ text: String, today: CalendarDay) -> [CalendarDay] {
        var out: [CalendarDay] = []
        let tokens = words(text)
        for (index, token) in tokens.enumerated() {
            guard token.count > 3, let weekday = DateWords.weekdays[token] else { continue }
            // "Monday to Friday", "de lunes a viernes": opening hours, not a return day.
            let near = tokens[max(0, index - 2)...min(tokens.count - 1, index + 2)]
            if near.filter({ DateWords.weekdays[$0] != nil }).count > 1 { continue }
            var ahead = (weekday - today.weekday + 7) % 7
            if ahead == 0 { ahead = 7 }
            out.append(CalendarDay(ordinal: today.ordinal + ahead))
        }
        return out.isEmpty ? [] : [out.max()!]
    }
}
