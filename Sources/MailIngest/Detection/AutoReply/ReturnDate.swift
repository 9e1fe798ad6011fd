public import Foundation

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
}

/// Finds the day an absence ends in an auto-reply's text.
enum ReturnDate {
    /// Placeholder until the date grammar lands.
    static func find(in text: String, relativeTo reference: Date) -> CalendarDay? { nil }
}

