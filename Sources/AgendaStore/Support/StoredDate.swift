import Foundation
import GRDB

/// A date as GRDB stores it: the text "yyyy-MM-dd HH:mm:ss.SSS" in UTC. GRDB formats every `Date` argument with a
/// `DateFormatter` (2% of the IMAP benchmark's CPU, two dates a stored message); here dates on a whole millisecond
/// between 1970 and 9999 (IMAP INTERNALDATE, RFC 9051 section 2.3.3, has whole seconds) are written directly, in
/// the proleptic Gregorian calendar. Any other date is handed to GRDB as it is, so the stored text never differs.
enum StoredDate {
    /// GRDB's text for `date` in every case: written directly when it can be, else GRDB's own formatting.
    static func string(_ date: Date) -> String {
        text(date) ?? String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    /// GRDB's text for `date`, or nil outside the directly written range.
    static func text(_ date: Date) -> String? {
        let millis = date.timeIntervalSince1970 * 1000
        guard millis >= 0, millis < 253_402_300_800_000, millis.rounded(.down) == millis else { return nil }
        let total = Int64(millis)
        let (days, inDay) = total.quotientAndRemainder(dividingBy: 86_400_000)
        let civil = Day(ordinal: Int(days)).components
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        let (hour, hourRest) = inDay.quotientAndRemainder(dividingBy: 3_600_000)
        let (minute, minuteRest) = hourRest.quotientAndRemainder(dividingBy: 60_000)
        let (second, milli) = minuteRest.quotientAndRemainder(dividingBy: 1000)
        var out = [UInt8]()
        out.reserveCapacity(23)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(year, 4); out.append(UInt8(ascii: "-")); digits(month, 2); out.append(UInt8(ascii: "-")); digits(day, 2)
        out.append(UInt8(ascii: " "))
        digits(hour, 2); out.append(UInt8(ascii: ":")); digits(minute, 2); out.append(UInt8(ascii: ":")); digits(second, 2)
        out.append(UInt8(ascii: ".")); digits(milli, 3)
        return String(decoding: out, as: UTF8.self)
    }
}
