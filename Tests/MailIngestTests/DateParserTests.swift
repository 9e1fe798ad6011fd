import Foundation
import Testing
@testable import MailIngest

@Suite struct DateParserTests {
    /// 2024-01-01T10:00:00Z.
    static let base = 1_704_103_200.0

    /// Each form -> seconds from `base` (the instant it names).
    @Test(arguments: [
        // RFC 5322 §3.3 and Appendix A.
        ("Mon, 1 Jan 2024 10:00:00 +0000", 0.0),
        ("Mon, 01 Jan 2024 12:00:00 +0200", 0),
        ("Mon, 1 Jan 2024 05:00:00 -0500", 0),
        ("1 Jan 2024 10:00:00 +0000", 0),                     // no weekday
        ("Mon, 1 Jan 2024 10:00 +0000", 0),                   // no seconds
        ("Mon, 1 Jan 2024 10:00:30 +0000", 30),
        ("Mon, 1 Jan 2024 10:00:60 +0000", 59),               // leap second
        ("Mon, 1 Jan 24 10:00:00 +0000", 0),                  // two-digit year
        ("Sat, 1 Jan 00 10:00:00 +0000", 946_720_800 - base),
        ("Fri, 1 Jan 99 10:00:00 +0000", 915_184_800 - base),
        ("Tue, 1 Jan 124 10:00:00 +0000", 0),                 // three-digit year
        // Obsolete zones (RFC 5322 §4.3).
        ("Mon, 1 Jan 2024 10:00:00 GMT", 0),
        ("Mon, 1 Jan 2024 10:00:00 UT", 0),
        ("Mon, 1 Jan 2024 10:00:00 UTC", 0),
        ("Mon, 1 Jan 2024 05:00:00 EST", 0),
        ("Mon, 1 Jan 2024 06:00:00 EDT", 0),
        ("Mon, 1 Jan 2024 04:00:00 CST", 0),
        ("Mon, 1 Jan 2024 05:00:00 CDT", 0),
        ("Mon, 1 Jan 2024 03:00:00 MST", 0),
        ("Mon, 1 Jan 2024 04:00:00 MDT", 0),
        ("Mon, 1 Jan 2024 02:00:00 PST", 0),
        ("Mon, 1 Jan 2024 03:00:00 PDT", 0),
        ("Mon, 1 Jan 2024 10:00:00 Z", 0),
        ("Mon, 1 Jan 2024 10:00:00 A", 0),                    // military: -0000
        ("Mon, 1 Jan 2024 10:00:00 n", 0),
        // Comments and the broken forms of the wild.
        ("Mon, 1 Jan 2024 12:00:00 +0200 (CEST)", 0),
        ("Mon (Monday), 1 (first) Jan 2024 10:00:00 (UTC) +0000", 0),
        ("Mon,  1  Jan  2024  10:00:00  +0000", 0),
        ("MON, 1 JAN 2024 10:00:00 +0000", 0),
        ("mon, 1 jan 2024 10:00:00 +0000", 0),
        ("Monday, 1 January 2024 10:00:00 +0000", 0),
        ("Mon, 1 Jan 2024 10:00:00", 0),                      // no zone: UTC
        ("Mon, 1 Jan 2024 12:00:00 GMT+0200", 0),
        ("Mon, 1 Jan 2024 12:00:00 UTC+02:00", 0),
        ("Mon, 1 Jan 2024 12:00:00 +02:00", 0),
        ("Mon, 1 Jan 2024 11:00:00 CET", 0),
        ("Mon, 1 Jan 2024 12:00:00 CEST", 0),
        ("Mon, 1 Jan 2024 19:00:00 JST", 0),
        ("Mon, 1 Jan 2024 15:30:00 +0530", 0),
        ("Mon, 1 Jan 2024 10:00:00 +0000 +0100", 0),          // first zone wins
        ("Mon Jan  1 10:00:00 2024", 0),                      // asctime
        ("Mon Jan 1 10:00:00 UTC 2024", 0),                   // date(1)
        ("01-Jan-2024 10:00:00 +0000", 0),                    // IMAP INTERNALDATE
        ("Mon, 1 Jan 2024 10:00:00 AM +0000", 0),
        ("Mon, 1 Jan 2024 10:00:00 PM +0000", 12 * 3600),
        ("Mon, 1 Jan 2024 12:00:00 AM +0000", -10 * 3600),
        ("Mon, 1 Jan 2024", -10 * 3600),                      // no time: midnight
        ("  Mon, 1 Jan 2024 10:00:00 +0000  ", 0),
        ("1 janv. 2024 10:00:00 +0000", 0),
        ("Di, 1 Okt 2024 10:00:00 +0000", 274 * 86400),
        // ISO 8601.
        ("2024-01-01T10:00:00Z", 0),
        ("2024-01-01T12:00:00+02:00", 0),
        ("2024-01-01T12:00:00+0200", 0),
        ("2024-01-01 10:00:00", 0),
        ("2024-01-01T10:00:00.250Z", 0.25),
        ("2024-01-01T10:00Z", 0),
        ("2024-01-01", -10 * 3600),
        ("Thu, 29 Feb 2024 10:00:00 +0000", 59 * 86400),     // leap day
    ] as [(String, Double)])
    func parses(_ raw: String, _ offset: Double) {
        #expect(DateParser.parse(raw)?.timeIntervalSince1970 == Self.base + offset)
    }

    @Test(arguments: [
        "", "garbage", "Mon, 32 Jan 2024 10:00:00 +0000", "Thu, 29 Feb 2023 10:00:00 +0000",
        "Mon, 1 Foo 2024 10:00:00 +0000", "Mon, 1 Jan 2024 25:00:00 +0000", "Mon, 1 Jan 2024 10:61:00 +0000",
        "2024-13-01T10:00:00Z", "2024-01-01T10:00:00 junk", "Jan", "Mon, Jan 2024",
    ])
    func rejects(_ raw: String) {
        #expect(DateParser.parse(raw) == nil)
    }
}
