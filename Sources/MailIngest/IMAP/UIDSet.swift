import Foundation
import CLibEtpan

/// Builders for the libetpan values commands take: UID sets as ranges, flag lists, and INTERNALDATE conversion.
enum UIDSet {
    /// A `mailimap_set` of `uids` as compact ranges (`1:5,9,12:14`); the caller frees it with `mailimap_set_free`.
    static func make(_ uids: [UInt32]) throws(IMAPError) -> UnsafeMutablePointer<mailimap_set> {
        guard let set = mailimap_set_new_empty() else { throw IMAPError.command(name: "UID set", response: "out of memory") }
        for range in ranges(uids) where mailimap_set_add_interval(set, range.lowerBound, range.upperBound) != 0 {
            mailimap_set_free(set)
            throw IMAPError.command(name: "UID set", response: "out of memory")
        }
        return set
    }

    /// Sorted, deduplicated UIDs (0 dropped) as closed ranges of consecutive values.
    static func ranges(_ uids: [UInt32]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for uid in Set(uids).sorted() where uid > 0 {
            if let last = result.last, last.upperBound &+ 1 == uid {
                result[result.count - 1] = last.lowerBound...uid
            } else {
                result.append(uid...uid)
            }
        }
        return result
    }

    /// A flag list: system flags (`\Seen`, `\Deleted`, `\Flagged`, `\Answered`, `\Draft`) or keywords (RFC 9051
    /// section 2.3.2). Nil for an invalid keyword (empty, with spaces or specials).
    static func flagList(_ flags: [String]) -> UnsafeMutablePointer<mailimap_flag_list>? {
        guard let list = mailimap_flag_list_new_empty() else { return nil }
        for name in flags {
            let flag: UnsafeMutablePointer<mailimap_flag>?
            switch name.lowercased() {
            case "\\seen": flag = mailimap_flag_new_seen()
            case "\\deleted": flag = mailimap_flag_new_deleted()
            case "\\flagged": flag = mailimap_flag_new_flagged()
            case "\\answered": flag = mailimap_flag_new_answered()
            case "\\draft": flag = mailimap_flag_new_draft()
            default:
                let special: Set<Character> = ["(", ")", "{", " ", "%", "*", "\"", "\\", "]"]
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && !special.contains($0) && $0 >= "!" }) else {
                    mailimap_flag_list_free(list)
                    return nil
                }
                flag = mailimap_flag_new_flag_keyword(strdup(name))
            }
            guard let flag else {
                mailimap_flag_list_free(list)
                return nil
            }
            guard mailimap_flag_list_add(list, flag) == 0 else {
                mailimap_flag_free(flag)
                mailimap_flag_list_free(list)
                return nil
            }
        }
        return list
    }

    /// INTERNALDATE (`dd-Mon-yyyy hh:mm:ss +hhmm`) as a Date; libetpan gives the zone as a signed `hhmm` integer.
    static func date(from value: mailimap_date_time) -> Date? {
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = Int(value.dt_year)
        components.month = Int(value.dt_month)
        components.day = Int(value.dt_day)
        components.hour = Int(value.dt_hour)
        components.minute = Int(value.dt_min)
        components.second = Int(value.dt_sec)
        guard let local = components.date else { return nil }
        let zone = Int(value.dt_zone)
        let offset = (abs(zone) / 100 * 3600 + abs(zone) % 100 * 60) * (zone < 0 ? -1 : 1)
        return local.addingTimeInterval(TimeInterval(-offset))
    }
}

extension UIDSet {
    /// Frees a flag list made by ``flagList(_:)`` that was not handed to a command.
    static func free(_ list: UnsafeMutablePointer<mailimap_flag_list>) {
        mailimap_flag_list_free(list)
    }
}
