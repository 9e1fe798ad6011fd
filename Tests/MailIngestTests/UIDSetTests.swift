import CLibEtpan
import Foundation
import Testing
@testable import MailIngest

/// UID sets are sent as compact ranges (RFC 9051 section 9, `sequence-set`).
@Suite struct UIDSetTests {
    @Test(arguments: [
        ([UInt32](), [ClosedRange<UInt32>]()),
        ([5], [5...5]),
        ([1, 2, 3, 4, 5], [1...5]),
        ([9, 1, 3, 2, 12, 13, 14], [1...3, 9...9, 12...14]),
        ([7, 7, 8, 0], [7...8]),
        ([UInt32.max, UInt32.max - 1], [(UInt32.max - 1)...UInt32.max]),
    ])
    func rangesAreSortedMergedAndDeduplicated(uids: [UInt32], expected: [ClosedRange<UInt32>]) {
        #expect(UIDSet.ranges(uids) == expected)
    }

    /// System flags and atoms pass; keywords with spaces, parentheses or quotes are refused before sending.
    @Test(arguments: [
        (["\\Seen"], true), (["$Captured", "\\Flagged"], true), (["Junk"], true),
        (["two words"], false), (["(x)"], false), ([""], false), (["quo\"te"], false), (["caf\u{E9}"], false),
    ])
    func flagListValidation(flags: [String], valid: Bool) {
        let list = UIDSet.flagList(flags)
        #expect((list != nil) == valid)
        if let list { UIDSet.free(list) }
    }

    /// INTERNALDATE by arithmetic equals Foundation's calendar over four centuries of dates and several zones.
    @Test func internalDatesMatchTheGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var day = try #require(calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)))
        let end = try #require(calendar.date(from: DateComponents(year: 2300, month: 3, day: 1)))
        var checked = 0
        while day < end {
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            for (zone, offset) in [(0, 0), (130, 5400), (-800, -28_800), (1245, 46_800 - 900)] {
                let value = mailimap_date_time(dt_day: Int32(parts.day!), dt_month: Int32(parts.month!),
                                               dt_year: Int32(parts.year!), dt_hour: 13, dt_min: 7, dt_sec: 59,
                                               dt_zone: Int32(zone))
                let expected = day.addingTimeInterval(TimeInterval(13 * 3600 + 7 * 60 + 59 - offset))
                #expect(UIDSet.date(from: value) == expected, "\(parts) \(zone)")
            }
            checked += 1
            day = day.addingTimeInterval(86_400 * 3 + 3600 * 5)  // every few days, drifting over the day's hours
            day = calendar.startOfDay(for: day)
        }
        #expect(checked > 40_000)
    }

    @Test(arguments: [(2026, 2, 29), (2026, 13, 1), (2026, 6, 31), (2026, 0, 10), (1900, 2, 29)])
    func impossibleInternalDatesAreNil(year: Int, month: Int, day: Int) {
        let value = mailimap_date_time(dt_day: Int32(day), dt_month: Int32(month), dt_year: Int32(year), dt_hour: 0,
                                       dt_min: 0, dt_sec: 0, dt_zone: 0)
        #expect(UIDSet.date(from: value) == nil)
        #expect(UIDSet.date(from: mailimap_date_time(dt_day: 1, dt_month: 1, dt_year: 2026, dt_hour: 24, dt_min: 0,
                                                     dt_sec: 0, dt_zone: 0)) == nil)
        #expect(UIDSet.date(from: mailimap_date_time(dt_day: 29, dt_month: 2, dt_year: 2000, dt_hour: 0, dt_min: 0,
                                                     dt_sec: 0, dt_zone: 0)) != nil)
    }
}
