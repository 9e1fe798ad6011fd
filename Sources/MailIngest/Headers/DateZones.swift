/// Month names and zone names for ``DateParser``.
enum DateZones {
    /// 1...12 for a month name in any case, abbreviated or full (`jan`, `january`, `sept`); French and German
    /// abbreviations that differ from English are accepted too (seen from localised clients; ASCII spellings only).
    static func month(_ word: String) -> Int? {
        guard word.utf8.count >= 3 else { return nil }
        if let month = months[word] { return month }
        return months[String(word.prefix(3))].flatMap { month in
            // A longer word must be the full English name (or `sept`), not any word starting like a month.
            fullNames[month - 1].hasPrefix(word) || word == "sept" ? month : nil
        }
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        // Localised abbreviations seen in the wild.
        "janv": 1, "fev": 2, "fevr": 2, "mars": 3, "avr": 4, "avril": 4, "mai": 5, "juin": 6, "juil": 7,
        "aou": 8, "sept": 9, "mrz": 3, "okt": 10, "dez": 12,
    ]

    private static let fullNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// Seconds east of UTC for a lower-cased zone name: RFC 5322's (UT, GMT, EST...), military letters (RFC 5322
    /// §4.3: all but Z treated as -0000), and common abbreviations whose meaning is not in doubt.
    static func offset(of word: String) -> Int? {
        if word.utf8.count == 1 {
            let letter = word.utf8.first!
            return letter != UInt8(ascii: "j") ? 0 : nil
        }
        return zones[word].map { Int($0 * 3600) }
    }

    private static let zones: [String: Double] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "akst": -9, "akdt": -8, "hst": -10, "adt": -3, "nst": -3.5, "ndt": -2.5,
        "bst": 1, "cet": 1, "met": 1, "west": 1, "wat": 1,
        "cest": 2, "mest": 2, "eet": 2, "cat": 2, "sast": 2,
        "eest": 3, "msk": 3, "eat": 3,
        "ict": 7, "wib": 7, "hkt": 8, "sgt": 8, "awst": 8, "pht": 8,
        "jst": 9, "kst": 9, "acst": 9.5, "aest": 10, "acdt": 10.5, "aedt": 11, "nzst": 12, "nzdt": 13,
    ]
}
