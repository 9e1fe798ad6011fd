public import Foundation

/// Formats dates as RFC 5322 section 3.3 `date-time` (`Sun, 29 Nov 2026 06:10:17 +0000`), without locale or calendar
/// services: English day and month names, a fixed numeric zone.
public enum RFC5322Date {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` in the zone `secondsFromGMT` east of UTC (whole minutes).
    public static func format(_ date: Date, secondsFromGMT: Int = 0) -> String {
        let total = Int((date.timeIntervalSince1970 + Double(secondsFromGMT)).rounded(.down))
        let dayNumber = Int((Double(total) / 86_400).rounded(.down))
        let seconds = total - dayNumber * 86_400
        let (year, month, day) = civil(dayNumber)
        let weekday = days[((dayNumber % 7) + 7) % 7]
        let offset = abs(secondsFromGMT) / 60
        let sign = secondsFromGMT < 0 ? "-" : "+"
        return "\(weekday), \(day) \(months[month - 1]) \(year) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):"
            + "\(two(seconds % 60)) \(sign)\(two(offset / 60))\(two(offset % 60))"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Civil date of a day number since 1970-01-01 (Howard Hinnant's public description of the algorithm).
    private static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
