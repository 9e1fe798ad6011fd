import Foundation
import GRDB
import Testing
@testable import AgendaStore

/// ``StoredDate`` writes exactly GRDB's text for dates on a whole millisecond and leaves every other date to GRDB.
@Suite struct StoredDateTests {
    /// Seconds since 1970: the epoch, leap days, century rules, month ends, IMAP-like dates and the last instant.
    static let instants: [Double] = [
        0, 0.001, 0.999, 59, 86_399.999, 86_400, 951_782_400, 951_868_799, 951_868_800, 1_078_012_800,
        4_107_542_400, 4_107_628_800, 1_795_910_400, 1_795_910_400.123, 1_796_000_000.5, 1_234_567_890,
        253_402_300_799.999, 1_709_164_800, 1_709_251_199,
    ]

    static func grdbText(_ date: Date) -> String? { String.fromDatabaseValue(date.databaseValue) }

    @Test(arguments: instants)
    func matchesGRDB(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        // Whole seconds are always written directly; a fraction only when the Date holds a whole millisecond.
        if seconds.rounded(.down) == seconds { #expect(StoredDate.text(date) != nil) }
        if let text = StoredDate.text(date) { #expect(text == Self.grdbText(date)) }
    }

    @Test func matchesGRDBOverManyDays() {
        // Every 7,919 minutes and 7 seconds from 1970 to about 2180: every month, weekday and leap rule.
        var seconds = 0.0
        var written = 0
        while seconds < 6_700_000_000 {
            let date = Date(timeIntervalSince1970: seconds)
            if let text = StoredDate.text(date) {
                written += 1
                #expect(text == Self.grdbText(date))
            }
            seconds += 475_147
        }
        #expect(written > 14_000)
    }

    @Test(arguments: [-1.0, 0.0005, 1_795_910_400.0001, 253_402_300_800])
    func leavesOtherDatesToGRDB(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(StoredDate.text(date) == nil)
        #expect(StoredDate.string(date).databaseValue == date.databaseValue)
    }
}
