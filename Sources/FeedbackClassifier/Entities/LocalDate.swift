public import Foundation

/// A calendar day without time or zone (proleptic Gregorian), for promise, due and return dates.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid day, or nil (e.g. 31 April).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              (1900...2200).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The UTC day of `date`.
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        self.init(daysSinceEpoch: days)
    }

    init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1 }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The last day of this date's month.
    public var endOfMonth: LocalDate { LocalDate(year: year, month: month, day: Self.daysIn(month: month, year: year))! }

    /// The same day-of-month `count` months later, clamped to the month's length.
    public func adding(months count: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + count
        let y = index / 12, m = index % 12 + 1
        return LocalDate(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))!
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The Friday of ISO week `week` of `year`.
    static func friday(ofISOWeek week: Int, year: Int) -> LocalDate? {
        guard (1...53).contains(week), let jan4 = LocalDate(year: year, month: 1, day: 4) else { return nil }
        let mondayOfWeek1 = jan4.adding(days: 1 - jan4.weekday)
        return mondayOfWeek1.adding(days: (week - 1) * 7 + 4)
    }

    /// The ISO week number of this date.
    var isoWeek: Int {
        let thursday = adding(days: 4 - weekday)
        let jan1 = LocalDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.daysSinceEpoch - jan1.daysSinceEpoch) / 7 + 1
    }
}
