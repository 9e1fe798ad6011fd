public import Foundation

/// Parses the Date header (RFC 5322 §3.3 and the obsolete syntax of §4.3) by hand, without a DateFormatter, and
/// tolerates the forms seen in the wild: missing weekday or seconds, two- and three-digit years, comments
/// (`+0200 (CEST)`), any letter case, extra spaces and commas, `GMT+0200`, `UTC+02:00`, common zone abbreviations
/// (CET, CEST, BST, JST...), asctime order (`Mon Jan  1 10:00:00 2024`), `1-Jan-2024`, and ISO 8601. A missing zone
/// means UTC. Military zones other than `Z` count as `-0000` (RFC 5322 §4.3: their sign was never reliable).
public enum DateParser {
    /// The instant `raw` names, or nil when no day, month and year can be read or a field is out of range.
    public static func parse(_ raw: String) -> Date? {
        let bytes = stripComments(Array(raw.utf8))
        guard let fields = iso8601(bytes) ?? rfc5322(bytes) else { return nil }
        return fields.date
    }

    /// Calendar fields plus the zone offset.
    struct Fields {
        var year: Int, month: Int, day: Int
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        /// Seconds east of UTC.
        var offset = 0

        /// Nil when a field is out of range (31 April, 25:00...).
        var date: Date? {
            guard (1...12).contains(month), day >= 1, day <= DateParser.daysIn(month: month, year: year),
                  (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
                  abs(offset) < 24 * 3600
            else { return nil }
            let days = DateParser.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offset
            return Date(timeIntervalSince1970: Double(seconds) + fraction)
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (era arithmetic on 400-year cycles).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Comments (nested, with escapes) become one space each.
    static func stripComments(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "(")) else { return bytes }
        var out: [UInt8] = []
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if depth > 0 && byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "(") {
                if depth == 0 { out.append(0x20) }
                depth += 1
            } else if byte == UInt8(ascii: ")") && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// RFC 3339 / ISO 8601 extended: `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][ ][Z|±hh[:mm]|±hhmm]`.
    static func iso8601(_ input: [UInt8]) -> Fields? {
        var scanner = DateScanner(input)
        scanner.skipSpaces()
        guard let year = scanner.digits(exactly: 4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(1...2), scanner.take(UInt8(ascii: "-")), let day = scanner.digits(1...2)
        else { return nil }
        var fields = Fields(year: year, month: month, day: day)
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(0x20) {
            scanner.skipSpaces()
            guard let hour = scanner.digits(1...2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(exactly: 2)
            else { return scanner.atEnd ? fields : nil }
            fields.hour = hour
            fields.minute = minute
            if scanner.take(UInt8(ascii: ":")) {
                guard let second = scanner.digits(exactly: 2) else { return nil }
                fields.second = second
                fields.fraction = scanner.fraction()
            }
            scanner.skipSpaces()
            if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
                fields.offset = 0
            } else if let offset = scanner.offset() {
                fields.offset = offset
            } else {
                let start = scanner.index
                if let word = scanner.word(), let zone = DateZones.offset(of: word) {
                    fields.offset = zone
                } else {
                    scanner.index = start
                }
            }
        }
        scanner.skipSpaces()
        return scanner.atEnd ? fields : nil
    }
}
